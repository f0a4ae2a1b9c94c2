/**
 * @module
 * Sitemaps (https://www.sitemaps.org/protocol.html): `/sitemap.xml` is a sitemap index naming
 * its parts, each at most 50,000 URLs (the protocol's limit). Articles are cut into parts from
 * the oldest, as archive pages are, so a new article changes only the last part; home and tag
 * pages are in `pages` parts. Each URL's `lastmod` is the newest `updated` it shows.
 */

import { articlePath, htmlPath, SITEMAP_PATH, sitemapPartPath } from '../../archive/paths.ts'
import { pagingOf } from './build.ts'
import { type Catalog, newestUpdate } from './catalog.ts'
import { escapeHTML } from './escape.ts'

/** URLs per sitemap file (sitemaps.org: "no more than 50,000 URLs"). */
export const SITEMAP_LIMIT = 50_000

export type SitemapURL = { readonly loc: string; readonly lastmod: Date }
export type SitemapPart = { readonly path: string; readonly urls: readonly SitemapURL[] }

/** A list page shows its scope's subscription entries: its lastmod is theirs, as its Last-Modified is. */
const listUpdated = (catalog: Catalog, tag?: string): Date => newestUpdate(pagingOf(catalog, tag)?.current ?? [])

const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** Every part of the sitemap, pages first, then articles oldest first. */
export const sitemapParts = (catalog: Catalog, origin: string, limit = SITEMAP_LIMIT): SitemapPart[] => {
  const pages: SitemapURL[] = [
    { loc: `${origin}/`, lastmod: listUpdated(catalog) },
    ...[...catalog.tags.values()].map(({ tag }) => ({
      loc: origin + htmlPath({ tag: tag.slug }),
      lastmod: listUpdated(catalog, tag.slug),
    })),
  ]
  const articles = catalog.entries
    .toReversed()
    .map((entry) => ({ loc: origin + articlePath(entry.slug), lastmod: entry.updated }))
  return [
    ...chunk(pages, limit).map((urls, i) => ({ path: sitemapPartPath('pages', i + 1), urls })),
    ...chunk(articles, limit).map((urls, i) => ({ path: sitemapPartPath('articles', i + 1), urls })),
  ]
}

/** The newest lastmod in a part: its own lastmod in the index. */
export const partUpdated = (part: SitemapPart): Date =>
  new Date(part.urls.reduce((newest, url) => Math.max(newest, url.lastmod.getTime()), 0))

export const renderSitemapPart = (part: SitemapPart): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...part.urls.map(
      ({ loc, lastmod }) => `  <url><loc>${escapeHTML(loc)}</loc><lastmod>${lastmod.toISOString()}</lastmod></url>`,
    ),
    '</urlset>',
    '',
  ].join('\n')

export const renderSitemapIndex = (parts: readonly SitemapPart[], origin: string): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map(
      (part) =>
        `  <sitemap><loc>${escapeHTML(origin + part.path)}</loc><lastmod>${partUpdated(part).toISOString()}</lastmod></sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n')

export { SITEMAP_PATH }
