/**
 * @module
 * A document as a response is made from it: body, media type, coding and validators, as stored
 * by the publisher (src/archive/); the HTTP rules (routes/respond.ts, routes/conditional.ts)
 * apply to it.
 */
import type { ContentCoding } from '../archive/encodings.ts'
import type { StoredSource } from '../archive/read.ts'

export type Representation = {
  /** A stream straight from R2 (a cold read), or bytes (an answer the fast path will remember). */
  readonly body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>
  /** Bytes of the body as sent (coded): Content-Length. */
  readonly size: number
  readonly contentType: string
  /** The body's content coding (RFC 9110 §8.4); identity sends no Content-Encoding. */
  readonly coding: ContentCoding
  /** Strong entity tag (RFC 9110 §8.8.3): changes whenever a byte does, and differs per coding. */
  readonly etag: string
  /** IMF-fixdate (RFC 9110 §5.6.7) of the newest change the body shows, when content dates it. */
  readonly lastModified?: string
  /** The same instant in milliseconds (whole seconds, what the header can say), for If-Modified-Since. */
  readonly lastModifiedTime?: number
  /** Workers Cache tags (src/archive/cache-tags.ts). */
  readonly cacheTags: readonly string[]
  /** The R2 object it came from, to revalidate a remembered answer cheaply (routes/remembered.ts). */
  readonly source?: StoredSource
}
