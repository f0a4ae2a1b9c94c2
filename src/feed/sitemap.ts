/**
 * @module
 * sitemap.xml (https://www.sitemaps.org/protocol.html): home, every article and every tag page,
 * each with `lastmod` = the newest `updated` it shows. A sitemap holds at most 50,000 URLs.
 */
import { htmlPath } from './build.ts'
import type { Catalog, CatalogEntry } from './catalog.ts'
import { escapeHTML } from './escape.ts'

const newest = (entries: readonly CatalogEntry[]): string =>
  new Date(entries.reduce((max, entry) => Math.max(max, entry.updated.getTime()), 0)).toISOString()

const url = (loc: string, lastmod: string): string =>
  `  <url><loc>${escapeHTML(loc)}</loc><lastmod>${lastmod}</lastmod></url>`

export const renderSitemap = (catalog: Catalog, origin: string): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(`${origin}/`, newest(catalog.entries)),
    ...catalog.entries.map((entry) => url(`${origin}/articles/${entry.slug}`, entry.updated.toISOString())),
    ...[...catalog.tags.values()].map(({ tag, entries }) => url(origin + htmlPath({ tag: tag.slug }), newest(entries))),
    '</urlset>',
    '',
  ].join('\n')
