/**
 * @module
 * What `npm run new` writes, as pure functions (tested in tests/scaffold.test.ts): a slug and
 * an article file from a headline, and content/index.ts with the article registered.
 */

export { slugFromHeadline } from './slug.ts'

/** Code points after "article": the name is only for the import, and a long one would wrap the entry's line. */
const MAX_IDENTIFIER_LENGTH = 40

/**
 * A JavaScript identifier for the import: "china-russia-talks" → "articleChinaRussiaTalks",
 * "صندوق-النقد" → "articleصندوقالنقد". The prefix keeps it clear of index.ts's own names
 * (content, site) and of reserved words.
 */
export const identifierFromSlug = (slug: string): string => {
  let name = ''
  for (const word of slug.split('-')) {
    // Slugs of any script: keep what an identifier may contain (ECMAScript IdentifierPart).
    const part = word.replace(/^./u, (c) => c.toUpperCase()).replace(/[^\p{ID_Continue}]/gu, '')
    // Whole words while they fit; a first word longer than that (no spaces in the script) is cut.
    if (Array.from(name + part).length > MAX_IDENTIFIER_LENGTH) {
      if (name === '') name = Array.from(part).slice(0, MAX_IDENTIFIER_LENGTH).join('')
      break
    }
    name += part
  }
  return `article${name}`
}

/** East Asian wide and fullwidth characters (UAX #11), which take two columns. */
const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u

/** Columns of a line, as the formatter counts them against its width (biome.json: 120). */
const columns = (line: string): number => Array.from(line).reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0)

/**
 * An entry of articleEntries on one line: `npm run check` reads each entry's slug from its line,
 * so one too wide for the formatter (a long slug in a wide script) is marked to stay whole.
 */
const entryLine = (slug: string, identifier: string): string => {
  const line = `  ['${slug}', ${identifier}],`
  return columns(line) > 120 ? `  // biome-ignore format: npm run check reads each entry from one line\n${line}` : line
}

export type ScaffoldOptions = { readonly headline: string; readonly id: string; readonly published: string }

/** The new article file: typed, with the fields to fill left empty so `npm run check` names them. */
export const articleSource = ({
  headline,
  id,
  published,
}: ScaffoldOptions): string => `import { defineArticle } from '../schema.ts'

export default defineArticle({
  // Permanent: never change it once published.
  id: '${id}',
  title: ${JSON.stringify(headline)},
  standfirst: '',
  dateline: '',
  source: '',
  published: '${published}',
  tags: [],
  body: [
    [''],
  ],
})
`

/** content/index.ts with one more import and one more entry, or an error if its shape is not ours. */
export const registerArticle = (index: string, slug: string): string => {
  // "a-1b" and "a1b" make the same name: number a second one.
  const base = identifierFromSlug(slug)
  let identifier = base
  // Whole identifiers only, in any script (\b knows only ASCII word characters).
  const used = (name: string) => new RegExp(`(?<![\\p{ID_Continue}$])${name}(?![\\p{ID_Continue}$])`, 'u').test(index)
  for (let n = 2; used(identifier); n++) identifier = `${base}${n}`
  const importLine = `import ${identifier} from './articles/${slug}.ts'\n`
  const firstImport = index.indexOf('import ')
  const entriesStart = index.indexOf('export const articleEntries: readonly ArticleEntry[] = [\n')
  const entriesEnd = entriesStart < 0 ? -1 : index.indexOf('\n]', entriesStart)
  if (firstImport < 0 || entriesEnd < 0) throw new Error('content/index.ts does not list articleEntries as expected')
  const withEntry = `${index.slice(0, entriesEnd)}\n${entryLine(slug, identifier)}${index.slice(entriesEnd)}`
  return `${withEntry.slice(0, firstImport)}${importLine}${withEntry.slice(firstImport)}`
}
