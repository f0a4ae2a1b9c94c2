/**
 * @module
 * The Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * the articles of the last two days, at most 1,000, each with `news:news` (publication name and
 * language, publication date, title).
 *
 * "The last two days" are counted back from the NEWEST ARTICLE's publication, not from the clock:
 * a publish renders the same bytes from the same content whenever it runs, so the document
 * changes only when the articles in it do (a new article, or an edit to one of them), and its
 * ETag and Last-Modified stay true. Counted from the clock, the same content would give a new
 * document every time an article aged out, with nothing published to say so. The cost: while
 * nothing new is published, articles older than two days stay listed; Google ignores those.
 */
import { articlePath } from '../../archive/paths.ts'
import type { Catalog } from './catalog.ts'
import { escapeHTML } from './escape.ts'

/** "Only include articles that were published in the last two days." */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000
/** "You can add up to 1,000 news:news tags": more go in further sitemaps, which we never need. */
export const NEWS_SITEMAP_LIMIT = 1000

export const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9'

export type NewsURL = {
  readonly loc: string
  readonly title: string
  /** Google's publication language (newsLanguage). */
  readonly language: string
  readonly published: Date
}

export type NewsSitemapOptions = { readonly windowMs?: number; readonly limit?: number }

/**
 * Google's language code: ISO 639 (2 or 3 letters), except `zh-cn` (Simplified) and `zh-tw`
 * (Traditional) Chinese.
 */
export const newsLanguage = (language: string): string => {
  const [primary = language, ...subtags] = language.toLowerCase().split('-')
  if (primary !== 'zh') return primary
  const traditional = subtags.some((subtag) => ['hant', 'tw', 'hk', 'mo'].includes(subtag))
  return traditional ? 'zh-tw' : 'zh-cn'
}

/** The articles published within `windowMs` before the newest one, newest first, at most `limit`. */
export const newsSitemapURLs = (
  catalog: Catalog,
  origin: string,
  { windowMs = NEWS_WINDOW_MS, limit = NEWS_SITEMAP_LIMIT }: NewsSitemapOptions = {},
): NewsURL[] => {
  const newest = catalog.entries[0]
  if (!newest) return []
  const since = newest.published.getTime() - windowMs
  const urls: NewsURL[] = []
  // Entries are newest first by publication: the window is a prefix of them.
  for (const entry of catalog.entries) {
    if (entry.published.getTime() < since || urls.length === limit) break
    urls.push({
      loc: origin + articlePath(entry.slug),
      title: entry.title,
      language: newsLanguage(entry.language),
      published: entry.published,
    })
  }
  return urls
}

export const renderNewsSitemap = (urls: readonly NewsURL[], publication: string): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="${NEWS_NAMESPACE}">`,
    ...urls.map(({ loc, title, language, published }) =>
      [
        `  <url><loc>${escapeHTML(loc)}</loc>`,
        '<news:news><news:publication>',
        `<news:name>${escapeHTML(publication)}</news:name><news:language>${escapeHTML(language)}</news:language>`,
        `</news:publication><news:publication_date>${published.toISOString()}</news:publication_date>`,
        `<news:title>${escapeHTML(title)}</news:title></news:news></url>`,
      ].join(''),
    ),
    '</urlset>',
    '',
  ].join('\n')
