/**
 * @module
 * The URL scheme, in one place: every path the site publishes, how to build it and how to read
 * one back. Renderers, the sitemap, the publisher and the routes all use these functions, and a
 * path is also the document's key in storage.
 *
 *   /                            home              /articles/<slug>           an article
 *   /feed.xml /atom.xml /feed.json                 the subscription feeds
 *   /archive/<n>[/feed.xml|…]    archive page n (RFC 5005), as HTML or a feed
 *   /tags/<tag>[/archive/<n>][/feed.xml|…]         the same for one tag
 *   /sitemap.xml                 sitemap index     /sitemaps/<part>.xml       its parts
 *   /sitemap-news.xml            Google News sitemap (the last 48 hours before the newest article)
 *   /<lang>/…                    the list documents above (home, feeds, archives, tags) of the
 *                                articles in one language other than the site's: /ru/, /ru/feed.xml,
 *                                /ru/tags/<tag>, /ru/archive/<n>. The site's language keeps the
 *                                unprefixed URLs (Google, "Managing multi-regional and multilingual
 *                                sites": a subdirectory per language). <lang> is the lower-case
 *                                primary subtag of the BCP 47 tag (RFC 5646 §2.2.1).
 *   /robots.txt                  /styles.css /feed.css /copy.js /favicon.svg /favicon.ico   assets
 *   /icon-32.png /icon-64.png /icon-192.png /icon-512.png /apple-touch-icon.png /manifest.webmanifest
 *                                the site icon (src/publisher/images/icons.ts)
 *   /media/<16 hex>/<width>.<avif|webp|jpg>        a picture's variant, content-addressed: never
 *                                changes, so served immutable (src/publisher/images/variants.ts)
 *
 * A request path is parsed once (resolvePath) and the resource passed along.
 */

/**
 * Which list document: `language` a language path prefix (absent: the site's unprefixed documents),
 * `tag` a tag slug (absent: the whole scope), `page` an archive page (absent: the subscription feed).
 */
export type DocumentRef = { readonly language?: string; readonly tag?: string; readonly page?: number }

/** The path prefix of a BCP 47 tag: its primary language subtag, lower-case (`"pt-BR"` → `"pt"`). */
export const languagePrefix = (language: string): string => (language.split('-')[0] ?? language).toLowerCase()

export type FeedFormat = 'rss' | 'atom' | 'json'
export type ListFormat = FeedFormat | 'html'

/** One URL per format: the same document in RSS, Atom and JSON Feed, and the HTML page that mirrors it. */
export type FormatURLs = { readonly [F in ListFormat]: string }

/** The one table of feed file names: a list document's path in each feed format ends with these. */
export const FEED_FILES: { readonly [F in FeedFormat]: string } = {
  rss: '/feed.xml',
  atom: '/atom.xml',
  json: '/feed.json',
}

const FORMAT_OF: ReadonlyMap<string, FeedFormat> = new Map(
  Object.entries(FEED_FILES).map(([format, file]) => [file, format as FeedFormat]),
)

/** Files the builder publishes from code, not content: stylesheets, the copy script, icons. */
export const ASSET_PATHS = ['/styles.css', '/feed.css', '/copy.js', '/favicon.svg', '/favicon.ico'] as const
export type AssetPath = (typeof ASSET_PATHS)[number]

/** The site icon in every form, made from content/icon.png by the publisher (src/publisher/images/icons.ts). */
export const ICON_PATHS = {
  favicon: '/favicon.ico',
  png32: '/icon-32.png',
  png64: '/icon-64.png',
  png192: '/icon-192.png',
  png512: '/icon-512.png',
  appleTouch: '/apple-touch-icon.png',
  manifest: '/manifest.webmanifest',
} as const

const ASSETS: ReadonlySet<string> = new Set([...ASSET_PATHS, ...Object.values(ICON_PATHS)])

/** A picture variant's path: `/media/<fingerprint>/<width>.<extension>` (src/publisher/images/variants.ts). */
const MEDIA = /^\/media\/[0-9a-f]{16}\/[1-9][0-9]{0,4}\.(?:avif|webp|jpg)$/

export const SITEMAP_PATH = '/sitemap.xml'
/** Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export const NEWS_SITEMAP_PATH = '/sitemap-news.xml'
export const ROBOTS_PATH = '/robots.txt'
/** Storage keys of the error pages: not URLs (a path never contains a NUL). */
export const NOT_FOUND_KEY = '\u0000not-found'
export const GONE_KEY = '\u0000gone'

/** Path of a list document's HTML page: `/`, `/archive/2`, `/tags/china`, `/ru/`, `/ru/tags/china/archive/2`. */
export const htmlPath = ({ language, tag, page }: DocumentRef): string => {
  const prefix = language === undefined ? '' : `/${languagePrefix(language)}`
  const base = tag === undefined ? '' : `/tags/${encodeURIComponent(tag)}`
  const path = `${prefix}${base}${page === undefined ? '' : `/archive/${page}`}`
  return path === prefix ? `${prefix}/` : path
}

/** Path of a list document in one format. */
export const listPath = (ref: DocumentRef, format: ListFormat): string => {
  const html = htmlPath(ref)
  if (format === 'html') return html
  return `${html.endsWith('/') ? html.slice(0, -1) : html}${FEED_FILES[format]}`
}

/** Paths of a list document in every format. */
export const documentPaths = (ref: DocumentRef): FormatURLs => ({
  rss: listPath(ref, 'rss'),
  atom: listPath(ref, 'atom'),
  json: listPath(ref, 'json'),
  html: listPath(ref, 'html'),
})

export const articlePath = (slug: string): string => `/articles/${encodeURIComponent(slug)}`

/** A sitemap part: `articles` (oldest first) or `pages` (home and tags), numbered from 1. */
export const sitemapPartPath = (kind: 'articles' | 'pages', part: number): string => `/sitemaps/${kind}-${part}.xml`

/** What a path names; undefined for any path the site never publishes. */
export type Resource =
  | { readonly kind: 'list'; readonly ref: DocumentRef; readonly format: ListFormat }
  | { readonly kind: 'article'; readonly slug: string }
  | { readonly kind: 'sitemap' }
  | { readonly kind: 'robots' }
  | { readonly kind: 'asset' }
  | { readonly kind: 'media' }

/** Page numbers as we write them: 1, 2, … (no 0, no leading zeros, no signs). */
const PAGE = '([1-9][0-9]{0,8})'
const SEGMENT = '([^/]+)'
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const FEED_FILE = [...FORMAT_OF.keys()].map(escapeRegExp).join('|')
/** A language prefix as htmlPath writes it: a lower-case primary subtag (RFC 5646 §2.2.1: 2–3 letters). */
const LANGUAGE = '([a-z]{2,3})'
const LIST = new RegExp(`^(?:/${LANGUAGE}(?=/))?(?:/tags/${SEGMENT})?(?:/archive/${PAGE})?(${FEED_FILE})?$`)
const LANGUAGE_HOME = new RegExp(`^/${LANGUAGE}/$`)
const ARTICLE = new RegExp(`^/articles/${SEGMENT}$`)
const SITEMAP_PART = /^\/sitemaps\/(?:articles|pages)-[1-9][0-9]{0,8}\.xml$/

const decodeSegment = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** Reads a request path (as sent: percent-encoded) back into what it names. */
export const parsePath = (path: string): Resource | undefined => {
  if (path === ROBOTS_PATH) return { kind: 'robots' }
  if (ASSETS.has(path)) return { kind: 'asset' }
  if (MEDIA.test(path)) return { kind: 'media' }
  if (path === SITEMAP_PATH || path === NEWS_SITEMAP_PATH || SITEMAP_PART.test(path)) return { kind: 'sitemap' }
  const article = ARTICLE.exec(path)
  if (article) {
    const slug = decodeSegment(article[1] as string)
    return slug ? { kind: 'article', slug } : undefined
  }
  const home = LANGUAGE_HOME.exec(path)
  if (path === '/' || home) return { kind: 'list', ref: home ? { language: home[1] } : {}, format: 'html' }
  // A bare prefix (`/ru`) does not match: LIST wants a `/` after it, and `/ru/` is the home above.
  const list = LIST.exec(path)
  if (!list || list[0] === '') return undefined
  const tag = list[2] === undefined ? undefined : decodeSegment(list[2])
  if (tag === '' || (list[2] !== undefined && tag === undefined)) return undefined
  const format = list[4] === undefined ? 'html' : (FORMAT_OF.get(list[4]) as FeedFormat)
  const page = list[3] === undefined ? undefined : Number(list[3])
  return { kind: 'list', ref: { ...(list[1] !== undefined && { language: list[1] }), tag, page }, format }
}

/** The canonical path of a resource: its storage key. */
export const pathOf = (resource: Resource, path: string): string => {
  if (resource.kind === 'list') return listPath(resource.ref, resource.format)
  if (resource.kind === 'article') return articlePath(resource.slug)
  return path
}

/** A request path read once: what it names and its storage key, or undefined for a path we never publish. */
export type ResolvedPath = { readonly resource: Resource; readonly key: string }

export const resolvePath = (path: string): ResolvedPath | undefined => {
  const resource = parsePath(path)
  return resource && { resource, key: pathOf(resource, path) }
}

/** The canonical path of what a request path names (its storage key), or undefined. */
export const canonicalPath = (path: string): string | undefined => resolvePath(path)?.key

/** A feed in any format (not an HTML page). */
export const isFeed = (resource: Resource): boolean => resource.kind === 'list' && resource.format !== 'html'

/**
 * A subscription feed: the site's or a tag's, in any feed format, not an archive page (which
 * never changes). These are the WebSub topics (W3C WebSub §4: the topic is the self URL).
 */
export const isSubscriptionFeed = (resource: Resource): boolean =>
  resource.kind === 'list' && resource.format !== 'html' && resource.ref.page === undefined

/** The canonical path of a subscription feed, or undefined for any other path. */
export const topicPath = (path: string): string | undefined => {
  const resolved = resolvePath(path)
  return resolved && isSubscriptionFeed(resolved.resource) ? resolved.key : undefined
}
