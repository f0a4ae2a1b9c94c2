/**
 * @module
 * The pictures of a publish, in Node: every file the articles name checked (check.ts), planned
 * (variants.ts, header only) and given to publish() with its encoder (sharp), which it calls only
 * for variants storage lacks. A source unchanged since it was last checked (same size and
 * modification time, same variant settings) is neither decoded nor planned again: the cache
 * keeps its facts and plan, so a publish of 10,000 articles reads only new or changed files. The
 * cache is kept in one shard per folder of pictures (sharded-cache.ts).
 */
import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleImage } from '../../../content/article-images.ts'
import type { Problem } from '../../../content/errors.ts'
import { folderOf, readShards, writeShards } from '../files/sharded-cache.ts'
import type { PictureSource } from '../publish/pictures.ts'
import { checkImageUses, type ImageFacts, type ImageUse } from './check.ts'
import { variantSettingsText } from './variant-settings.ts'
import { encodeImageVariants, type ImagePlan, planImageVariants } from './variants.ts'

type CachedSource = {
  readonly size: number
  readonly mtimeMs: number
  readonly facts: ImageFacts
  readonly plan: ImagePlan
}

export type PreparePicturesOptions = {
  /** Absolute path of content/media/. */
  readonly mediaDir: string
  /** The folder where what is known of each source is kept (sharded-cache.ts); absent: nothing kept (`npm run check`). */
  readonly cacheDir?: string
}

export type PreparedPictures = {
  readonly problems: readonly Problem[]
  readonly advice: readonly Problem[]
  /** For publish() (`pictures`); empty when there are problems. */
  readonly source: PictureSource
  /** Sources read and decoded this time (the others came from the cache). */
  readonly read: number
}

const settingsHash = (): string => createHash('sha256').update(variantSettingsText()).digest('hex').slice(0, 16)

const statOf = (path: string): { size: number; mtimeMs: number } | undefined => {
  try {
    const { size, mtimeMs } = statSync(path)
    return { size, mtimeMs }
  } catch {
    return undefined
  }
}

/**
 * Checks and plans the pictures of `images` (each article file's, by slug). `files`: the article
 * file of each slug, which problems name.
 */
export const preparePictures = async (
  images: ReadonlyMap<string, readonly ArticleImage[]>,
  files: ReadonlyMap<string, string>,
  { mediaDir, cacheDir }: PreparePicturesOptions,
): Promise<PreparedPictures> => {
  const settings = settingsHash()
  const cache = cacheDir ? readShards<CachedSource>(cacheDir, settings) : new Map<string, CachedSource>()
  const fresh = (src: string): CachedSource | undefined => {
    const cached = cache.get(src)
    const now = cached && statOf(join(mediaDir, src))
    return now && cached && now.size === cached.size && now.mtimeMs === cached.mtimeMs ? cached : undefined
  }
  const uses: ImageUse[] = [...images].flatMap(([slug, list]) =>
    list.map((use) => ({ file: files.get(slug) ?? slug, use })),
  )
  const check = await checkImageUses(uses, { mediaDir, known: (src) => fresh(src)?.facts })
  const empty: PictureSource = { uses: new Map(), plans: new Map(), encode: async () => [] }
  if (check.problems.length > 0) return { problems: check.problems, advice: check.advice, source: empty, read: 0 }

  const plans = new Map<string, ImagePlan>()
  const changed = new Set<string>()
  let read = 0
  for (const [src, checked] of check.sources) {
    if (!checked.inspection.ok) continue
    const cached = fresh(src)
    if (cached) {
      plans.set(src, cached.plan)
      continue
    }
    const before = statOf(checked.path)
    const plan = await planImageVariants(await readFile(checked.path))
    plans.set(src, plan)
    read++
    if (before) {
      cache.set(src, { ...before, facts: checked.inspection.facts, plan })
      changed.add(folderOf(src))
    }
  }
  // Only the folders of sources read this time are rewritten; nothing read, nothing written.
  if (cacheDir && changed.size > 0) writeShards(cacheDir, settings, cache, changed)

  const encode: PictureSource['encode'] = async (src, only) => {
    const planned = plans.get(src)
    const encoded = await encodeImageVariants(await readFile(join(mediaDir, src)), only)
    // The key is a promise about the bytes: a file changed since it was planned must not fill it.
    if (encoded.fingerprint !== planned?.fingerprint)
      throw new Error(`${src} changed while publishing; run the publish again.`)
    return encoded.variants
  }
  return {
    problems: [],
    advice: check.advice,
    source: {
      uses: new Map([...images].map(([slug, list]) => [slug, [...new Set(list.map((use) => use.image.src))]])),
      plans,
      encode,
    },
    read,
  }
}

/** The cache folder for a media folder (tests and benchmarks publish other folders). */
export const pictureCacheDir = (root: string, mediaDir: string): string =>
  join(root, '.wrangler/cache', `pictures-${createHash('sha256').update(mediaDir).digest('hex').slice(0, 12)}`)
