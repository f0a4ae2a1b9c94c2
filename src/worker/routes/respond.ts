/**
 * @module
 * The one way a document becomes a response: body, media type, coding, validators and cache
 * policy. Conditional requests are answered outside, from these headers (conditional.ts).
 */
import type { Context } from 'hono'
import { CONFIG } from '../config-binding.ts'
import type { AppEnv } from '../env.ts'
import type { Representation } from '../representation.ts'

/**
 * `public, max-age=<CACHE_MAX_AGE>, stale-while-revalidate=…` (RFC 9111 §5.2.2.9, RFC 5861 §3):
 * readers and caches reuse a response for max-age, then may serve it while revalidating.
 */
export const cacheControl = (maxAge: number): string =>
  `public, max-age=${maxAge}, stale-while-revalidate=${Math.max(maxAge, 3600)}`

/** A full archive page never changes (RFC 5005 §4): caches may keep it for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

export type RespondOptions = {
  readonly immutable?: boolean
  /** Request headers the bytes or headers depend on (RFC 9110 §12.5.5); default Accept-Encoding. */
  readonly vary?: string
  readonly status?: 200 | 410
}

export const respond = (c: Context<AppEnv>, document: Representation, options: RespondOptions = {}): Response => {
  const status = options.status ?? 200
  if (status === 200) c.set('document', document)
  return c.body(document.body, status, {
    'Content-Type': document.contentType,
    // The coded bytes' length: the body is sent as stored (index.ts sends it encodeBody: 'manual').
    'Content-Length': String(document.size),
    ...(document.coding !== 'identity' && { 'Content-Encoding': document.coding }),
    ETag: document.etag,
    ...(document.lastModified && { 'Last-Modified': document.lastModified }),
    'Cache-Control': options.immutable ? IMMUTABLE : cacheControl(CONFIG.cacheMaxAge),
    // The coding follows Accept-Encoding; feeds also negotiate their media type on Accept.
    Vary: options.vary ?? 'Accept-Encoding',
    'Cache-Tag': document.cacheTags.join(','),
  })
}
