/**
 * @module
 * How a document is stored in R2: one object per storage key (its canonical path, paths.ts),
 * its bytes with their validators in the object's metadata, written in one put so that a
 * reader always gets the bytes and validators of the same version. The publisher writes it
 * (toStoredMetadata), the Worker reads it (read.ts); nothing else knows these field names.
 */
import { ENCODINGS, type Encoding } from './encodings.ts'

/** What a stored document says about itself, as the publisher decides it. */
export type DocumentMetadata = {
  /** 200, or 410 for a removed document (its body is the Gone page). */
  readonly status: 200 | 410
  readonly contentType: string
  /** Strong entity tag of the bytes as contentType (entity-tag.ts). */
  readonly etag: string
  /** The ETag of the same bytes served as application/xml to a browser (RSS and Atom only). */
  readonly browserETag?: string
  /** IMF-fixdate (RFC 9110 §5.6.7), when content dates the document. */
  readonly lastModified?: string
  /** A full archive page, which never changes (RFC 5005 §4). */
  readonly immutable: boolean
  /**
   * The `Link` header value (RFC 8288) naming the hub and self URLs the document names inside
   * (W3C WebSub §4): decided with the bytes, so the header and the body can never disagree.
   */
  readonly link?: string
  /** Slugs of the tags an article shows, for its Cache-Tags (cache-tags.ts). */
  readonly tags?: readonly string[]
  /** The content coding of a stored variant (encodings.ts); absent: the bytes as rendered. */
  readonly contentEncoding?: Encoding
}

/** R2 custom metadata: strings only, absent fields left out. */
type R2Metadata = Record<string, string>

export const toStoredMetadata = (
  metadata: DocumentMetadata,
): { httpMetadata: R2HTTPMetadata; customMetadata: R2Metadata } => ({
  httpMetadata: { contentType: metadata.contentType },
  customMetadata: {
    status: String(metadata.status),
    etag: metadata.etag,
    ...(metadata.browserETag !== undefined && { browserETag: metadata.browserETag }),
    ...(metadata.lastModified !== undefined && { lastModified: metadata.lastModified }),
    ...(metadata.immutable && { immutable: '1' }),
    ...(metadata.link !== undefined && { link: metadata.link }),
    ...(metadata.contentEncoding !== undefined && { contentEncoding: metadata.contentEncoding }),
    // Percent-encoded: tag slugs may hold any letter; R2 metadata travels as HTTP headers.
    ...(metadata.tags !== undefined &&
      metadata.tags.length > 0 && { tags: metadata.tags.map(encodeURIComponent).join(',') }),
  },
})

/** The metadata of a stored object, or undefined when it lacks what every document has. */
export const fromStoredMetadata = (object: R2Object): DocumentMetadata | undefined => {
  const custom = object.customMetadata
  const contentType = object.httpMetadata?.contentType
  if (!custom?.etag || !contentType) return undefined
  return {
    status: custom.status === '410' ? 410 : 200,
    contentType,
    etag: custom.etag,
    browserETag: custom.browserETag,
    lastModified: custom.lastModified,
    immutable: custom.immutable === '1',
    link: custom.link,
    tags: custom.tags ? custom.tags.split(',').map(decodeURIComponent) : undefined,
    contentEncoding: ENCODINGS.find((coding) => coding === custom.contentEncoding),
  }
}
