/**
 * @module
 * A picture as the model holds it: the article's text about it (alt, caption, credit) and the
 * variants the publisher stored (src/publisher/images/variants.ts makes them in Node; this
 * module is runtime-neutral). Renderers choose among the variants with the functions here, so
 * every format names the same file for the same role.
 */
import type { ImageInput } from '../../../content/schema.ts'

export type PictureFormat = 'avif' | 'webp' | 'jpeg'

/** One stored variant, by absolute URL. */
export type PictureVariant = {
  readonly url: string
  readonly width: number
  readonly height: number
  readonly format: PictureFormat
  readonly contentType: string
  /** Its exact size in bytes, when the publisher knows it (always for the enclosure, see enclosureOf). */
  readonly length?: number
}

/** A source file as published: its content-addressed fingerprint, its size as shown, its variants. */
export type PublishedPicture = {
  /** 16 hex digits: covers the source bytes and the variant settings. */
  readonly fingerprint: string
  readonly width: number
  readonly height: number
  /** By width, then AVIF, WebP, JPEG. */
  readonly variants: readonly PictureVariant[]
}

/** Published sources by `src` (the path under content/media/). */
export type PictureTable = ReadonlyMap<string, PublishedPicture>

/** A picture where an article shows it: its text (plain text; renderers escape it) and its files. */
export type Picture = PublishedPicture & Pick<ImageInput, 'alt' | 'caption' | 'credit'>

/** The JPEG every reader shows: at `maxWidth`, or the largest narrower (a small source has only its own width). */
export const jpegVariant = (picture: PublishedPicture, maxWidth: number): PictureVariant => {
  const jpegs = picture.variants.filter((variant) => variant.format === 'jpeg')
  const fitting = jpegs.filter((variant) => variant.width <= maxWidth)
  const chosen = fitting.at(-1) ?? jpegs[0]
  if (!chosen) throw new Error(`picture ${picture.fingerprint} has no JPEG variant`)
  return chosen
}

/**
 * The lead's enclosure (RSS `<enclosure>`, Atom `rel="enclosure"`, JSON Feed attachment, og:image):
 * 1280 px JPEG — large previews want ≥ 1200 px (Facebook, X), and JPEG is the one format every
 * reader decodes.
 */
export const ENCLOSURE_WIDTH = 1280
/** `media:thumbnail` and list previews: a 640 px JPEG, sharp on a 2× phone at 320 CSS px. */
export const THUMBNAIL_WIDTH = 640

export const enclosureOf = (picture: PublishedPicture): PictureVariant => jpegVariant(picture, ENCLOSURE_WIDTH)
export const thumbnailOf = (picture: PublishedPicture): PictureVariant => jpegVariant(picture, THUMBNAIL_WIDTH)

/** The variants of one format, for a `srcset`. */
export const variantsOf = (picture: PublishedPicture, format: PictureFormat): readonly PictureVariant[] =>
  picture.variants.filter((variant) => variant.format === format)

/** `srcset` (HTML §4.8.4.2.1): each URL with its width descriptor. */
export const srcsetOf = (variants: readonly PictureVariant[]): string =>
  variants.map((variant) => `${variant.url} ${variant.width}w`).join(', ')

/** The text of an image input joined with its published files; undefined when the source was not published. */
export const pictureOf = (input: ImageInput, table: PictureTable | undefined): Picture | undefined => {
  const published = table?.get(input.src)
  if (!published) return undefined
  return {
    ...published,
    alt: input.alt,
    credit: input.credit,
    ...(input.caption !== undefined && { caption: input.caption }),
  }
}
