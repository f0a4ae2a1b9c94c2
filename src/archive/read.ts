/**
 * @module
 * The one reader of a stored document, for the routes and the WebSub consumer alike. A storage
 * failure becomes StorageUnavailable, which the Worker answers 503 with Retry-After, never 500.
 */
import { type ContentCoding, codingKey } from './encodings.ts'
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

/** The R2 object an answer came from: its key and R2's own etag, to revalidate it with `onlyIf`. */
export type StoredSource = { readonly key: string; readonly storageETag: string }

/** A document as the Worker sends it: in one content coding, as a stream from R2 or as bytes. */
export type StoredBody = DocumentMetadata & {
  readonly coding: ContentCoding
  readonly source: StoredSource
  /** Bytes of the body as sent (coded). */
  readonly size: number
  /** A stream straight from R2 (nothing held in the isolate), the bytes when asked for, or none for a HEAD (empty). */
  readonly body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>
}

export type ReadCodedOptions = {
  /** Copy the body into memory (to remember it); otherwise it streams from R2 to the reader. */
  readonly bytes?: boolean
  /** For a HEAD request: the object's metadata only (an R2 head), no body opened; the body is empty. */
  readonly head?: boolean
}

const EMPTY = new Uint8Array(0)

const getObject = async (bucket: R2Bucket, key: string): Promise<R2ObjectBody | null> => {
  try {
    return await bucket.get(key)
  } catch (error) {
    throw new StorageUnavailable(`R2 get ${key} failed`, { cause: error })
  }
}

const headObject = async (bucket: R2Bucket, key: string): Promise<R2Object | null> => {
  try {
    return await bucket.head(key)
  } catch (error) {
    throw new StorageUnavailable(`R2 head ${key} failed`, { cause: error })
  }
}

/**
 * The document stored under `key`, in `coding` when a variant in it is stored, else as rendered
 * (archives published before variants existed, and documents too small to gain from one); or
 * undefined when there is none.
 */
export const readCoded = async (
  bucket: R2Bucket,
  key: string,
  coding: ContentCoding,
  options: ReadCodedOptions = {},
): Promise<StoredBody | undefined> => {
  const read = options.head ? headObject : getObject
  let objectKey = codingKey(key, coding)
  let object: R2Object | R2ObjectBody | null = await read(bucket, objectKey)
  if (!object && coding !== 'identity') {
    objectKey = key
    object = await read(bucket, key)
  }
  if (!object) return undefined
  const opened = 'body' in object ? (object as R2ObjectBody) : undefined
  const metadata = fromStoredMetadata(object)
  if (!metadata) {
    await opened?.body.cancel()
    throw new StorageUnavailable(`${objectKey}: stored without its metadata`)
  }
  let body: StoredBody['body'] = opened?.body ?? EMPTY
  if (options.bytes && opened) {
    try {
      body = new Uint8Array(await opened.arrayBuffer())
    } catch (error) {
      throw new StorageUnavailable(`R2 read of ${objectKey} failed`, { cause: error })
    }
  }
  return {
    ...metadata,
    coding: metadata.contentEncoding ?? 'identity',
    source: { key: objectKey, storageETag: object.etag },
    size: object.size,
    body,
  }
}

/**
 * Has the object an answer came from changed? One conditional get (R2 `onlyIf.etagDoesNotMatch`):
 * when nothing changed R2 answers with the object's metadata and no body, so no bytes move.
 * Storage errors are thrown as they come: the caller decides (it serves what it has).
 */
export const hasChanged = async (bucket: R2Bucket, source: StoredSource): Promise<boolean> => {
  const object = await bucket.get(source.key, { onlyIf: { etagDoesNotMatch: source.storageETag } })
  if (object === null) return true
  if ('body' in object && object.body) {
    await object.body.cancel()
    return true
  }
  return false
}
