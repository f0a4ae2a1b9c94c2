/**
 * @module
 * `npm run check`: validates all content and prints every problem at once (file, field, fix),
 * exiting non-zero. Also checks that every file in content/articles/ is listed in
 * content/index.ts under its own name, which the Worker cannot see (it has no filesystem).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ContentError, formatProblem, type Problem } from '../content/errors.ts'
import { findContentAdvice, findFutureDates } from '../content/load.ts'

const problems: Problem[] = []
let advice: Problem[] = []
try {
  const index = await import('../content/index.ts')
  problems.push(...findFutureDates(index.content, new Date()))
  advice = findContentAdvice(index.content)
} catch (error) {
  if (!(error instanceof ContentError)) throw error
  problems.push(...error.problems)
}

// Read from the source, so that this holds even when the content does not load.
const index = readFileSync(join(import.meta.dirname, '../content/index.ts'), 'utf8')
const listed = new Set([...index.matchAll(/^\s*\['([^']+)',/gm)].map((match) => match[1]))
for (const file of readdirSync(join(import.meta.dirname, '../content/articles'))) {
  if (!file.endsWith('.ts')) continue
  const slug = file.slice(0, -3)
  if (!listed.has(slug))
    problems.push({
      file: `content/articles/${file}`,
      field: 'content/index.ts',
      message: 'is not listed, so it would never be published.',
      fix: `import it in content/index.ts and add ['${slug}', …] to articleEntries.`,
    })
}

for (const item of advice) console.warn(`! ${formatProblem(item)}`)
if (problems.length > 0) {
  console.error(`✗ ${problems.length} content problem${problems.length === 1 ? '' : 's'}:`)
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`)
  process.exit(1)
}
console.log(`✓ content is valid (${listed.size} article${listed.size === 1 ? '' : 's'})`)
