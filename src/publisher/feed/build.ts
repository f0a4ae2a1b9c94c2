/**
 * @module
 * Catalog → model of one document: the subscription feed or an archive page, of the whole
 * site or one tag. The one place that chooses items and resolves URLs against the origin.
 */

import { articlePath, type DocumentRef, documentPaths, type FormatURLs } from '../../archive/paths.ts'
import { isFullPage, newestArchivePage, type Paging, paginate } from './archive.ts'
import { type Catalog, type CatalogEntry, newestUpdate } from './catalog.ts'
import { feedId } from './ids.ts'
import { scopeCatalog } from './languages.ts'
import type { FeedItem, FeedModel } from './model.ts'

export type BuildFeedModelOptions = DocumentRef & {
  /** Public origin without a trailing slash, e.g. `https://news.example.com`. */
  readonly origin: string
  /** WebSub hub URL named by subscription documents (archive pages never change: no hub). */
  readonly hub?: string
}

const absolute = (origin: string, paths: FormatURLs): FormatURLs => ({
  rss: origin + paths.rss,
  atom: origin + paths.atom,
  json: origin + paths.json,
  html: origin + paths.html,
})

const pagings = new WeakMap<Catalog, Map<string | undefined, Paging<CatalogEntry>>>()

/** The scope's entries cut into subscription and archive pages; computed once per catalog and scope. */
export const pagingOf = (catalog: Catalog, tag?: string): Paging<CatalogEntry> | undefined => {
  const entries = tag === undefined ? catalog.entries : catalog.tags.get(tag)?.entries
  if (!entries) return undefined
  const byScope = pagings.get(catalog) ?? new Map<string | undefined, Paging<CatalogEntry>>()
  pagings.set(catalog, byScope)
  const paging = byScope.get(tag) ?? paginate(entries, catalog.feedSize, catalog.archivePageSize)
  byScope.set(tag, paging)
  return paging
}

/** True for an archive page that is full, so never changes (RFC 5005 §4): cacheable as immutable. */
export const isFullArchivePage = (catalog: Catalog, { language, tag, page }: DocumentRef): boolean => {
  if (page === undefined) return false
  const scope = scopeCatalog(catalog, language)
  const paging = scope && pagingOf(scope, tag)
  return paging !== undefined && isFullPage(paging, page)
}

/** The model's item for an entry; the article HTML stays lazy. `catalog` gives its translations (none without). */
export const toFeedItem = (entry: CatalogEntry, origin: string, catalog?: Catalog): FeedItem => ({
  id: entry.id,
  slug: entry.slug,
  url: origin + articlePath(entry.slug),
  title: entry.title,
  summary: entry.summary,
  dateline: entry.dateline,
  get bodyHTML() {
    return entry.bodyHTML
  },
  get contentHTML() {
    return entry.contentHTML
  },
  get bodyParts() {
    return entry.bodyParts
  },
  ...(entry.image !== undefined && { image: entry.image }),
  published: entry.published,
  updated: entry.updated,
  authors: entry.authors,
  tags: entry.tags,
  language: entry.language,
  translations: (catalog?.versions.get(entry) ?? [])
    .filter((version) => version !== entry)
    .map((version) => ({ language: version.language, url: origin + articlePath(version.slug) })),
  corrections: entry.corrections,
})

const pageUpdated = (entries: readonly CatalogEntry[], changedBy: CatalogEntry | undefined): Date => {
  const edited = newestUpdate(entries)
  return changedBy && changedBy.published > edited ? changedBy.published : edited
}

/** The model of one document, or undefined when the tag or page does not exist. */
export const buildFeedModel = (
  catalog: Catalog,
  { origin, language, tag, page, hub }: BuildFeedModelOptions,
): FeedModel | undefined => {
  const scope = scopeCatalog(catalog, language)
  const paging = scope && pagingOf(scope, tag)
  if (!scope || !paging) return undefined
  const entries = page === undefined ? paging.current : paging.pages[page - 1]
  if (!entries) return undefined
  const scopeName = tag === undefined ? undefined : scope.tags.get(tag)?.tag.name
  // A language's documents are named with its tag, which needs no translation of the site's name.
  const siteTitle = language === undefined ? catalog.site.title : `${catalog.site.title} (${language})`
  const scopeTitle = scopeName === undefined ? siteTitle : `${siteTitle}: ${scopeName}`
  const urls = (ref: DocumentRef) => absolute(origin, documentPaths({ language, ...ref }))
  const newestPage = newestArchivePage(paging)
  const isArchive = page !== undefined
  return {
    id: feedId(catalog.site, tag, page, language),
    title: isArchive ? `${scopeTitle} (archive, page ${page})` : scopeTitle,
    description: scopeName === undefined ? catalog.site.description : `Articles tagged “${scopeName}”.`,
    language: language ?? catalog.site.language,
    links: urls({ tag, page }),
    history: isArchive
      ? {
          isArchive,
          current: urls({ tag }),
          prevArchive: page > 1 ? urls({ tag, page: page - 1 }) : undefined,
          nextArchive: page < paging.pages.length ? urls({ tag, page: page + 1 }) : undefined,
        }
      : { isArchive, prevArchive: newestPage === undefined ? undefined : urls({ tag, page: newestPage }) },
    // An archive page changes when an entry in it is edited, or when its newest entry arrived
    // (pushed out of the subscription document by a newer article): dated by the later, so its
    // date never goes back and If-Modified-Since always sees a change.
    updated: page === undefined ? newestUpdate(entries) : pageUpdated(entries, paging.changedBy[page - 1]),
    ttlMinutes: catalog.site.ttlMinutes,
    stylesheet: `${origin}/feed.css`,
    ...(hub !== undefined && !isArchive && { hub }),
    ...(catalog.icons !== undefined && { icons: catalog.icons }),
    items: entries.map((entry) => toFeedItem(entry, origin, catalog)),
  }
}
