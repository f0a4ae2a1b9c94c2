/**
 * @module
 * Everything the site publishes for a catalog: one planned document per path, with what it is
 * rendered from (its fingerprint source) and how to render it. Planning renders nothing, so
 * planning 100,000 articles is cheap; only documents whose fingerprint changed get rendered.
 */

import { isStyled, MEDIA_TYPES, TEXT, XML } from '../../archive/media-types.ts'
import {
  type AssetPath,
  articlePath,
  type DocumentRef,
  type FeedFormat,
  GONE_KEY,
  htmlPath,
  type ListFormat,
  listPath,
  NEWS_SITEMAP_PATH,
  NOT_FOUND_KEY,
  ROBOTS_PATH,
  SITEMAP_PATH,
  sitemapPartPath,
} from '../../archive/paths.ts'
import { renderAtom } from '../feed/atom.ts'
import { buildFeedModel, isFullArchivePage, pagingOf } from '../feed/build.ts'
import { type Catalog, type CatalogEntry, newestUpdate } from '../feed/catalog.ts'
import { renderJSONFeed } from '../feed/json-feed.ts'
import { languageCatalogs, scopeCatalog } from '../feed/languages.ts'
import type { FeedModel } from '../feed/model.ts'
import { newsSitemapURLs, renderNewsSitemap } from '../feed/news-sitemap.ts'
import { renderRSS } from '../feed/rss.ts'
import {
  partUpdated,
  renderSitemapIndex,
  renderSitemapPart,
  type SitemapIndexEntry,
  sitemapArticleChunks,
  sitemapArticlePart,
  sitemapPageParts,
} from '../feed/sitemap.ts'
import { FEED_STYLES } from '../pages/feed-styles.ts'
import {
  articleFeeds,
  type PageContext,
  renderArticlePage,
  renderGonePage,
  renderListPage,
  renderNotFoundPage,
} from '../pages/render.tsx'
import { ICON, STYLES } from '../pages/styles.ts'
import { COPY_SCRIPT } from '../pages/subscribe.tsx'
import { discoveryLinks } from './discovery-links.ts'
import { type EntryDigestOf, entryDigests } from './entry-digest.ts'
import { ListHash } from './list-hash.ts'

export type Rendered = {
  readonly body: string
  /** The newest change the body shows; absent for documents no content dates (robots.txt, error pages). */
  readonly lastModified?: Date
}

/**
 * The order in which a publish writes, so that an interrupted one never leaves a link to a
 * document that is not there yet: article pages, then archive pages (newest first: a full page
 * links to the next newer one), then everything that links to them.
 */
export const PHASES = { articles: 1, archives: 2, lists: 3 } as const
export type Phase = (typeof PHASES)[keyof typeof PHASES]

export type PlannedDocument = {
  readonly path: string
  readonly phase: Phase
  /** Within a phase, lower first. */
  readonly order: number
  readonly contentType: string
  /** Also served to browsers as application/xml (routes/negotiation.ts), with its own ETag. */
  readonly styled: boolean
  /** A full archive page, which never changes (RFC 5005 §4). */
  readonly immutable: boolean
  /** Slugs of the articles whose text it shows: their bodies are loaded before it is rendered. */
  readonly shows: readonly string[]
  /** The `Link` header it is served with (WebSub discovery, discovery-links.ts), decided with the bytes. */
  readonly link?: string
  /** Everything the bytes depend on besides the code, the origin and the site (publish.ts adds those). */
  readonly source: string
  readonly render: () => Rendered | Promise<Rendered>
}

const FEED_RENDERERS: { readonly [F in FeedFormat]: (model: FeedModel) => string } = {
  rss: renderRSS,
  atom: renderAtom,
  json: renderJSONFeed,
}

const missing = (slug: string): never => {
  throw new Error(`no content hash for article ${slug}`)
}

/** A model's fingerprint source: everything but the items' text, which their article hashes stand for. */
const modelSource = (format: ListFormat, model: FeedModel, articleHashes: ReadonlyMap<string, string>): string =>
  JSON.stringify([
    format,
    {
      ...model,
      items: model.items.map((item) => {
        const hash = articleHashes.get(item.slug) ?? missing(item.slug)
        // Its translations' URLs (Atom hreflang links) are not in its own content.
        return item.translations.length === 0 ? hash : [hash, item.translations]
      }),
    },
  ])

/** The four documents (three feed formats and HTML) of one list: a scope's subscription page or an archive page. */
export function* listDocuments(
  catalog: Catalog,
  context: PageContext,
  ref: DocumentRef,
  articleHashes: ReadonlyMap<string, string>,
  hub: string | undefined,
): Generator<PlannedDocument> {
  const model = buildFeedModel(catalog, { origin: context.origin, hub, ...ref }) as FeedModel
  const immutable = isFullArchivePage(catalog, ref)
  const common = {
    phase: ref.page === undefined ? PHASES.lists : PHASES.archives,
    order: -(ref.page ?? 0),
    immutable,
    shows: model.items.map((item) => item.slug),
  }
  for (const format of ['rss', 'atom', 'json'] as const)
    yield {
      ...common,
      path: listPath(ref, format),
      link: discoveryLinks(listPath(ref, format), context.origin, hub),
      contentType: MEDIA_TYPES[format],
      styled: isStyled(format),
      source: modelSource(format, model, articleHashes),
      render: () => ({ body: FEED_RENDERERS[format](model), lastModified: model.updated }),
    }
  yield {
    ...common,
    path: listPath(ref, 'html'),
    contentType: MEDIA_TYPES.html,
    styled: false,
    source: modelSource('html', model, articleHashes),
    render: async () => ({ body: await renderListPage(context, ref, model), lastModified: model.updated }),
  }
}

/** Every list document of a scope (the site, or one tag): its subscription documents and every archive page. */
export function* scopeDocuments(
  catalog: Catalog,
  context: PageContext,
  tag: string | undefined,
  articleHashes: ReadonlyMap<string, string>,
  hub: string | undefined,
  language?: string,
): Generator<PlannedDocument> {
  const scope = scopeCatalog(catalog, language)
  const paging = scope && pagingOf(scope, tag)
  if (!paging) return
  yield* listDocuments(catalog, context, { language, tag }, articleHashes, hub)
  for (let page = 1; page <= paging.pages.length; page++)
    yield* listDocuments(catalog, context, { language, tag, page }, articleHashes, hub)
}

/** Each language other than the site's: its home, feeds and tag pages under its path prefix. */
function* languageDocuments(
  catalog: Catalog,
  context: PageContext,
  articleHashes: ReadonlyMap<string, string>,
  hub: string | undefined,
): Generator<PlannedDocument> {
  for (const [language, scope] of languageCatalogs(catalog)) {
    yield* scopeDocuments(catalog, context, undefined, articleHashes, hub, language)
    for (const tag of scope.tags.keys()) yield* scopeDocuments(catalog, context, tag, articleHashes, hub, language)
  }
}

/** The Google News sitemap: its source is what it lists, so it changes only when those articles do. */
export const newsSitemapDocument = (catalog: Catalog, origin: string): PlannedDocument => {
  const urls = newsSitemapURLs(catalog, origin)
  return {
    path: NEWS_SITEMAP_PATH,
    phase: PHASES.lists,
    order: 0,
    contentType: XML,
    styled: false,
    immutable: false,
    shows: [],
    source: JSON.stringify([catalog.site.publisher, urls]),
    render: () => ({ body: renderNewsSitemap(urls, catalog.site.publisher) }),
  }
}

/**
 * A sitemap articles part's fingerprint source: its entries' digests (entry-digest.ts), which
 * hold everything its URLs show (slug, `updated` through the content hash, language versions),
 * instead of the URLs as text. At 100,000 articles the URLs of every part, made and serialised to
 * find the one part that changed, took ~0.3 s of each publish.
 */
const articlesPartSource = (entries: readonly CatalogEntry[], digestOf: EntryDigestOf): string => {
  const hash = new ListHash()
  for (const entry of entries) {
    const [word1, word2] = digestOf(entry)
    hash.mix(word1, word2)
  }
  return `sitemap articles\u0000${entries.length}\u0000${hash.digest()}`
}

/** The sitemap's parts, then its index. Articles parts' URLs are made only when they are rendered. */
export function* sitemapDocuments(
  catalog: Catalog,
  origin: string,
  digestOf: EntryDigestOf,
): Generator<PlannedDocument> {
  const common = { phase: PHASES.lists, order: 0, contentType: XML, styled: false, immutable: false, shows: [] }
  const index: SitemapIndexEntry[] = []
  for (const part of sitemapPageParts(catalog, origin)) {
    index.push({ path: part.path, lastmod: partUpdated(part) })
    yield {
      ...common,
      path: part.path,
      source: JSON.stringify(part.urls),
      render: () => ({ body: renderSitemapPart(part) }),
    }
  }
  for (const [i, entries] of sitemapArticleChunks(catalog).entries()) {
    const part = { path: sitemapPartPath('articles', i + 1), lastmod: newestUpdate(entries) }
    index.push(part)
    yield {
      ...common,
      path: part.path,
      source: articlesPartSource(entries, digestOf),
      render: () => ({ body: renderSitemapPart(sitemapArticlePart(catalog, origin, entries, i)) }),
    }
  }
  // After its parts, which it names.
  yield {
    ...common,
    order: 1,
    path: SITEMAP_PATH,
    source: JSON.stringify(index.map((part) => [part.path, part.lastmod])),
    render: () => ({ body: renderSitemapIndex(index, origin) }),
  }
}

/**
 * The pages' stylesheet and script, the feeds' browser stylesheet and the icon: code, not
 * content. No Last-Modified (a deploy of new code changes them without any article changing, so
 * a date would wrongly answer If-Modified-Since with 304): ETag only.
 */
const ASSETS: readonly { readonly path: AssetPath; readonly contentType: string; readonly body: string }[] = [
  { path: '/styles.css', contentType: 'text/css; charset=utf-8', body: STYLES },
  { path: '/copy.js', contentType: 'text/javascript; charset=utf-8', body: COPY_SCRIPT },
  { path: '/feed.css', contentType: 'text/css; charset=utf-8', body: FEED_STYLES },
  { path: '/favicon.svg', contentType: 'image/svg+xml', body: ICON },
  // /favicon.ico is an ICO of PNGs made from content/icon.png (publish.ts `icons`).
]

/**
 * What an article's page shows beyond its content and tags when it has a language of its own or
 * translations (its feeds, its versions' URLs); nothing otherwise, so other pages' sources stay as
 * they were.
 */
const translatedSource = (context: PageContext, entry: CatalogEntry): unknown[] => {
  const feeds = articleFeeds(context, entry)
  const versions = context.catalog.versions.get(entry)
  if (feeds.length === 1 && !versions) return []
  return [feeds.map(({ feeds }) => feeds.html), (versions ?? []).map((version) => [version.language, version.slug])]
}

/** The assets: code, not content. */
export function* assetDocuments(): Generator<PlannedDocument> {
  const fixed = { phase: PHASES.articles, order: -1, styled: false, immutable: false, shows: [] }
  for (const { path, contentType, body } of ASSETS)
    yield { ...fixed, path, contentType, source: `asset\u0000${path}`, render: () => ({ body }) }
}

/**
 * Every document of the catalog for `origin`. `articleHashes` maps article slugs to a hash of
 * their content, which stands for their text in fingerprints. `hub`: the WebSub hub the
 * subscription feeds name (W3C WebSub §4), if any.
 */
export function* planDocuments(
  catalog: Catalog,
  origin: string,
  articleHashes: ReadonlyMap<string, string>,
  hub?: string,
): Generator<PlannedDocument> {
  const context = pageContext(catalog, origin)
  yield* assetDocuments()
  for (const entry of catalog.entries) yield articleDocument(context, entry, articleHashes)
  yield* scopeDocuments(catalog, context, undefined, articleHashes, hub)
  for (const tag of catalog.tags.keys()) yield* scopeDocuments(catalog, context, tag, articleHashes, hub)
  yield* languageDocuments(catalog, context, articleHashes, hub)
  yield* sitemapDocuments(catalog, origin, entryDigests(catalog, articleHashes))
  yield newsSitemapDocument(catalog, origin)
  yield* siteDocuments(context)
}

/** The context every page is rendered in: the catalog, the origin and the site's subscription model. */
export const pageContext = (catalog: Catalog, origin: string): PageContext => ({
  catalog,
  origin,
  siteModel: buildFeedModel(catalog, { origin }) as FeedModel,
})

/** An article's page. */
export const articleDocument = (
  context: PageContext,
  entry: CatalogEntry,
  articleHashes: ReadonlyMap<string, string>,
): PlannedDocument => ({
  path: articlePath(entry.slug),
  phase: PHASES.articles,
  order: 0,
  contentType: MEDIA_TYPES.html,
  styled: false,
  immutable: false,
  shows: [entry.slug],
  // The page links to its tags' pages, its feeds and its translations: their paths are part of what it shows.
  source: JSON.stringify([
    'article',
    articleHashes.get(entry.slug) ?? missing(entry.slug),
    entry.tags.map((tag) => htmlPath({ tag: tag.slug })),
    ...translatedSource(context, entry),
  ]),
  render: async () => ({ body: await renderArticlePage(context, entry), lastModified: entry.updated }),
})

/** What the site as a whole decides (its fingerprint source is constant): robots.txt and the 404 and 410 pages. */
export function* siteDocuments(context: PageContext): Generator<PlannedDocument> {
  const { origin } = context
  const fixed = { phase: PHASES.lists, order: 0, styled: false, immutable: false, shows: [] }
  yield {
    ...fixed,
    path: ROBOTS_PATH,
    contentType: TEXT,
    source: 'robots',
    render: () => ({
      body: `User-agent: *\nAllow: /\n\nSitemap: ${origin}${SITEMAP_PATH}\nSitemap: ${origin}${NEWS_SITEMAP_PATH}\n`,
    }),
  }
  yield {
    ...fixed,
    path: NOT_FOUND_KEY,
    contentType: MEDIA_TYPES.html,
    source: 'not-found',
    render: async () => ({ body: await renderNotFoundPage(context) }),
  }
  yield {
    ...fixed,
    path: GONE_KEY,
    contentType: MEDIA_TYPES.html,
    source: 'gone',
    render: async () => ({ body: await renderGonePage(context) }),
  }
}
