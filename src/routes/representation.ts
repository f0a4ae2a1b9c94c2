/**
 * @module
 * A document as a response is made from it: bytes, media type and validators. From storage
 * (stored.ts) or from code (assets.ts); the same HTTP rules apply to both (respond.ts).
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

const encoder = new TextEncoder()

const toHex = (buffer: ArrayBuffer): string =>
  Array.from(new Uint8Array(buffer, 0, 16), (b) => b.toString(16).padStart(2, '0')).join('')

/** A representation of bytes made by code (stylesheets, scripts): an ETag, no Last-Modified. */
export const codeRepresentation = async (body: string, contentType: string): Promise<Representation> => ({
  bytes: encoder.encode(body) as Uint8Array<ArrayBuffer>,
  contentType,
  // The same tag as the publisher computes (src/publish/digest.ts): SHA-256 of type and bytes.
  etag: `"${toHex(await crypto.subtle.digest('SHA-256', encoder.encode(`${contentType}\n${body}`)))}"`,
})
