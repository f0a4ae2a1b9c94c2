/**
 * @module
 * The one writer of a stored document: its bytes and metadata in one R2 put (atomic per object),
 * and beside it one variant per content coding (encodings.ts), each with its own validators.
 * Variants are written first and the document last, and a coding that is not stored (no
 * compressor, or no smaller) is deleted, so a variant never outlives the bytes it was made from
 * (a tombstone replaces them too).
 */
import { type Compressors, codedEntityTag, ENCODINGS, variantKey } from './encodings.ts'
import { type DocumentMetadata, toStoredMetadata } from './metadata.ts'

const encoder = new TextEncoder()

const writeVariants = async (
  bucket: R2Bucket,
  key: string,
  bytes: Uint8Array<ArrayBuffer>,
  metadata: DocumentMetadata,
  compressors: Compressors,
): Promise<void> => {
  await Promise.all(
    ENCODINGS.map(async (coding) => {
      const compress = compressors[coding]
      const coded = compress && (await compress(bytes))
      // Nothing gained (tiny documents): the reader gets the identity bytes instead.
      if (!coded || coded.byteLength >= bytes.byteLength) return bucket.delete(variantKey(key, coding))
      const variant: DocumentMetadata = {
        ...metadata,
        etag: await codedEntityTag(metadata.etag, coding, coded),
        browserETag:
          metadata.browserETag === undefined ? undefined : await codedEntityTag(metadata.browserETag, coding, coded),
        contentEncoding: coding,
      }
      await bucket.put(variantKey(key, coding), coded, toStoredMetadata(variant))
    }),
  )
}

/** Stores `body` under `key` with its metadata, and its coded variants, replacing whatever was there. */
export const writeStored = async (
  bucket: R2Bucket,
  key: string,
  body: string | Uint8Array<ArrayBuffer>,
  metadata: DocumentMetadata,
  compressors: Compressors = {},
): Promise<void> => {
  // TextEncoder always returns a fresh ArrayBuffer (never a shared one).
  const bytes = typeof body === 'string' ? (encoder.encode(body) as Uint8Array<ArrayBuffer>) : body
  await writeVariants(bucket, key, bytes, metadata, compressors)
  await bucket.put(key, bytes, toStoredMetadata(metadata))
}
