/** @module Route parameters → which document: a tag slug and an archive page number. */
import type { Context } from 'hono'
import type { DocumentRef } from '../feed/build.ts'

/** Page numbers as we write them: 1, 2, … (no 0, no leading zeros, no signs). */
const PAGE = /^[1-9][0-9]{0,8}$/

/** The document a route names, or undefined when the page number is not one we would write. */
export const documentRef = (c: Context): DocumentRef | undefined => {
  const tag = c.req.param('tag')
  const page = c.req.param('page')
  if (page !== undefined && !PAGE.test(page)) return undefined
  return { tag, page: page === undefined ? undefined : Number(page) }
}

/** Route path prefixes of every feed document: site and tag, subscription and archive pages. */
export const DOCUMENT_PREFIXES = ['', '/archive/:page', '/tags/:tag', '/tags/:tag/archive/:page'] as const
