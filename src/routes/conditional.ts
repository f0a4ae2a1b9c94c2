/**
 * @module
 * Conditional GET (RFC 9110 §13). Hono's `etag` middleware answers If-None-Match from the
 * ETag we set (weak comparison, lists, `*`; it hashes nothing when the ETag is there). It has
 * no If-Modified-Since, which is written here.
 */
import type { MiddlewareHandler } from 'hono'
import { RETAINED_304_HEADERS } from 'hono/etag'
import type { AppEnv } from '../env.ts'
import { parseHTTPDate } from './http-date.ts'

/**
 * Headers a 304 keeps from the 200 it replaces (RFC 9110 §15.4.5: those a cache would need),
 * plus Last-Modified and the CORS headers without which a cross-origin 304 is unreadable.
 */
export const NOT_MODIFIED_HEADERS = [
  ...RETAINED_304_HEADERS,
  'last-modified',
  'access-control-allow-origin',
  'access-control-expose-headers',
]

/**
 * RFC 9110 §13.1.3: true when the representation has not changed since the If-Modified-Since
 * date. A value that is not a valid HTTP-date, or no Last-Modified, means "modified".
 */
export const isNotModifiedSince = (
  ifModifiedSince: string | null | undefined,
  lastModified: number | undefined,
): boolean => {
  if (lastModified === undefined) return false
  const since = parseHTTPDate(ifModifiedSince)
  return since !== undefined && lastModified <= since
}

export type IfModifiedSinceOptions = { readonly retainedHeaders: readonly string[] }

export const ifModifiedSince = (options: IfModifiedSinceOptions): MiddlewareHandler<AppEnv> => {
  const retained = new Set(options.retainedHeaders.map((name) => name.toLowerCase()))
  return async function ifModifiedSince(c, next) {
    await next()
    // §13.1.3: only for GET and HEAD; §13.2.2: evaluated only when If-None-Match is absent.
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return
    if (c.req.header('If-None-Match') !== undefined) return
    if (!isNotModifiedSince(c.req.header('If-Modified-Since'), c.get('document')?.lastModifiedTime)) return
    await c.res.body?.cancel()
    // Hono copies the 200's headers onto the response assigned to c.res; keep the retained ones.
    c.res = new Response(null, { status: 304 })
    for (const name of Array.from(c.res.headers.keys())) if (!retained.has(name)) c.res.headers.delete(name)
  }
}
