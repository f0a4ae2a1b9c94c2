/**
 * @module
 * An imported article as the text of its file under content/articles/, in the shape `npm run new`
 * writes and authors edit (README "Add an article"). Strings are JSON string literals, valid
 * TypeScript whatever they contain; `npm run import` then formats the file with Biome, as
 * `npm run new` does.
 */
import { type ArticleInput, type Inline, isParagraph } from '../../../content/schema.ts'

export type ArticleFileOptions = {
  /** Module specifier of content/schema.ts from the article file, e.g. `'../schema.ts'`. */
  readonly schemaImport: string
  /** The agency's `uri` of the story: named in the file, so that a reader knows where it came from. */
  readonly uri: string
}

const literal = (value: string): string => JSON.stringify(value)

const inline = (run: Inline): string => (typeof run === 'string' ? literal(run) : `{ quote: ${literal(run.quote)} }`)

export const articleFileText = (article: ArticleInput, { schemaImport, uri }: ArticleFileOptions): string => {
  const optional = [
    article.updated === undefined ? '' : `  updated: ${literal(article.updated)},\n`,
    article.language === undefined ? '' : `  language: ${literal(article.language)},\n`,
  ].join('')
  return `import { defineArticle } from ${literal(schemaImport)}

// Imported by \`npm run import\` from the agency's ninjs item ${literal(uri)}.
// Importing that item again rewrites this file (the id comes from the item's uri); published stays.
export default defineArticle({
  // Permanent: never change it once published.
  id: ${literal(article.id)},
  title: ${literal(article.title)},
  standfirst: ${literal(article.standfirst)},
  dateline: ${literal(article.dateline)},
  source: ${literal(article.source)},
  published: ${literal(article.published)},
${optional}  tags: [${article.tags.map(literal).join(', ')}],
  body: [
${article.body
  .filter(isParagraph)
  .map((paragraph) => `    [${paragraph.map(inline).join(', ')}],\n`)
  .join('')}  ],
})
`
}
