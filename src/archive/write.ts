/** @module The one writer of a stored document: its bytes and metadata in one R2 put (atomic per object). */
import { type DocumentMetadata, toStoredMetadata } from './metadata.ts'

/** Stores `body` under `key` with its metadata, replacing whatever was there. */
export const writeStored = async (
  bucket: R2Bucket,
  key: string,
  body: string | Uint8Array<ArrayBuffer>,
  metadata: DocumentMetadata,
): Promise<void> => {
  await bucket.put(key, body, toStoredMetadata(metadata))
}
