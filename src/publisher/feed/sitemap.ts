/**
 * @module
 * Sitemaps (https://www.sitemaps.org/protocol.html): `/sitemap.xml` is a sitemap index naming
 * its parts, each at most 50,000 URLs (the protocol's limit). Articles are cut into parts from
 * the oldest, as archive pages are, so a new article changes only the last part; home and tag
 * pages are in `pages` parts, each language's after the site's. Each URL's `lastmod` is the
 * newest `updated` it shows. An article with translations lists every language version, itself
 * included, as `xhtml:link rel="alternate" hreflang` (Google, "Localized versions of your page":
 * the sitemap method).
 */

import { articlePath, htmlPath, SITEMAP_PATH, sitemapPartPath } from '../../archive/paths.ts'
import { pagingOf } from './build.ts'
import { type Catalog, type CatalogEntry, newestUpdate } from './catalog.ts'
import { escapeHTML } from './escape.ts'
import { languageCatalogs } from './languages.ts'
import type { Translation } from './model.ts'

/** URLs per sitemap file (sitemaps.org: "no more than 50,000 URLs"). */
export const SITEMAP_LIMIT = 50_000

export type SitemapURL = {
  readonly loc: string
  readonly lastmod: Date
  /** Every language version of the page, itself included; absent for a page without translations. */
  readonly alternates?: readonly Translation[]
}

const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml'
export type SitemapPart = { readonly path: string; readonly urls: readonly SitemapURL[] }

/** A list page shows its scope's subscription entries: its lastmod is theirs, as its Last-Modified is. */
const listUpdated = (catalog: Catalog, tag?: string): Date => newestUpdate(pagingOf(catalog, tag)?.current ?? [])

const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/** The home and tag pages' parts: the site's pages, then each language's. */
export const sitemapPageParts = (catalog: Catalog, origin: string, limit = SITEMAP_LIMIT): SitemapPart[] => {
  const scopePages = (scope: Catalog, language?: string): SitemapURL[] => [
    { loc: origin + htmlPath({ language }), lastmod: listUpdated(scope) },
    ...[...scope.tags.values()].map(({ tag }) => ({
      loc: origin + htmlPath({ language, tag: tag.slug }),
      lastmod: listUpdated(scope, tag.slug),
    })),
  ]
  const pages: SitemapURL[] = [
    ...scopePages(catalog),
    ...[...languageCatalogs(catalog)].flatMap(([language, scope]) => scopePages(scope, language)),
  ]
  return chunk(pages, limit).map((urls, i) => ({ path: sitemapPartPath('pages', i + 1), urls }))
}

/** The articles of each articles part, oldest first: a new article changes only the last part. */
export const sitemapArticleChunks = (catalog: Catalog, limit = SITEMAP_LIMIT): CatalogEntry[][] =>
  chunk(catalog.entries.toReversed(), limit)

/** An article's URL, with every language version when it has translations. */
export const sitemapArticleURL = (catalog: Catalog, origin: string, entry: CatalogEntry): SitemapURL => {
  const versions = catalog.versions.get(entry)
  const url = { loc: origin + articlePath(entry.slug), lastmod: entry.updated }
  if (!versions) return url
  return {
    ...url,
    alternates: versions.map((version) => ({ language: version.language, url: origin + articlePath(version.slug) })),
  }
}

/** The articles part `i` (from 0) holding `entries`. */
export const sitemapArticlePart = (
  catalog: Catalog,
  origin: string,
  entries: readonly CatalogEntry[],
  i: number,
): SitemapPart => ({
  path: sitemapPartPath('articles', i + 1),
  urls: entries.map((entry) => sitemapArticleURL(catalog, origin, entry)),
})

/** Every part of the sitemap, pages first, then articles oldest first. */
export const sitemapParts = (catalog: Catalog, origin: string, limit = SITEMAP_LIMIT): SitemapPart[] => [
  ...sitemapPageParts(catalog, origin, limit),
  ...sitemapArticleChunks(catalog, limit).map((entries, i) => sitemapArticlePart(catalog, origin, entries, i)),
]

/** The newest lastmod in a part: its own lastmod in the index. */
export const partUpdated = (part: SitemapPart): Date =>
  new Date(part.urls.reduce((newest, url) => Math.max(newest, url.lastmod.getTime()), 0))

const alternateLinks = (alternates: readonly Translation[] | undefined): string =>
  (alternates ?? [])
    .map(
      ({ language, url }) =>
        `<xhtml:link rel="alternate" hreflang="${escapeHTML(language)}" href="${escapeHTML(url)}"/>`,
    )
    .join('')

export const renderSitemapPart = (part: SitemapPart): string => {
  // The xhtml namespace only where it is used: a site without translations keeps its bytes.
  const xhtml = part.urls.some((url) => url.alternates) ? ` xmlns:xhtml="${XHTML_NAMESPACE}"` : ''
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${xhtml}>`,
    ...part.urls.map(
      ({ loc, lastmod, alternates }) =>
        `  <url><loc>${escapeHTML(loc)}</loc><lastmod>${lastmod.toISOString()}</lastmod>${alternateLinks(alternates)}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n')
}

/** A part as the index names it: its path and its newest lastmod (`partUpdated`). */
export type SitemapIndexEntry = { readonly path: string; readonly lastmod: Date }

export const renderSitemapIndex = (parts: readonly SitemapIndexEntry[], origin: string): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map(
      (part) =>
        `  <sitemap><loc>${escapeHTML(origin + part.path)}</loc><lastmod>${part.lastmod.toISOString()}</lastmod></sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n')

export { SITEMAP_PATH }
