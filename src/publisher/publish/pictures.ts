/**
 * @module
 * The articles' pictures in storage: each variant an R2 object under its content-addressed key
 * (`/media/<fingerprint>/<width>.<ext>`) with a row in the index, written before any document
 * that shows it (an interrupted publish never leaves a page naming a missing file).
 *
 * Runtime-neutral: the encoder is given (`PictureSource.encode`: sharp in Node,
 * src/publisher/images/; tests in workerd give already-encoded bytes). A variant whose key the
 * index lists, or R2 holds, is never encoded again: the key is a hash of the source bytes and the
 * variant settings, so the same file used by two articles is one set of objects.
 *
 * Variants are never removed: they are immutable, and a page or feed item a reader cached may
 * still name them (README, "Pictures").
 */
import { entityTagOfBytes } from '../../archive/entity-tag.ts'
import { writeDocumentRows } from '../../archive/index-queries.ts'
import type { DocumentRow } from '../../archive/index-rows.ts'
import { fromStoredMetadata } from '../../archive/metadata.ts'
import type { ArchiveStorage } from '../../archive/storage.ts'
import { writeStored } from '../../archive/write.ts'
import type { PictureFormat, PictureTable, PictureVariant, PublishedPicture } from '../feed/picture.ts'

/** One variant as planned from the source's header: its key (storage key and URL path) and size. */
export type PlannedPictureVariant = {
  readonly key: string
  readonly width: number
  readonly height: number
  readonly format: PictureFormat
  readonly contentType: string
}

export type EncodedPictureVariant = PlannedPictureVariant & { readonly bytes: Uint8Array }

/** What src/publisher/images/variants.ts plans for a source (header only, no pixel decoded). */
export type PlannedPicture = {
  readonly fingerprint: string
  readonly width: number
  readonly height: number
  readonly variants: readonly PlannedPictureVariant[]
}

/** The pictures of a publish, made by the caller (Node: scripts/publish.ts). */
export type PictureSource = {
  /** Each article's picture files (`src`, lead first), by slug — also of articles given without their body. */
  readonly uses: ReadonlyMap<string, readonly string[]>
  /** Every used `src`'s plan. */
  readonly plans: ReadonlyMap<string, PlannedPicture>
  /** Encodes the variants of `src` that `only` selects (called only for variants storage lacks). */
  readonly encode: (
    src: string,
    only: (variant: PlannedPictureVariant) => boolean,
  ) => Promise<readonly EncodedPictureVariant[]>
}

export type PictureSummary = {
  /** Sources with at least one variant encoded this time. */
  readonly encoded: number
  /** Variant objects written. */
  readonly written: number
  readonly bytesWritten: number
}

/** Byte lengths of stored variants by key: known when written, else read from R2 when a document needs one. */
export class VariantLengths {
  readonly #lengths = new Map<string, number>()
  readonly #bucket: R2Bucket

  constructor(bucket: R2Bucket) {
    this.#bucket = bucket
  }

  get(key: string): number | undefined {
    return this.#lengths.get(key)
  }

  set(key: string, length: number): void {
    this.#lengths.set(key, length)
  }

  /** Reads the lengths of `keys` not yet known (R2 `head`, a few at a time). */
  async load(keys: Iterable<string>): Promise<void> {
    const unknown = [...new Set(keys)].filter((key) => !this.#lengths.has(key))
    for (let i = 0; i < unknown.length; i += 32)
      await Promise.all(
        unknown.slice(i, i + 32).map(async (key) => {
          const head = await this.#bucket.head(key)
          if (!head) throw new Error(`${key} is not in storage`)
          this.#lengths.set(key, head.size)
        }),
      )
  }
}

/** Sources encoded and stored at once by storePictures. */
const PICTURES_AT_ONCE = 2

const mediaRow = (key: string, contentType: string, etag: string, fingerprint: string): DocumentRow => ({
  path: key,
  status: 200,
  content_type: contentType,
  etag,
  last_modified: null,
  fingerprint: `picture\u0000${fingerprint}`,
})

/**
 * Stores every variant of every used source that storage lacks. `indexed`: the index's rows by
 * path (publish.ts read them); `force`: trust R2 only, not the index (a repair).
 */
export const storePictures = async (
  storage: ArchiveStorage,
  source: PictureSource,
  indexed: ReadonlyMap<string, DocumentRow>,
  lengths: VariantLengths,
  { force = false, log = () => {} }: { force?: boolean; log?: (message: string) => void } = {},
): Promise<PictureSummary> => {
  const used = [...new Set([...source.uses.values()].flat())]
  let encoded = 0
  let written = 0
  let bytesWritten = 0
  const store = async (src: string): Promise<void> => {
    const plan = source.plans.get(src)
    if (!plan) throw new Error(`no plan for picture ${src}`)
    const unindexed = plan.variants.filter((variant) => force || indexed.get(variant.key)?.status !== 200)
    if (unindexed.length === 0) return
    // In R2 but not in the index: a publish stopped between the object and its row.
    const heads = await Promise.all(unindexed.map((variant) => storage.bucket.head(variant.key)))
    const rows: DocumentRow[] = []
    const missing = new Set<string>()
    unindexed.forEach((variant, i) => {
      const head = heads[i]
      const metadata = head && fromStoredMetadata(head)
      if (head && metadata?.status === 200) {
        lengths.set(variant.key, head.size)
        rows.push(mediaRow(variant.key, variant.contentType, metadata.etag, plan.fingerprint))
      } else missing.add(variant.key)
    })
    if (missing.size > 0) {
      log(`encoding ${src}: ${missing.size} variant${missing.size === 1 ? '' : 's'}`)
      const variants = await source.encode(src, (variant) => missing.has(variant.key))
      for (const variant of variants) {
        const bytes = new Uint8Array(variant.bytes)
        const etag = await entityTagOfBytes(variant.contentType, bytes)
        await writeStored(storage.bucket, variant.key, bytes, {
          status: 200,
          contentType: variant.contentType,
          etag,
          immutable: true,
        })
        lengths.set(variant.key, bytes.length)
        rows.push(mediaRow(variant.key, variant.contentType, etag, plan.fingerprint))
        written++
        bytesWritten += bytes.length
      }
      encoded++
    }
    // After the objects: a row never names an object that is not there.
    await writeDocumentRows(storage.db, rows)
  }
  // Two sources at a time: one encodes while the other's variants are written (encodes use
  // every core on their own, variants.ts); the order of the rows and objects does not matter.
  for (let i = 0; i < used.length; i += PICTURES_AT_ONCE)
    await Promise.all(used.slice(i, i + PICTURES_AT_ONCE).map(store))
  return { encoded, written, bytesWritten }
}

/**
 * The published pictures by `src`, with absolute URLs; each variant's `length` is read from
 * `lengths` when a renderer asks (VariantLengths.load first, for the enclosures it will need).
 */
export const pictureTable = (source: PictureSource, origin: string, lengths: VariantLengths): PictureTable =>
  new Map(
    [...source.plans].map(([src, plan]): [string, PublishedPicture] => [
      src,
      {
        fingerprint: plan.fingerprint,
        width: plan.width,
        height: plan.height,
        variants: plan.variants.map(
          (variant): PictureVariant => ({
            url: origin + variant.key,
            width: variant.width,
            height: variant.height,
            format: variant.format,
            contentType: variant.contentType,
            get length() {
              return lengths.get(variant.key)
            },
          }),
        ),
      },
    ]),
  )
