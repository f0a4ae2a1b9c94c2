/**
 * @module
 * The responsive variants of a picture, under content-addressed keys. `planImageVariants` reads
 * only the header and says which keys the picture has, so the publisher can skip those already
 * stored; `encodeImageVariants` encodes them. The fingerprint covers the source bytes and the
 * variant settings (variant-settings.ts): the same file used by two articles is one set of
 * objects, and a picture is encoded again only when its bytes or the settings change.
 *
 * Privacy: `.rotate()` applies the EXIF orientation to the pixels, and nothing else of the
 * source's metadata is written — sharp strips EXIF (GPS, camera serial, maker notes), XMP,
 * IPTC and comments unless `keepMetadata`/`withMetadata` is called, which this never does
 * (tests/node/image-variants.test.ts reads the variants back). Credit and copyright travel as
 * our own fields (content/schema.ts ImageInput), not in the file.
 */
import { createHash } from 'node:crypto'
import sharp, { type Sharp } from 'sharp'
import { DECODE_OPTIONS } from './check.ts'
import {
  JPEG_BACKGROUND,
  VARIANT_FORMATS,
  VARIANT_SETTINGS_VERSION,
  VARIANT_WIDTHS,
  type VariantFormat,
  variantSettingsText,
} from './variant-settings.ts'

/** One stored variant: `key` is its storage key and URL path. */
export type PlannedVariant = {
  readonly key: string
  readonly width: number
  readonly height: number
  readonly format: VariantFormat
  readonly contentType: string
}

export type EncodedVariant = PlannedVariant & { readonly bytes: Uint8Array }

export type ImagePlan<V = PlannedVariant> = {
  /** SHA-256 of the settings and the source bytes, 16 hex digits: the folder of every variant. */
  readonly fingerprint: string
  /** VARIANT_SETTINGS_VERSION the variants were planned with (also inside the fingerprint). */
  readonly settingsVersion: number
  /** The source as shown, EXIF orientation applied. */
  readonly width: number
  readonly height: number
  /** By width, then in VARIANT_FORMATS order (AVIF, WebP, JPEG). */
  readonly variants: readonly V[]
}

/** 64 bits of SHA-256: collisions need ~4 billion distinct pictures (birthday bound). */
export const imageFingerprint = (source: Uint8Array): string =>
  createHash('sha256').update(variantSettingsText()).update('\n').update(source).digest('hex').slice(0, 16)

/** `/media/<fingerprint>/<width>.<extension>` */
export const variantKey = (fingerprint: string, width: number, extension: string): string =>
  `/media/${fingerprint}/${width}.${extension}`

/** The widths of a source `width` pixels wide: each step below it, then its own width, never enlarged. */
export const variantWidths = (width: number): number[] => {
  const steps = VARIANT_WIDTHS.filter((step) => step < width)
  const largest = VARIANT_WIDTHS.at(-1) as number
  return width > largest ? [...steps] : [...steps, width]
}

/** sharp's height for a resize to `width` keeping the aspect ratio (libvips rounds to nearest). */
const scaledHeight = (source: { width: number; height: number }, width: number): number =>
  Math.max(1, Math.round((source.height * width) / source.width))

const plan = (fingerprint: string, size: { width: number; height: number }): ImagePlan => ({
  fingerprint,
  settingsVersion: VARIANT_SETTINGS_VERSION,
  width: size.width,
  height: size.height,
  variants: variantWidths(size.width).flatMap((width) =>
    VARIANT_FORMATS.map(({ format, extension, contentType }) => ({
      key: variantKey(fingerprint, width, extension),
      width,
      height: scaledHeight(size, width),
      format,
      contentType,
    })),
  ),
})

/** The variants a source will have, from its header alone (no pixel is decoded). */
export const planImageVariants = async (source: Uint8Array): Promise<ImagePlan> => {
  const { autoOrient } = await sharp(source, DECODE_OPTIONS).metadata()
  return plan(imageFingerprint(source), autoOrient)
}

const encode = (image: Sharp, format: VariantFormat): Sharp => {
  const settings = VARIANT_FORMATS.find((entry) => entry.format === format)
  if (format === 'avif') return image.avif(settings?.options)
  if (format === 'webp') return image.webp(settings?.options)
  return image.flatten({ background: JPEG_BACKGROUND }).jpeg(settings?.options)
}

/**
 * Encodes every variant of a source (checked first by check.ts). Each width is decoded and
 * resized once, then encoded in each format; `only` limits the work to the keys not yet stored.
 * Widths and formats are encoded at once: libvips runs each encode on libuv's thread pool, and
 * one encode (AVIF at effort 0, mozjpeg) keeps one core busy — in sequence, a 2-core machine
 * encoded at half its speed (`npm run bench:pictures`). The result keeps the plan's order.
 */
export const encodeImageVariants = async (
  source: Uint8Array,
  only?: (variant: PlannedVariant) => boolean,
): Promise<ImagePlan<EncodedVariant>> => {
  const planned = await planImageVariants(source)
  const wanted = planned.variants.filter((variant) => only?.(variant) ?? true)
  const oriented = sharp(source, DECODE_OPTIONS).rotate()
  const widths = [...new Set(wanted.map((variant) => variant.width))]
  const encoded = await Promise.all(
    widths.map(async (width) => {
      const { data, info } = await oriented.clone().resize({ width }).raw().toBuffer({ resolveWithObject: true })
      const raw = { width: info.width, height: info.height, channels: info.channels }
      return Promise.all(
        wanted
          .filter((entry) => entry.width === width)
          .map(async (variant): Promise<EncodedVariant> => {
            const bytes = await encode(sharp(data, { raw }), variant.format).toBuffer()
            if (info.height !== variant.height)
              throw new Error(`${variant.key}: planned ${variant.height} px high, encoded ${info.height}`)
            // The encoder's own size, so that a plan that disagreed could never go unnoticed.
            return {
              ...variant,
              height: info.height,
              bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
            }
          }),
      )
    }),
  )
  return { ...planned, variants: encoded.flat() }
}
