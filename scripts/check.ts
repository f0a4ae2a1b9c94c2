/**
 * @module
 * `npm run check`: validates all content and prints every problem at once (file, field, fix),
 * exiting non-zero. Also checks that every file in content/articles/ is listed in
 * content/index.ts under its own name, which the Worker cannot see (it has no filesystem).
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ContentError, formatProblem, type Problem } from '../content/errors.ts'
import { findContentAdvice } from '../content/load.ts'

const problems: Problem[] = []
let registered: readonly (readonly [string, unknown])[] = []
let advice: Problem[] = []
try {
  const index = await import('../content/index.ts')
  registered = index.articleEntries
  advice = findContentAdvice(index.content)
} catch (error) {
  if (!(error instanceof ContentError)) throw error
  problems.push(...error.problems)
}

const listed = new Set(registered.map(([slug]) => slug))
for (const file of readdirSync(join(import.meta.dirname, '../content/articles'))) {
  if (!file.endsWith('.ts')) continue
  const slug = file.slice(0, -3)
  if (registered.length > 0 && !listed.has(slug))
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
console.log(`✓ content is valid (${registered.length} article${registered.length === 1 ? '' : 's'})`)
