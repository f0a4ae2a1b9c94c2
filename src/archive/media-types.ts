/** @module The media type of every kind of document the site publishes. */
import type { ListFormat } from './paths.ts'

export const MEDIA_TYPES: { readonly [F in ListFormat]: string } = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  // JSON Feed 1.1: "application/feed+json".
  json: 'application/feed+json; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

/** Sitemaps (sitemaps.org) and the feeds' bytes when shown to a browser (routes/negotiation.ts). */
export const XML = 'application/xml; charset=utf-8'
export const TEXT = 'text/plain; charset=utf-8'

/** RSS and Atom carry a stylesheet for people who open them in a browser: they get XML (routes/negotiation.ts). */
export const isStyled = (format: ListFormat): boolean => format === 'rss' || format === 'atom'
