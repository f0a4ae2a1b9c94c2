/**
 * @module
 * What `npm run new` writes, as pure functions (tested in tests/scaffold.test.ts): a slug and
 * an article file from a headline. Nothing registers it: the list of articles is the files.
 */

/** "China, Russia: talks – 2026!" → "china-russia-talks-2026" (ASCII, at most 60 characters, on a word boundary). */
export const slugFromHeadline = (headline: string): string => {
  const words = headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > 60) break
    slug = next
  }
  return slug || 'article'
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
