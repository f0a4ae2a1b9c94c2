/**
 * @module
 * `npm run check`: validates all content and the configuration and prints every problem at once
 * (file, field, fix), exiting non-zero; advice (shared instants, a narrow lead picture) is printed
 * without failing. Every picture file the articles name is read and decoded whole (check.ts).
 */
import { join } from 'node:path'
import { articleFile } from '../content/content.ts'
import { ContentError, type Problem } from '../content/errors.ts'
import { MEDIA_DIR } from '../content/image-rules.ts'
import { findContentAdvice, findFutureDates, loadContent } from '../content/load.ts'
import { importContentFiles, ROOT } from '../src/publisher/files/content-files.ts'
import { checkArticleImages } from '../src/publisher/images/check.ts'
import { printAdvice, printProblems } from '../src/publisher/node/problems.ts'
import { loadConfig } from '../src/publisher/node/wrangler-config.ts'

const { site, entries, problems } = await importContentFiles()
let advice: Problem[] = []
try {
  const content = loadContent(site, entries)
  problems.push(...findFutureDates(content, new Date()))
  advice = findContentAdvice(content)
  const pictures = await checkArticleImages(
    entries.map(([slug, article, file]) => ({ ...article, file: file ?? articleFile(slug) })),
    { mediaDir: join(ROOT, MEDIA_DIR) },
  )
  problems.push(...pictures.problems)
  advice.push(...pictures.advice)
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
