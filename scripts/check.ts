/**
 * @module
 * `npm run check`: validates all content and the configuration and prints every problem at once
 * (file, field, fix), exiting non-zero; advice (shared instants) is printed without failing.
 */
import { ContentError, type Problem } from '../content/errors.ts'
import { findContentAdvice, findFutureDates, loadContent } from '../content/load.ts'
import { importContentFiles } from '../src/publisher/files/content-files.ts'
import { printAdvice, printProblems } from '../src/publisher/node/problems.ts'
import { loadConfig } from '../src/publisher/node/wrangler-config.ts'

const { site, entries, problems } = await importContentFiles()
let advice: Problem[] = []
try {
  const content = loadContent(site, entries)
  problems.push(...findFutureDates(content, new Date()))
  advice = findContentAdvice(content)
} catch (error) {
  if (!(error instanceof ContentError)) throw error
  problems.push(...error.problems)
}
try {
  loadConfig()
} catch (error) {
  problems.push({
    file: 'wrangler.toml',
    field: '[vars]',
    message: (error as Error).message,
    fix: 'correct the value.',
  })
}

printAdvice(advice)
if (problems.length > 0) {
  printProblems(problems)
  process.exit(1)
}
console.log(`✓ content is valid (${entries.length} article${entries.length === 1 ? '' : 's'})`)
