/**
 * @module
 * A document as a response is made from it: bytes, media type and validators, as stored by the
 * publisher (src/archive/); the HTTP rules (routes/respond.ts, routes/conditional.ts) apply to it.
 */

export type Representation = {
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly contentType: string
  /** Strong entity tag (RFC 9110 §8.8.3): changes whenever a byte does. */
  readonly etag: string
  /** IMF-fixdate (RFC 9110 §5.6.7) of the newest change the body shows, when content dates it. */
  readonly lastModified?: string
  /** The same instant in milliseconds (whole seconds, what the header can say), for If-Modified-Since. */
  readonly lastModifiedTime?: number
}
