/**
 * @module
 * `npm run import -- <file>…`: IPTC ninjs files (1.x or 2.x) to article files under
 * content/articles/ (src/publisher/import/ converts). Every input is converted and checked before
 * anything is written; then each article file is written whole (a temporary file renamed over
 * it). The same story imported again updates its article in place.
 * For tests: `--articles <dir>` imports into another folder, as `npm run publish` reads one.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { formatProblem, type Problem } from '../content/errors.ts'
import { type ArticleEntry, findContentProblems } from '../content/load.ts'
import { ARTICLES_DIR, articleFiles, importContentFiles, ROOT } from '../src/publisher/files/content-files.ts'
import { articleFileText } from '../src/publisher/import/article-file.ts'
import { convertNinjs } from '../src/publisher/import/convert-ninjs.ts'
import { type ImportedStory, type PlannedArticle, planImport } from '../src/publisher/import/plan-import.ts'
import { slugFromHeadline } from '../src/publisher/scaffold/slug.ts'

const { values, positionals } = parseArgs({
  options: { articles: { type: 'string' } },
  allowPositionals: true,
})
if (positionals.length === 0) {
  console.error('Usage: npm run import -- story.json [more.json …]')
  process.exit(2)
}

const fail = (problems: readonly Problem[]): never => {
  console.error(`✗ ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:`)
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`)
  process.exit(1)
}

const folder = values.articles === undefined ? ARTICLES_DIR : resolve(values.articles)
const { site, entries, problems: unreadable } = await importContentFiles(articleFiles(folder))
if (unreadable.length > 0) fail(unreadable)

// 1. Convert every input; stop before writing if any is bad.
const stories: ImportedStory[] = []
const inputProblems: Problem[] = []
for (const input of positionals) {
  let text: string
  try {
    text = readFileSync(input, 'utf8')
  } catch (error) {
    inputProblems.push({
      file: input,
      field: '(file)',
      message: `cannot be read: ${(error as Error).message}`,
      fix: 'check the path.',
    })
    continue
  }
  const { article, uri, problems } = convertNinjs(text, site.language)
  for (const { path, message, fix } of problems)
    inputProblems.push({ file: input, field: path || '(document)', message, fix })
  if (article && uri) stories.push({ input, uri, article })
}
if (inputProblems.length > 0) fail(inputProblems)

// 2. Place them among the existing articles, and check the result as `npm run check` would.
const posix = (path: string): string => path.split(sep).join('/')
const { articles, skipped } = planImport(entries, stories, {
  folder: posix(relative(ROOT, folder)),
  slugOf: slugFromHeadline,
})
const written = new Set(articles.map((planned) => planned.file))
const after: ArticleEntry[] = [
  ...entries.filter(([, , file]) => !written.has(file ?? '')),
  ...articles.map((planned): ArticleEntry => [planned.slug, planned.article, planned.file]),
]
const inputOf = new Map(articles.map((planned) => [planned.file, planned.input]))
const contentProblems = findContentProblems(site, after)
  .filter((problem) => written.has(problem.file))
  .map((problem) => ({ ...problem, file: `${inputOf.get(problem.file)} → ${problem.file}` }))
if (contentProblems.length > 0) fail(contentProblems)

// 3. Each file's text, formatted as `npm run lint` expects (as `npm run new` does).
const biome = join(ROOT, 'node_modules/.bin/biome')
const fileText = (planned: PlannedArticle): string => {
  const path = resolve(ROOT, planned.file)
  let schemaImport = posix(relative(dirname(path), join(ROOT, 'content/schema.ts')))
  if (!schemaImport.startsWith('.')) schemaImport = `./${schemaImport}`
  const text = articleFileText(planned.article, { schemaImport, uri: planned.uri })
  return execFileSync(biome, ['format', `--stdin-file-path=${join(ROOT, 'content/articles/imported.ts')}`], {
    input: text,
    encoding: 'utf8',
  })
}
const previous = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
const changes = articles
  .map((planned) => ({ planned, path: resolve(ROOT, planned.file), text: fileText(planned) }))
  .filter(({ path, text }) => previous(path) !== text)

// 4. Write: each file whole, or not at all (a rename replaces a file atomically on POSIX).
const temporary: string[] = []
try {
  for (const change of changes) {
    const temp = `${change.path}.${process.pid}.import-tmp`
    writeFileSync(temp, change.text, { flag: 'wx' })
    temporary.push(temp)
  }
  changes.forEach((change, i) => {
    renameSync(temporary[i] as string, change.path)
  })
} catch (error) {
  for (const temp of temporary) rmSync(temp, { force: true })
  throw error
}

const changed = new Set(changes.map(({ planned }) => planned.file))
for (const planned of articles) {
  const what = !changed.has(planned.file) ? 'Unchanged' : planned.replaces ? 'Updated' : 'Created'
  console.log(`${what} ${planned.file} (id ${planned.article.id}) from ${planned.input}`)
}
for (const story of skipped) console.log(`Skipped ${story.input}: ${story.file} ${story.reason}`)
