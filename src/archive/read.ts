/**
 * @module
 * The one reader of a stored document, for the routes and the WebSub consumer alike. A storage
 * failure becomes StorageUnavailable, which the Worker answers 503 with Retry-After, never 500.
 */
import { documentStatus, isAnythingPublished } from './index-queries.ts'
import { type DocumentMetadata, fromStoredMetadata } from './metadata.ts'

export type StoredDocument = DocumentMetadata & { readonly bytes: Uint8Array<ArrayBuffer> }

/** Storage failed, or the index lists a document whose object is missing: try again later. */
export class StorageUnavailable extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'StorageUnavailable'
  }
}

/** The document stored under `key`, or undefined when there is none. */
export const readStored = async (bucket: R2Bucket, key: string): Promise<StoredDocument | undefined> => {
  let object: R2ObjectBody | null
  try {
    object = await bucket.get(key)
    if (!object) return undefined
    const metadata = fromStoredMetadata(object)
    if (!metadata) {
      await object.body.cancel()
      throw new StorageUnavailable(`${key}: stored without its metadata`)
    }
    return { ...metadata, bytes: new Uint8Array(await object.arrayBuffer()) }
  } catch (error) {
    if (error instanceof StorageUnavailable) throw error
    throw new StorageUnavailable(`R2 get ${key} failed`, { cause: error })
  }
}

/**
 * For a path R2 has no object for: is it in the index? Then the object is missing (a publish
 * failed half-way or storage lost it) and the next publish restores it. An empty index: nothing
 * is published yet.
 */
export const missingFromIndex = async (db: D1Database, path: string): Promise<string | undefined> => {
  try {
    const status = await documentStatus(db, path)
    if (status === 200) return `${path} is published but its object is missing`
    if (status !== undefined) return undefined
    return (await isAnythingPublished(db)) ? undefined : 'nothing is published yet: run `npm run publish`'
  } catch (error) {
    throw new StorageUnavailable(`D1 lookup of ${path} failed`, { cause: error })
  }
}
