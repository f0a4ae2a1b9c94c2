/**
 * @module
 * What `npm run new` writes, as pure functions (tested in tests/scaffold.test.ts): a slug and
 * an article file from a headline. Nothing registers it: the list of articles is the files.
 */

export { slugFromHeadline } from './slug.ts'

export type ScaffoldOptions = { readonly headline: string; readonly id: string; readonly published: string }

/** The new article file: typed, with the fields to fill left empty so `npm run check` names them. */
export const articleSource = ({
  headline,
  id,
  published,
}: ScaffoldOptions): string => `import { defineArticle } from '../../../schema.ts'

export default defineArticle({
  // Permanent: never change it once published.
  id: '${id}',
  title: ${JSON.stringify(headline)},
  standfirst: '',
  dateline: '',
  source: '',
  published: '${published}',
  tags: [],
  // A lead picture: a JPEG, PNG, WebP or AVIF file under content/media/ (any folders).
  // image: { src: '2026/12/harbour.jpg', alt: 'What it shows', caption: 'Optional', credit: 'Photo: Name / Agency' },
  body: [
    [''],
    // A picture between paragraphs:
    // { figure: { src: '2026/12/harbour-night.jpg', alt: 'What it shows', credit: 'Photo: Name / Agency' } },
  ],
})
`
