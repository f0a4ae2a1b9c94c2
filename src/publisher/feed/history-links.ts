/**
 * @module
 * RFC 5005 link relations of a document, for one format: the self link first, then
 * current / prev-archive / next-archive where the model has them.
 */
import type { FeedHistory, FormatURLs } from './model.ts'

export const FH_NAMESPACE = 'http://purl.org/syndication/history/1.0'

export type FeedLink = { readonly rel: string; readonly href: string }

export const historyLinks = (history: FeedHistory, format: keyof FormatURLs): FeedLink[] => {
  const links: FeedLink[] = []
  if (history.current) links.push({ rel: 'current', href: history.current[format] })
  if (history.prevArchive) links.push({ rel: 'prev-archive', href: history.prevArchive[format] })
  if (history.nextArchive) links.push({ rel: 'next-archive', href: history.nextArchive[format] })
  return links
}
