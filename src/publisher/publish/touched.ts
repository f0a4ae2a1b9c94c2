/**
 * @module
 * What a change touches, found without visiting the archive: each scope (the site, each tag)
 * keeps its paging in the index — a hash of its subscription document's entries and one of each
 * archive page's — and a publish compares those few hundred rows with the same hashes computed
 * from the content in memory. Only the lists whose hash differs are planned, with the articles
 * they show and the sitemap; a full archive page never changes (RFC 5005 §4) unless an article in
 * it changed, so one more article plans its page, the subscription documents and open archive
 * page of each scope it is in, and the sitemap: the same ~28 documents at any archive size.
 *
 * A page's hash holds everything its fingerprint source (plan.ts) takes from the catalog: its
 * entries in order (slug and content hash), the entry whose arrival last changed it (its date),
 * and whether it is the last page (its next-archive link); the subscription document's holds
 * the newest archive page it links to. What the whole scope shares (code version, origin, site,
 * the scope's name) is its context: when that differs, every page of the scope is planned.
 */

import type { ScopeRow } from '../../archive/index-rows.ts'
import { type DocumentRef, listPath, sitemapPartPath } from '../../archive/paths.ts'
import { newestArchivePage, type Paging } from '../feed/archive.ts'
import { pagingOf } from '../feed/build.ts'
import type { Catalog, CatalogEntry } from '../feed/catalog.ts'
import { languageCatalogs, scopeCatalog } from '../feed/languages.ts'
import { SITEMAP_LIMIT } from '../feed/sitemap.ts'
import { type EntryDigestOf, entryDigests } from './entry-digest.ts'
import { ListHash, listHash } from './list-hash.ts'

/** A scope: a document reference without a page: the site, a tag, a language, or a tag in a language. */
export type Scope = Omit<DocumentRef, 'page'>

/** The scope's key in the index: its reference as JSON, fields in a fixed order ('{}' for the site). */
export const scopeKey = ({ language, tag }: Scope): string =>
  JSON.stringify({ ...(language !== undefined && { language }), ...(tag !== undefined && { tag }) })

const scopeOfKey = (key: string): Scope => JSON.parse(key) as Scope

/** Every scope of the catalog: the site, each tag, then each language (languages.ts) and its tags. */
export const scopesOf = (catalog: Catalog): Scope[] => [
  {},
  ...[...catalog.tags.keys()].map((tag) => ({ tag })),
  ...[...languageCatalogs(catalog)].flatMap(([language, scope]) => [
    { language },
    ...[...scope.tags.keys()].map((tag) => ({ language, tag })),
  ]),
]

/** The catalog a scope's lists are paged from. */
const catalogOfScope = (catalog: Catalog, scope: Scope): Catalog => scopeCatalog(catalog, scope.language) ?? catalog

const LIST_FORMATS = ['rss', 'atom', 'json', 'html'] as const

/** The four paths (three feeds and the HTML page) of one list document. */
export const listPaths = (ref: DocumentRef): string[] => LIST_FORMATS.map((format) => listPath(ref, format))

/** Feeds the entries' digests, in order, into `hash`. */
const hashEntries = (hash: ListHash, entries: readonly CatalogEntry[], digestOf: EntryDigestOf): ListHash => {
  for (const entry of entries) {
    const [word1, word2] = digestOf(entry)
    hash.mix(word1, word2)
  }
  return hash
}

/** A scope's row as the content would publish it. */
const scopeRow = (
  catalog: Catalog,
  scope: Scope,
  paging: Paging<CatalogEntry>,
  context: string,
  digestOf: EntryDigestOf,
): ScopeRow => {
  const key = scopeKey(scope)
  const name = scope.tag === undefined ? '' : (catalogOfScope(catalog, scope).tags.get(scope.tag)?.tag.name ?? '')
  const pages = paging.pages.map((entries, i) =>
    hashEntries(new ListHash(), entries, digestOf)
      .update(`\n${paging.changedBy[i]?.slug}@${paging.changedBy[i]?.published.getTime()}\n\n`)
      .update(i === paging.pages.length - 1 ? 'last' : 'inner')
      .digest(),
  )
  return {
    scope: key,
    context: listHash(JSON.stringify([context, key, name, paging.pageSize])),
    entries: paging.current.length + paging.pages.reduce((sum, page) => sum + page.length, 0),
    current: hashEntries(new ListHash(), paging.current, digestOf)
      .update(`\n${newestArchivePage(paging) ?? 0}`)
      .digest(),
    pages: JSON.stringify(pages),
  }
}

export type Touched = {
  /** List documents to plan (a subscription document has no page). */
  readonly lists: readonly DocumentRef[]
  /** Paths published before that may now be gone (tombstoned if the index says they are still published). */
  readonly maybeGone: readonly string[]
  /** Article positions (1 = oldest) shown by the site's changed lists, before or after: their index rows to read. */
  readonly positions: readonly (readonly [number, number])[]
  /** The site's entries in changed lists now: their pages are planned and their index rows compared. */
  readonly entries: readonly CatalogEntry[]
  /** Whether any list changed (then the sitemap is planned). */
  readonly changed: boolean
  /** Each entry's digest (entry-digest.ts), as the scopes were hashed with: the sitemap parts' sources reuse them. */
  readonly digestOf: EntryDigestOf
  /** Scope rows to write once the documents are, and keys of scopes that no longer exist. */
  readonly rows: readonly ScopeRow[]
  readonly removedScopes: readonly string[]
}

/** Positions (1 = oldest) of a list in a scope of `count` entries, `feedSize` of them in the subscription document. */
const positionsOf = (
  page: number | undefined,
  count: number,
  feedSize: number,
  pageSize: number,
): [number, number] | undefined => {
  const older = Math.max(0, count - feedSize)
  const range: [number, number] =
    page === undefined ? [older + 1, count] : [(page - 1) * pageSize + 1, Math.min(page * pageSize, older)]
  return range[0] <= range[1] ? range : undefined
}

/** The sitemap's parts for `articles` articles and `scopes` scopes (each scope's home or tag page is one URL). */
const sitemapPartPaths = (articles: number, scopes: number): string[] => [
  ...Array.from({ length: Math.ceil(scopes / SITEMAP_LIMIT) }, (_, i) => sitemapPartPath('pages', i + 1)),
  ...Array.from({ length: Math.ceil(articles / SITEMAP_LIMIT) }, (_, i) => sitemapPartPath('articles', i + 1)),
]

/** Compares each scope's row now with the row the index holds, and says what a publish must visit. */
export const findTouched = (
  catalog: Catalog,
  stored: ReadonlyMap<string, ScopeRow>,
  hashes: ReadonlyMap<string, string>,
  context: string,
): Touched => {
  const lists: DocumentRef[] = []
  const maybeGone: string[] = []
  const positions: [number, number][] = []
  const entries: CatalogEntry[] = []
  const rows: ScopeRow[] = []
  const { feedSize, archivePageSize } = catalog
  const scopes = scopesOf(catalog)
  const digestOf = entryDigests(catalog, hashes)
  for (const scope of scopes) {
    const paging = pagingOf(catalogOfScope(catalog, scope), scope.tag) as Paging<CatalogEntry>
    const row = scopeRow(catalog, scope, paging, context, digestOf)
    const before = stored.get(row.scope)
    if (before && before.context === row.context && before.current === row.current && before.pages === row.pages)
      continue
    rows.push(row)
    const beforePages = before ? (JSON.parse(before.pages) as string[]) : []
    const pages = JSON.parse(row.pages) as string[]
    const everything = before?.context !== row.context
    const changedPages = pages.flatMap((hash, i) => (everything || beforePages[i] !== hash ? [i + 1] : []))
    lists.push({ ...scope }, ...changedPages.map((page) => ({ ...scope, page })))
    for (let page = pages.length + 1; page <= beforePages.length; page++)
      maybeGone.push(...listPaths({ ...scope, page }))
    if (scope.tag !== undefined || scope.language !== undefined) continue
    // The site's lists show every article: their entries are the articles that may have changed.
    entries.push(...paging.current, ...changedPages.flatMap((page) => paging.pages[page - 1] ?? []))
    const gonePages = Array.from(
      { length: Math.max(0, beforePages.length - pages.length) },
      (_, i) => pages.length + i + 1,
    )
    for (const page of [undefined, ...changedPages, ...gonePages])
      for (const count of [before?.entries ?? 0, row.entries]) {
        const range = positionsOf(page, count, feedSize, archivePageSize)
        if (range) positions.push(range)
      }
  }
  const keys = new Set(scopes.map(scopeKey))
  const removedScopes = [...stored.keys()].filter((key) => !keys.has(key))
  for (const key of removedScopes) {
    const scope = scopeOfKey(key)
    const before = stored.get(key) as ScopeRow
    maybeGone.push(...listPaths(scope))
    const count = (JSON.parse(before.pages) as string[]).length
    for (let page = 1; page <= count; page++) maybeGone.push(...listPaths({ ...scope, page }))
  }
  const changed = rows.length > 0 || removedScopes.length > 0
  if (changed) {
    const site = stored.get(scopeKey({}))
    const now = sitemapPartPaths(catalog.entries.length, scopes.length)
    maybeGone.push(...sitemapPartPaths(site?.entries ?? 0, stored.size).filter((path) => !now.includes(path)))
  }
  return { lists, maybeGone, positions: mergeRanges(positions), entries, changed, digestOf, rows, removedScopes }
}

/** Sorted ranges with overlapping or adjacent ones joined: fewer statements. */
const mergeRanges = (ranges: readonly [number, number][]): [number, number][] => {
  const merged: [number, number][] = []
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1)
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to)
    else merged.push([from, to])
  }
  return merged
}
