/**
 * @module
 * Permanent ids as RFC 4151 `tag:` URIs. They never contain the host, the scheme or the slug,
 * so moving the site, switching to https or renaming an article never duplicates an item in a
 * reader (RFC 4287 §4.2.6: an id "MUST NOT change"; JSON Feed 1.1 `id`; RSS `guid`).
 */
import type { Site } from '../../../content/load.ts'

type IdSite = Pick<Site, 'idAuthority' | 'idDate'>

/** The feed (or one tag's feed), optionally one archive page of it, optionally of one language's articles. */
export const feedId = (site: IdSite, tag?: string, page?: number, language?: string): string =>
  `tag:${site.idAuthority},${site.idDate}:feed${language === undefined ? '' : `:language:${language}`}${tag === undefined ? '' : `:tag:${encodeURIComponent(tag)}`}${page === undefined ? '' : `:archive:${page}`}`

export const articleId = (site: IdSite, id: string): string => `tag:${site.idAuthority},${site.idDate}:article:${id}`
