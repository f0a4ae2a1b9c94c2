/**
 * @module
 * How a source becomes the variants we publish: the widths, the formats and their encoder
 * settings. Everything here goes into each picture's fingerprint (variants.ts), so changing a
 * setting gives every picture new keys, and nothing else does: a picture already published is
 * never encoded again.
 */

/** Bump when the pipeline changes in a way these settings do not show (e.g. a new resize kernel). */
export const VARIANT_SETTINGS_VERSION = 1

/**
 * Widths for `srcset`: phones at 1× and 2×, the text column at 1× and 2×, wide screens. A
 * source narrower than a step also gets a variant at its own width; none is enlarged.
 */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const

/**
 * One entry per output format, best first (a `<picture>` lists AVIF, then WebP, then the JPEG
 * every reader shows). Qualities are the usual web defaults, tuned to look alike across formats.
 */
export const VARIANT_FORMATS = [
  { format: 'avif', extension: 'avif', contentType: 'image/avif', options: { quality: 50, effort: 0 } },
  { format: 'webp', extension: 'webp', contentType: 'image/webp', options: { quality: 75, effort: 4 } },
  { format: 'jpeg', extension: 'jpg', contentType: 'image/jpeg', options: { quality: 80, mozjpeg: true } },
] as const

export type VariantFormat = (typeof VARIANT_FORMATS)[number]['format']

/** Transparent pixels of a source become this colour in the JPEG fallback, which has no alpha. */
export const JPEG_BACKGROUND = '#ffffff'

/** The settings as one canonical string, hashed into every fingerprint. */
export const variantSettingsText = (): string =>
  JSON.stringify({
    version: VARIANT_SETTINGS_VERSION,
    widths: VARIANT_WIDTHS,
    formats: VARIANT_FORMATS,
    jpegBackground: JPEG_BACKGROUND,
  })
