/**
 * @module
 * The one way a published document becomes a 200 response: body, media type, validators and
 * cache policy. Conditional requests are answered by the middleware in conditional.ts.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env.ts'
import type { Representation } from './representation.ts'

export const DEFAULT_MAX_AGE = 600

const policies = new Map<string | undefined, string>()

/**
 * `public, max-age=<CACHE_MAX_AGE>, stale-while-revalidate=…` (RFC 9111 §5.2.2.9, RFC 5861 §3):
 * readers and caches reuse a response for max-age, then may serve it while revalidating.
 */
export const cacheControl = (configured: string | undefined): string => {
  let policy = policies.get(configured)
  if (policy) return policy
  const parsed = Number(configured)
  const maxAge = configured && Number.isInteger(parsed) && parsed >= 0 ? parsed : DEFAULT_MAX_AGE
  policy = `public, max-age=${maxAge}, stale-while-revalidate=${Math.max(maxAge, 3600)}`
  policies.set(configured, policy)
  return policy
}

/** A full archive page never changes (RFC 5005 §4): caches may keep it for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

export type RespondOptions = {
  readonly immutable?: boolean
  /** Request headers the bytes or headers depend on (RFC 9110 §12.5.5); default Accept-Encoding. */
  readonly vary?: string
}

export const respond = (c: Context<AppEnv>, document: Representation, options: RespondOptions = {}): Response => {
  c.set('document', document)
  return c.body(document.bytes, 200, {
    'Content-Type': document.contentType,
    'Content-Length': String(document.bytes.byteLength),
    ETag: document.etag,
    ...(document.lastModified && { 'Last-Modified': document.lastModified }),
    'Cache-Control': options.immutable ? IMMUTABLE : cacheControl(c.env.CACHE_MAX_AGE),
    // Cloudflare compresses by Accept-Encoding; feeds also negotiate their media type on Accept.
    Vary: options.vary ?? 'Accept-Encoding',
  })
}
