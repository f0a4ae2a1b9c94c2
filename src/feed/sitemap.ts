/**
 * @module
 * sitemap.xml (https://www.sitemaps.org/protocol.html): home, every article and every tag page,
 * each with `lastmod` = the newest `updated` it shows. A sitemap holds at most 50,000 URLs.
 */
import { htmlPath, pagingOf } from './build.ts'
import { type Catalog, newestUpdate } from './catalog.ts'
import { escapeHTML } from './escape.ts'

/** A list page shows its scope's subscription entries: its lastmod is theirs, as its Last-Modified is. */
const listUpdated = (catalog: Catalog, tag?: string): string =>
  newestUpdate(pagingOf(catalog, tag)?.current ?? []).toISOString()

const url = (loc: string, lastmod: string): string =>
  `  <url><loc>${escapeHTML(loc)}</loc><lastmod>${lastmod}</lastmod></url>`

export const renderSitemap = (catalog: Catalog, origin: string): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(`${origin}/`, listUpdated(catalog)),
    // Sitemaps protocol: URLs are URL-escaped (RFC 3986), so slugs of any script are percent-encoded.
    ...catalog.entries.map((entry) =>
      url(`${origin}/articles/${encodeURIComponent(entry.slug)}`, entry.updated.toISOString()),
    ),
    ...[...catalog.tags.values()].map(({ tag }) =>
      url(origin + htmlPath({ tag: tag.slug }), listUpdated(catalog, tag.slug)),
    ),
    '</urlset>',
    '',
  ].join('\n')
