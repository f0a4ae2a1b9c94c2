/**
 * @module
 * A bucket that stores nothing yet: it records the puts and deletes made through it (by
 * src/archive/write.ts `writeStored`), to be replayed later, in the same order, against the real
 * one. A publish prepares documents (render, compress) ahead of the order in which it may write
 * them (publish.ts).
 */

/** One recorded write. */
export type StorageWrite = (bucket: R2Bucket) => Promise<unknown>

/** A bucket for `put` and `delete` only, and the writes made through it so far, in order. */
export const deferredBucket = (): { readonly bucket: R2Bucket; readonly writes: StorageWrite[] } => {
  const writes: StorageWrite[] = []
  const bucket = {
    put: async (...args: Parameters<R2Bucket['put']>) => {
      writes.push((target) => target.put(...args))
      return null
    },
    delete: async (...args: Parameters<R2Bucket['delete']>) => {
      writes.push((target) => target.delete(...args))
    },
  } as unknown as R2Bucket
  return { bucket, writes }
}
