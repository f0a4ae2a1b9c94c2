/**
 * @module
 * Reading a published document from R2 (src/publish/stored.ts says how it is stored). A storage
 * failure becomes StorageUnavailable, answered 503 with Retry-After by the app, never a 500.
 */
import type { StoredMetadata } from '../publish/stored.ts'

export type StoredDocument = {
  readonly status: 200 | 410
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly contentType: string
  readonly etag: string
  readonly browserETag?: string
  readonly lastModified?: string
  readonly immutable: boolean
}

/** Storage failed, or the index lists a document whose object is missing: try again later. */
export class StorageUnavailable extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'StorageUnavailable'
  }
}

const fromObject = async (object: R2ObjectBody): Promise<StoredDocument> => {
  const metadata = object.customMetadata as StoredMetadata | undefined
  if (!metadata?.etag || !object.httpMetadata?.contentType)
    throw new StorageUnavailable(`${object.key}: stored without its metadata`)
  return {
    status: metadata.status === '410' ? 410 : 200,
    bytes: new Uint8Array(await object.arrayBuffer()),
    contentType: object.httpMetadata.contentType,
    etag: metadata.etag,
    browserETag: metadata.browserETag,
    lastModified: metadata.lastModified,
    immutable: metadata.immutable === '1',
  }
}

/** The document stored under `path`, or undefined when there is none. */
export const readStored = async (bucket: R2Bucket, path: string): Promise<StoredDocument | undefined> => {
  let object: R2ObjectBody | null
  try {
    object = await bucket.get(path)
    return object ? await fromObject(object) : undefined
  } catch (error) {
    if (error instanceof StorageUnavailable) throw error
    throw new StorageUnavailable(`R2 get ${path} failed`, { cause: error })
  }
}

/**
 * For a path R2 has no object for: is it in the index? Then the object is missing (a publish
 * failed half-way or storage lost it) and the next publish restores it. An empty index: nothing
 * is published yet.
 */
export const missingFromIndex = async (db: D1Database, path: string): Promise<string | undefined> => {
  try {
    const row = await db.prepare('SELECT status FROM documents WHERE path = ?').bind(path).first<{ status: number }>()
    if (row?.status === 200) return `${path} is published but its object is missing`
    if (row) return undefined
    const any = await db.prepare('SELECT 1 FROM documents LIMIT 1').first()
    return any ? undefined : 'nothing is published yet: run `npm run publish`'
  } catch (error) {
    throw new StorageUnavailable(`D1 lookup of ${path} failed`, { cause: error })
  }
}
