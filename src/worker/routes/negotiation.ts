/**
 * @module
 * Browsers show `application/rss+xml` and `application/atom+xml` as raw text, ignoring the
 * feed's stylesheet; they apply it to `application/xml`. A navigation in a browser asks for
 * `text/html` first; feed readers and validators ask for feed types first (or anything). So the
 * same bytes go to a browser labelled `application/xml`, to everyone else with the feed's own
 * media type, with `Vary: Accept`.
 */

/** True for a browser navigation: the first media range asked for is text/html. */
export const isBrowserNavigation = (accept: string | null | undefined): boolean =>
  accept !== null && accept !== undefined && /^\s*text\/html\s*(?:[,;]|$)/i.test(accept)

export const BROWSER_XML = 'application/xml; charset=utf-8'
