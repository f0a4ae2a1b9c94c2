/**
 * @module
 * Picture variants, `/media/<fingerprint>/<width>.<ext>`: content-addressed (the path changes
 * whenever a byte could), so cached for a year as immutable (RFC 8246), with a strong ETag and
 * single-range requests (RFC 9110 §14, range.ts). The body is streamed from R2, and only the
 * requested bytes are read (R2 `get` with `range`). Not kept by the fast path (remembered.ts):
 * pictures are large, and the CDN and browsers keep them for a year anyway.
 */
import { type Context, Hono } from 'hono'
import { fromStoredMetadata } from '../../archive/metadata.ts'
import { resolvePath } from '../../archive/paths.ts'
import { StorageUnavailable } from '../../archive/read.ts'
import type { AppEnv } from '../env.ts'
import { isNotModified, notModified, notModifiedHeaders } from './conditional.ts'
import { ALLOW } from './options.ts'
import { contentRange, decideRange, unsatisfiedRange } from './range.ts'
import { IMMUTABLE } from './respond.ts'

export const media = new Hono<AppEnv>()

const storage = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
  try {
    return await work()
  } catch (error) {
    throw new StorageUnavailable(`R2 read of ${key} failed`, { cause: error })
  }
}

const answer = async (c: Context<AppEnv>, key: string): Promise<Response> => {
  const bucket = c.env.ARCHIVE
  const head = await storage(key, () => bucket.head(key))
  const metadata = head && fromStoredMetadata(head)
  // A variant is never removed (README "Pictures"): none here means it was never published.
  if (!head || !metadata || metadata.status !== 200) return c.notFound()
  const headers: Record<string, string> = {
    'Content-Type': metadata.contentType,
    ETag: metadata.etag,
    'Cache-Control': IMMUTABLE,
    'Accept-Ranges': 'bytes',
    Vary: 'Accept-Encoding',
  }
  // §13.2.2: If-None-Match is evaluated before Range.
  if (isNotModified(c.req.raw, { etag: metadata.etag })) return notModified(notModifiedHeaders(Object.entries(headers)))
  const decision = decideRange(c.req.raw, head.size, metadata.etag)
  if (decision.kind === 'unsatisfiable')
    return c.body(null, 416, { ...headers, 'Content-Range': unsatisfiedRange(head.size) })
  const range = decision.kind === 'partial' ? { offset: decision.offset, length: decision.length } : undefined
  headers['Content-Length'] = String(range?.length ?? head.size)
  if (range) headers['Content-Range'] = contentRange(range.offset, range.length, head.size)
  const status = range ? 206 : 200
  if (c.req.method === 'HEAD') return new Response(null, { status, headers })
  const object = await storage(key, () => bucket.get(key, range ? { range } : {}))
  // Replaced between head and get (a new publish never rewrites a variant: only a repair would).
  if (!object || object.etag !== head.etag) {
    await object?.body.cancel()
    throw new StorageUnavailable(`${key} changed while it was read`)
  }
  return new Response(object.body, { status, headers })
}

media.get('*', (c) => {
  const resolved = resolvePath(c.req.path)
  if (resolved?.resource.kind !== 'media') return c.notFound()
  return answer(c, resolved.key)
})

/** OPTIONS: 204 with Allow (RFC 9110 §9.3.7); any other method: 405 (§15.5.6). */
media.options('*', (c) => c.body(null, 204, { Allow: ALLOW }))
media.all('*', (c) => c.body(null, 405, { Allow: ALLOW }))
