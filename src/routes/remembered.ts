/**
 * @module
 * The fast path. Content is fixed per deploy, so once the app has answered a GET for a
 * document, the whole answer — bytes and every header the middleware added — is kept and
 * served again without routing or middleware, as a constant would be. `npm run bench` showed
 * the middleware chain costing about half the throughput of a constant (BENCHMARKS.md); this
 * serves the same bytes and headers at the constant's speed. Conditional requests follow the
 * same rules as conditional.ts (its isNotModifiedSince) and Hono's etag middleware, and tests hold both paths equal.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv, Bindings } from '../env.ts'
import { isNotModifiedSince } from './conditional.ts'
import { isBrowserNavigation } from './negotiation.ts'

type Remembered = {
  readonly bytes: Uint8Array<ArrayBuffer>
  /** A plain object: workerd builds a response from one faster than from pairs (measured: ~20%). */
  readonly headers: Readonly<Record<string, string>>
  /** The 200's headers without the body's own (RFC 9110 §15.4.5), as the middleware sends on 304. */
  readonly notModifiedHeaders: Readonly<Record<string, string>>
  readonly etag: string
  readonly lastModified: number | undefined
}

/** Documents per isolate; a bound, since without PUBLIC_ORIGIN every Host makes its own URLs. */
const MAX_REMEMBERED = 4096
const remembered = new Map<string, Remembered>()

/** Everything the answer depends on: the configuration, the exact URL (no query string) and whether a browser asks (negotiation.ts). */
const keyOf = (env: Bindings | undefined, url: string, accept: string | null | undefined): string =>
  `${env?.PUBLIC_ORIGIN ?? ''}\u0000${env?.CACHE_MAX_AGE ?? ''}\u0000${isBrowserNavigation(accept) ? 'browser' : ''}\u0000${url}`

/** Hono etag's comparison (RFC 9110 §13.1.2 weak comparison): any listed tag, W/ or not, or `*`. */
export const ifNoneMatchMatches = (header: string, etag: string): boolean =>
  header === '*' || (header.match(/"[^"]*"/g)?.some((tag) => tag === etag.replace(/^W\//, '')) ?? false)

/** Keeps the app's 200 answers to GETs of documents (those respond() served). */
export const rememberDocuments = (): MiddlewareHandler<AppEnv> =>
  async function rememberDocuments(c, next) {
    await next()
    const document = c.get('document')
    if (!document || c.req.method !== 'GET' || c.res.status !== 200 || c.req.url.includes('?')) return
    const headers = Object.fromEntries(c.res.headers)
    const { 'content-type': _type, 'content-length': _length, ...notModifiedHeaders } = headers
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string)
    remembered.set(keyOf(c.env, c.req.url, c.req.header('Accept')), {
      bytes: document.bytes,
      headers,
      notModifiedHeaders,
      etag: document.etag,
      lastModified: document.lastModifiedTime,
    })
  }

/** The remembered answer to a GET or HEAD, or undefined: then the app answers (and may remember). */
export const answerRemembered = (request: Request, env: Bindings | undefined): Response | undefined => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
  const entry = remembered.get(keyOf(env, request.url, request.headers.get('Accept')))
  if (!entry) return undefined
  // RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only otherwise.
  const ifNoneMatch = request.headers.get('If-None-Match')
  const notModified =
    ifNoneMatch !== null
      ? ifNoneMatchMatches(ifNoneMatch, entry.etag)
      : isNotModifiedSince(request.headers.get('If-Modified-Since'), entry.lastModified)
  if (notModified) return new Response(null, { status: 304, headers: entry.notModifiedHeaders })
  return new Response(request.method === 'HEAD' ? null : entry.bytes, { headers: entry.headers })
}
