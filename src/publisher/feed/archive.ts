/**
 * @module
 * Feed paging (RFC 5005 §4, Archived Feeds). The subscription document holds the newest
 * `feedSize` entries; the older ones are cut into archive pages of `pageSize` counted from the
 * OLDEST entry, so adding an article never moves an entry between full pages: a full page's
 * bytes never change (unless an article in it is edited or back-dated). Every entry is in
 * exactly one document.
 *
 * Pages are numbered from 1 (oldest). When there are older entries, pages 1…count exist; the
 * last is the open page, which may be short, or empty when the archive is a whole number of
 * pages: it exists so that every full page's next-archive link resolves.
 */

export type Paging<T> = {
  /** Newest first, at most feedSize. */
  readonly current: readonly T[]
  /** pages[0] is page 1, the oldest; each page newest first. */
  readonly pages: readonly (readonly T[])[]
  /**
   * For each page, the entry whose arrival moved the page's newest entry out of the
   * subscription document: the last time the page's list changed. (For the empty open page,
   * the newest entry: it changes with the next one.)
   */
  readonly changedBy: readonly T[]
  readonly pageSize: number
}

export const paginate = <T>(newestFirst: readonly T[], feedSize: number, pageSize: number): Paging<T> => {
  const current = newestFirst.slice(0, feedSize)
  const older = newestFirst.slice(feedSize).reverse()
  if (older.length === 0) return { current, pages: [], changedBy: [], pageSize }
  const count = Math.floor(older.length / pageSize) + 1
  const pages = Array.from({ length: count }, (_, i) => older.slice(i * pageSize, (i + 1) * pageSize).reverse())
  // Page p's newest entry is the (feedSize + k)-th newest, k = archived - min(p × size, archived);
  // it left the subscription document when the k-th newest arrived. Counted from the newest end,
  // the same entry whatever is added later.
  const changedBy = pages.map((_, i) => newestFirst[older.length - Math.min((i + 1) * pageSize, older.length)] as T)
  return { current, pages, changedBy, pageSize }
}

/** A full page never changes: safe to cache as immutable. */
export const isFullPage = <T>(paging: Paging<T>, page: number): boolean =>
  (paging.pages[page - 1]?.length ?? 0) === paging.pageSize

/** The newest page with entries: where the subscription document's prev-archive points. */
export const newestArchivePage = <T>(paging: Paging<T>): number | undefined => {
  for (let page = paging.pages.length; page >= 1; page--) if ((paging.pages[page - 1]?.length ?? 0) > 0) return page
  return undefined
}
