/**
 * @module
 * Conditional GET (RFC 9110 §13), the one implementation: the app's middleware and the fast
 * path (remembered.ts) both decide and build a 304 here.
 */
import { parseHTTPDate } from './http-date.ts'

/**
 * Representation metadata a 304 does not repeat (RFC 9110 §15.4.5: it describes a body the 304
 * does not carry). Every other header of the 200 stays: the validators and Cache-Control and Vary
 * a cache needs, the CORS headers without which a cross-origin 304 is unreadable, and the
 * security headers.
 */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language'])

export type Validators = { readonly etag: string; readonly lastModifiedTime?: number }

/** RFC 9110 §8.8.3.2 weak comparison against an If-None-Match list (or `*`). */
export const ifNoneMatchMatches = (header: string, etag: string): boolean => {
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.match(/(?:W\/)?"[^"]*"/g)?.some((tag) => tag.replace(/^W\//, '') === opaque) ?? false
}

/**
 * True when a GET or HEAD may be answered 304. §13.2.2: If-None-Match decides when present;
 * If-Modified-Since only without it (§13.1.3), and a value that is not an HTTP-date is ignored.
 */
export const isNotModified = (request: Request, validators: Validators): boolean => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const ifNoneMatch = request.headers.get('If-None-Match')
  if (ifNoneMatch !== null) return ifNoneMatchMatches(ifNoneMatch, validators.etag)
  if (validators.lastModifiedTime === undefined) return false
  const since = parseHTTPDate(request.headers.get('If-Modified-Since'))
  return since !== undefined && validators.lastModifiedTime <= since
}

/**
 * The headers of the 304 that replaces a 200 with these headers, as a plain object: the fast path
 * (remembered.ts) makes it once per remembered answer, not once per 304 — building a Headers
 * object of twenty fields for each 304 made the fast path's 304s 0.85× a constant 304
 * (`npm run bench`).
 */
export const notModifiedHeaders = (headers: Iterable<[string, string]>): Record<string, string> => {
  const kept: Record<string, string> = {}
  for (const [name, value] of headers) if (!BODY_HEADERS.has(name.toLowerCase())) kept[name] = value
  return kept
}

/** The 304 with these headers (`notModifiedHeaders` of the 200 it replaces). */
export const notModified = (headers: Readonly<Record<string, string>>): Response =>
  new Response(null, { status: 304, headers })
