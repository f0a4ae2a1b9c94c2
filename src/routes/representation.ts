/**
 * @module
 * A response body with its validators, computed once: the bytes, a strong ETag from the
 * SHA-256 of media type and bytes, and Last-Modified as an IMF-fixdate. Same bytes, same validators, in every isolate.
 */

export type Representation = {
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly contentType: string
  /** Strong entity tag (RFC 9110 §8.8.3): changes whenever a byte does. */
  readonly etag: string
  /** IMF-fixdate (RFC 9110 §5.6.7) of the newest change the body shows, when there is one. */
  readonly lastModified?: string
  /** The same instant in milliseconds, whole seconds (what the header can say), for If-Modified-Since. */
  readonly lastModifiedTime?: number
}

const encoder = new TextEncoder()

const toHex = (buffer: ArrayBuffer, bytes: number): string =>
  Array.from(new Uint8Array(buffer, 0, bytes), (b) => b.toString(16).padStart(2, '0')).join('')

export const createRepresentation = async (
  body: string,
  contentType: string,
  lastModified: Date | undefined,
): Promise<Representation> => {
  const bytes = encoder.encode(body) as Uint8Array<ArrayBuffer>
  // The media type is part of the representation: the same bytes sent as another type get
  // another tag, so a cache never answers one with the other.
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(`${contentType}\n${body}`))
  return {
    bytes,
    contentType,
    etag: `"${toHex(digest, 16)}"`,
    lastModified: lastModified?.toUTCString(),
    lastModifiedTime: lastModified && Math.floor(lastModified.getTime() / 1000) * 1000,
  }
}
