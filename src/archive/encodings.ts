/**
 * @module
 * Content codings stored beside each document (RFC 9110 §8.4.1): the publisher compresses once,
 * the Worker sends the stored bytes as they are. A variant is its own R2 object under
 * `<key>\u0000<coding>` (a path never contains a NUL), with its own metadata and its own strong
 * entity tag: RFC 9110 §8.8.3 — a different representation (the gzip bytes are not the identity
 * bytes) gets a different entity tag, or a cache could answer one with the other.
 */
import { sha256Hex } from './entity-tag.ts'

/** The codings we store, best first: the Worker prefers them in this order when the reader accepts several. */
export const ENCODINGS = ['br', 'gzip'] as const
export type Encoding = (typeof ENCODINGS)[number]
/** What a response is sent as: a stored coding, or the bytes as rendered. */
export type ContentCoding = Encoding | 'identity'

/** Compresses a document's bytes into one coding. */
export type Compressor = (bytes: Uint8Array) => Promise<Uint8Array<ArrayBuffer>>
/** The compressors a publish has; a coding without one is not stored. */
export type Compressors = { readonly [E in Encoding]?: Compressor }

/** Storage key of a document's variant in one coding. */
export const variantKey = (key: string, coding: Encoding): string => `${key}\u0000${coding}`

/** Storage key of the object to read for a coding: identity is the document's own key. */
export const codingKey = (key: string, coding: ContentCoding): string =>
  coding === 'identity' ? key : variantKey(key, coding)

const concat = (chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0))
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

/** gzip through the Web standard CompressionStream: the same in Node and in workerd. */
export const gzipWithStream: Compressor = async (bytes) => {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'))
  const chunks: Uint8Array[] = []
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk)
  return concat(chunks)
}

/** The compressors every runtime has; brotli needs one passed in (Node's zlib, scripts/publish.ts). */
export const DEFAULT_COMPRESSORS: Compressors = { gzip: gzipWithStream }

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * Strong entity tag of a coded variant: the identity representation's tag (which names the media
 * type, entity-tag.ts), the coding and the coded bytes, hashed. Distinct from the identity tag and
 * from every other coding's.
 */
export const codedEntityTag = async (
  identityETag: string,
  coding: Encoding,
  coded: Uint8Array<ArrayBuffer>,
): Promise<string> => {
  const bytesHash = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', coded)))
  return `"${await sha256Hex(`${identityETag}\n${coding}\n${bytesHash}`, 16)}"`
}
