/**
 * @module
 * What `npm run new` writes, as pure functions (tested in tests/scaffold.test.ts): a slug and
 * an article file from a headline, and content/index.ts with the article registered.
 */

export { slugFromHeadline } from './slug.ts'

/**
 * A JavaScript identifier for the import: "china-russia-talks" → "articleChinaRussiaTalks",
 * "صندوق-النقد" → "articleصندوقالنقد". The prefix keeps it clear of index.ts's own names
 * (content, site) and of reserved words.
 */
export const identifierFromSlug = (slug: string): string =>
  `article${slug
    .replace(/(?:^|-)(\p{L}|\p{N})/gu, (_, c: string) => c.toUpperCase())
    // Slugs of any script: keep what an identifier may contain (ECMAScript IdentifierPart).
    .replace(/[^\p{ID_Continue}]/gu, '')}`

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
  for (let n = 2; new RegExp(`\\b${identifier}\\b`).test(index); n++) identifier = `${base}${n}`
  const importLine = `import ${identifier} from './articles/${slug}.ts'\n`
  const firstImport = index.indexOf('import ')
  const entriesStart = index.indexOf('export const articleEntries: readonly ArticleEntry[] = [\n')
  const entriesEnd = entriesStart < 0 ? -1 : index.indexOf('\n]', entriesStart)
  if (firstImport < 0 || entriesEnd < 0) throw new Error('content/index.ts does not list articleEntries as expected')
  const withEntry = `${index.slice(0, entriesEnd)}\n  ['${slug}', ${identifier}],${index.slice(entriesEnd)}`
  return `${withEntry.slice(0, firstImport)}${importLine}${withEntry.slice(firstImport)}`
}
