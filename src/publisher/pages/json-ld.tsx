/**
 * @module
 * schema.org NewsArticle as JSON-LD. `<` is written as \u003c so no text can close the script
 * element; the JSON stays equal.
 */
import { raw } from 'hono/html'
import type { FeedItem } from '../feed/model.ts'
import { enclosureOf } from '../feed/picture.ts'

export type NewsArticleOptions = { readonly item: FeedItem; readonly publisher: string; readonly publisherURL: string }

export const newsArticle = ({ item, publisher, publisherURL }: NewsArticleOptions) => ({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: item.title,
  description: item.summary,
  datePublished: item.published.toISOString(),
  dateModified: item.updated.toISOString(),
  inLanguage: item.language,
  author: item.authors.map((author) => ({ '@type': 'Organization', name: author.name })),
  sourceOrganization: item.authors.map((author) => ({ '@type': 'Organization', name: author.name })),
  publisher: { '@type': 'Organization', name: publisher, url: publisherURL },
  mainEntityOfPage: { '@type': 'WebPage', '@id': item.url },
  url: item.url,
  dateline: item.dateline,
  keywords: item.tags.map((tag) => tag.name),
  // Google Article structured data: `image`; schema.org ImageObject `creditText` and
  // `copyrightNotice` (the content has one credit line, which is both: "Photo: Name / Agency").
  ...(item.image !== undefined && {
    image: (({ url, width, height }) => ({
      '@type': 'ImageObject',
      url,
      width,
      height,
      ...(item.image.caption !== undefined && { caption: item.image.caption }),
      creditText: item.image.credit,
      copyrightNotice: item.image.credit,
    }))(enclosureOf(item.image)),
  }),
  // schema.org CreativeWork `correction`: a CorrectionComment for each correction.
  ...(item.corrections.length > 0 && {
    correction: item.corrections.map((correction) => ({
      '@type': 'CorrectionComment',
      datePublished: correction.date.toISOString(),
      text: correction.text,
    })),
  }),
})

export const JSONLD = ({ data }: { data: unknown }) => (
  <script type="application/ld+json">{raw(JSON.stringify(data).replace(/</g, '\\u003c'))}</script>
)
