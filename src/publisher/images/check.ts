/**
 * @module
 * The picture files named by the content, checked before anything is written: each problem
 * names the article file, the field (`image.src`, `body[3].figure.src`) and the fix, in the
 * shape of content/errors.ts. content/ checks the fields (content/image-rules.ts); this reads
 * the files under content/media/, which content/ may not.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { type ArticleImage, articleImages } from '../../../content/article-images.ts'
import type { Problem } from '../../../content/errors.ts'
import { formatOfSource, MEDIA_DIR, type MediaFormat } from '../../../content/image-rules.ts'
import type { ArticleInput } from '../../../content/schema.ts'
import { FORMAT_NAMES, sniffImageFormat } from './sniff.ts'

/** Larger files are refused before they are read: no news picture needs more. */
export const MAX_SOURCE_BYTES = 25_000_000
/** Decompression bombs: a small file that would decode to gigabytes of pixels (sharp's own default is 268 MP). */
export const MAX_SOURCE_PIXELS = 50_000_000
/** Large link previews want at least this width (advice, not a failure). */
export const LEAD_MIN_WIDTH = 1200

/** Options of every decode of a source: the pixel limit, and truncated or corrupt data as an error. */
export const DECODE_OPTIONS = { limitInputPixels: MAX_SOURCE_PIXELS, failOn: 'error' } as const

/** What a valid source is: its format and its size as shown (EXIF orientation applied). */
export type ImageFacts = { readonly format: MediaFormat; readonly width: number; readonly height: number }

type Failure = { readonly message: string; readonly fix: string }

/** The result of inspecting one source: what is wrong with it, or its facts. */
export type ImageInspection =
  | { readonly ok: true; readonly facts: ImageFacts }
  | { readonly ok: false; readonly failure: Failure }

const ALLOWED = 'JPEG, PNG, WebP or AVIF'
const fail = (message: string, fix: string): ImageInspection => ({ ok: false, failure: { message, fix } })

const megapixels = (pixels: number): string => `${(pixels / 1e6).toFixed(1)} megapixels`

/** Empty, or too large to read at all. */
const sizeFailure = (length: number): ImageInspection | undefined => {
  if (length === 0) return fail('is empty (0 bytes).', 'save the picture again; the file was not written.')
  if (length > MAX_SOURCE_BYTES)
    return fail(
      `is ${(length / 1e6).toFixed(1)} MB, more than ${MAX_SOURCE_BYTES / 1e6} MB.`,
      'export it smaller (e.g. 3000 px wide, JPEG quality 85).',
    )
  return undefined
}

/** The format check: the bytes must be one we publish, and the one the extension names. */
const formatFailure = (bytes: Uint8Array, src: string): ImageInspection | undefined => {
  const named = formatOfSource(src)
  const sniffed = sniffImageFormat(bytes)
  if (sniffed === 'markup')
    return fail(
      `is markup (HTML, SVG or XML), not a picture, whatever its name says: a browser could take it for a page.`,
      `export the picture as ${ALLOWED}.`,
    )
  if (sniffed === undefined)
    return fail(`is not a ${ALLOWED} file (its first bytes match no picture format).`, `export it as ${ALLOWED}.`)
  if (sniffed !== 'jpeg' && sniffed !== 'png' && sniffed !== 'webp' && sniffed !== 'avif')
    return fail(`is a ${FORMAT_NAMES[sniffed]} file, which we do not publish.`, `convert it to ${ALLOWED}.`)
  if (named !== undefined && named !== sniffed)
    return fail(
      `is a ${FORMAT_NAMES[sniffed]} file named as ${FORMAT_NAMES[named]}.`,
      `rename it with the extension of its format (.${sniffed === 'jpeg' ? 'jpg' : sniffed}), or convert it.`,
    )
  return undefined
}

/**
 * Inspects the bytes of one source: empty, too large, not what its extension says, a bomb,
 * truncated or corrupt. The header is read first (no pixels), then every pixel is decoded
 * under the pixel limit with `failOn: 'error'`, which is what finds a truncated file.
 */
export const inspectImageBytes = async (bytes: Uint8Array, src: string): Promise<ImageInspection> => {
  const size = sizeFailure(bytes.length)
  if (size) return size
  const formatProblem = formatFailure(bytes, src)
  if (formatProblem) return formatProblem
  // Header only: no pixel is decoded, so no limit is needed to read the size of a bomb.
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch((error: Error) => error)
  if (header instanceof Error)
    return fail(`cannot be read: ${header.message}.`, 'export the picture again from the original.')
  const pixels = header.width * header.height
  if (pixels > MAX_SOURCE_PIXELS)
    return fail(
      `is ${header.width} × ${header.height} px, ${megapixels(pixels)}: more than ${megapixels(MAX_SOURCE_PIXELS)}.`,
      'export it smaller (3000 px wide is plenty for the web).',
    )
  try {
    await sharp(bytes, DECODE_OPTIONS).stats()
  } catch (error) {
    return fail(
      `is truncated or corrupt: ${(error as Error).message.split('\n')[0]}.`,
      'copy or export the picture again from the original.',
    )
  }
  const { width, height } = header.autoOrient
  return { ok: true, facts: { format: formatOfSource(src) as MediaFormat, width, height } }
}

/** What the builder knows of a source after checking: its facts, or why it cannot be published. */
export type SourceCheck = { readonly src: string; readonly path: string; readonly inspection: ImageInspection }

const readSource = async (mediaDir: string, src: string): Promise<SourceCheck> => {
  const path = join(mediaDir, src)
  const missing = (message: string): SourceCheck => ({
    src,
    path,
    inspection: fail(message, `save the picture as ${MEDIA_DIR}/${src}, or correct the path.`),
  })
  try {
    const info = await stat(path)
    if (!info.isFile()) return missing(`names ${MEDIA_DIR}/${src}, which is not a file.`)
    // Refused before reading: a file of gigabytes is never loaded into memory.
    const size = sizeFailure(info.size)
    if (size) return { src, path, inspection: size }
    return { src, path, inspection: await inspectImageBytes(await readFile(path), src) }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return missing(`names ${MEDIA_DIR}/${src}, which does not exist.`)
    throw error
  }
}

export type ImageCheckOptions = {
  /** Absolute path of content/media/. */
  readonly mediaDir: string
  /**
   * The facts of sources checked before and unchanged since (picture-cache.ts): not read again,
   * so a publish of 10,000 articles decodes only new or changed files.
   */
  readonly known?: (src: string) => ImageFacts | undefined
}

/** Sources decoded at once (a decode keeps one core busy; more would only hold more pixels in memory). */
const SOURCES_AT_ONCE = 4

/** One picture named by an article file. */
export type ImageUse = { readonly file: string; readonly use: ArticleImage }

export type ImageCheckResult = {
  readonly problems: Problem[]
  readonly advice: Problem[]
  /** Every source read, by `src`: one entry however many articles use it. */
  readonly sources: ReadonlyMap<string, SourceCheck>
}

/** The articles' pictures whose fields are valid (content/load.ts has checked them). */
const usable = (image: ArticleImage): boolean =>
  typeof image.image?.src === 'string' && formatOfSource(image.image.src) !== undefined

/**
 * Checks every picture file the articles name, each file once. Problems fail the publish;
 * advice (a lead picture narrower than LEAD_MIN_WIDTH) is printed.
 */
export const checkArticleImages = (
  articles: readonly (ArticleInput & { readonly file: string })[],
  options: ImageCheckOptions,
): Promise<ImageCheckResult> =>
  checkImageUses(
    articles.flatMap((article) => articleImages(article).map((use) => ({ file: article.file, use }))),
    options,
  )

/** checkArticleImages for pictures already listed (the publish cache keeps them for unchanged article files). */
export const checkImageUses = async (
  allUses: readonly ImageUse[],
  { mediaDir, known }: ImageCheckOptions,
): Promise<ImageCheckResult> => {
  const uses = allUses.filter(({ use }) => usable(use)).map(({ file, use }) => ({ article: { file }, use }))
  const sources = new Map<string, SourceCheck>()
  const srcs = [...new Set(uses.map(({ use }) => use.image.src))]
  // A few at a time: each decode runs on libuv's thread pool, one core each.
  for (let i = 0; i < srcs.length; i += SOURCES_AT_ONCE) {
    const checked = await Promise.all(
      srcs.slice(i, i + SOURCES_AT_ONCE).map((src): Promise<SourceCheck> | SourceCheck => {
        const facts = known?.(src)
        return facts ? { src, path: join(mediaDir, src), inspection: { ok: true, facts } } : readSource(mediaDir, src)
      }),
    )
    for (const source of checked) sources.set(source.src, source)
  }
  const problems: Problem[] = []
  const advice: Problem[] = []
  for (const { article, use } of uses) {
    const { inspection } = sources.get(use.image.src) as SourceCheck
    const field = `${use.field}.src`
    if (!inspection.ok) problems.push({ file: article.file, field, ...inspection.failure })
    else if (use.lead && inspection.facts.width < LEAD_MIN_WIDTH)
      advice.push({
        file: article.file,
        field,
        message: `is ${inspection.facts.width} px wide; large link previews want at least ${LEAD_MIN_WIDTH} px.`,
        fix: 'use a larger original if there is one.',
      })
  }
  return { problems, advice, sources }
}
