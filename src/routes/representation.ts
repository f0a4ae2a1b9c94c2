/**
 * @module
 * A document as a response is made from it: bytes, media type and validators. From storage
 * (stored.ts) or from code (assets.ts); the same HTTP rules apply to both (respond.ts).
 */
import { entityTag } from '../publish/digest.ts'

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

const encoder = new TextEncoder()

/** A representation of bytes made by code (stylesheets, scripts): an ETag, no Last-Modified. */
export const codeRepresentation = async (body: string, contentType: string): Promise<Representation> => ({
  bytes: encoder.encode(body) as Uint8Array<ArrayBuffer>,
  contentType,
  // The same tag as published documents carry: one rule for every ETag.
  etag: await entityTag(contentType, body),
})
