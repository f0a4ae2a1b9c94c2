/**
 * Variants: the widths and formats each picture is published in, under content-addressed keys;
 * orientation applied to the pixels, and no EXIF (GPS, serial, maker notes) in any variant,
 * read back with exifr and sharp. Every picture is made by the test, its EXIF written by sharp.
 */
import { createHash } from 'node:crypto'
import exifr from 'exifr'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { VARIANT_SETTINGS_VERSION, VARIANT_WIDTHS } from '../../src/publisher/images/variant-settings.ts'
import {
  type EncodedVariant,
  encodeImageVariants,
  type ImagePlan,
  imageFingerprint,
  planImageVariants,
  variantWidths,
} from '../../src/publisher/images/variants.ts'
import { photo, withJPEGComment } from '../helpers/pictures.ts'

/** EXIF as a phone writes it: where, with what, by whom, and rotated (orientation 6: 90° clockwise). */
const CAMERA_EXIF = {
  IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'Source Name', Copyright: 'Agency' },
  IFD2: { BodySerialNumber: 'SN-123456789' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 21/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 4/1' },
}

/** A 1000 × 700 JPEG stored sideways with orientation 6, so it shows 700 wide and 1000 high. */
const cameraJPEG = async (): Promise<Buffer> =>
  sharp(await photo(1000, 700))
    .withMetadata({ orientation: 6 })
    .withExifMerge(CAMERA_EXIF)
    .jpeg({ quality: 90 })
    .toBuffer()

describe('variant widths', () => {
  it('steps up to the source width, adds the source width, never enlarges', () => {
    expect(variantWidths(200)).toEqual([200])
    expect(variantWidths(320)).toEqual([320])
    expect(variantWidths(1000)).toEqual([320, 640, 960, 1000])
    expect(variantWidths(1920)).toEqual([320, 640, 960, 1280, 1920])
    expect(variantWidths(4000)).toEqual([...VARIANT_WIDTHS])
  })
})

describe('a photograph with camera EXIF', () => {
  let source: Buffer
  let encoded: ImagePlan<EncodedVariant>

  beforeAll(async () => {
    source = await cameraJPEG()
    // The source does carry what must not be published: the test would prove nothing otherwise.
    const exif = await exifr.parse(source, { gps: true, makerNote: true })
    expect(exif).toMatchObject({ latitude: expect.closeTo(55.756, 2), Make: 'PhoneMaker', Orientation: 'Rotate 90 CW' })
    for (const secret of ['SN-123456789', 'Source Name', 'PhoneMaker'])
      expect(source.toString('latin1')).toContain(secret)
    encoded = await encodeImageVariants(source)
  })

  it('is published as AVIF, WebP and JPEG at each width, upright (orientation applied to the pixels)', async () => {
    expect(encoded).toMatchObject({ width: 700, height: 1000, settingsVersion: VARIANT_SETTINGS_VERSION })
    expect(encoded.variants.map((v) => `${v.width}x${v.height}.${v.format}`)).toEqual(
      [
        [320, 457],
        [640, 914],
        [700, 1000],
      ].flatMap(([w, h]) => ['avif', 'webp', 'jpeg'].map((f) => `${w}x${h}.${f}`)),
    )
    for (const variant of encoded.variants) {
      const meta = await sharp(variant.bytes).metadata()
      // What the file is matches what we say it is; and nothing is left for a reader to rotate.
      expect([meta.format, meta.width, meta.height]).toEqual([
        variant.format === 'avif' ? 'heif' : variant.format,
        variant.width,
        variant.height,
      ])
      expect(meta.orientation ?? 1).toBe(1)
    }
  })

  it('carries no EXIF at all: no GPS position, no serial number, no maker notes, no camera', async () => {
    for (const variant of encoded.variants) {
      const meta = await sharp(variant.bytes).metadata()
      expect([meta.exif, meta.xmp, meta.iptc], variant.key).toEqual([undefined, undefined, undefined])
      // exifr reads JPEG and AVIF (not WebP, for which sharp's reading above stands).
      if (variant.format !== 'webp')
        expect(await exifr.parse(variant.bytes, { gps: true, makerNote: true, xmp: true }), variant.key).toBeUndefined()
      const text = Buffer.from(variant.bytes).toString('latin1')
      // Maker notes are a tag of the EXIF block (EXIF 2.32 §4.6.5 MakerNote): no block, no notes.
      for (const secret of ['PhoneMaker', 'SN-123456789', 'Source Name', 'Exif\0\0'])
        expect(text, variant.key).not.toContain(secret)
    }
  })

  it('keys every variant by a fingerprint of the bytes and the settings, and says its length', () => {
    const fingerprint = imageFingerprint(source)
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/)
    // The settings are part of it: not the hash of the bytes alone.
    expect(fingerprint).not.toBe(createHash('sha256').update(source).digest('hex').slice(0, 16))
    for (const variant of encoded.variants) {
      expect(variant.key).toBe(
        `/media/${fingerprint}/${variant.width}.${variant.format === 'jpeg' ? 'jpg' : variant.format}`,
      )
      expect(variant.contentType).toBe(`image/${variant.format}`)
      expect(variant.bytes.length).toBeGreaterThan(100)
    }
    expect(new Set(encoded.variants.map((v) => v.key)).size).toBe(encoded.variants.length)
  })

  it('plans the same keys and sizes from the header alone, and encodes only the keys asked for', async () => {
    const plan = await planImageVariants(source)
    expect(plan.variants).toEqual(encoded.variants.map(({ bytes: _, ...variant }) => variant))
    const stored = new Set(plan.variants.slice(0, 7).map((v) => v.key))
    const rest = await encodeImageVariants(source, (variant) => !stored.has(variant.key))
    expect(rest.variants.map((v) => v.key)).toEqual(plan.variants.slice(7).map((v) => v.key))
  })
})

describe('fingerprints', () => {
  it('are the same for the same bytes, wherever they come from, and differ for one byte changed', async () => {
    const a = await photo(400, 300, 'jpeg', 7)
    const b = Buffer.from(a)
    expect(imageFingerprint(b)).toBe(imageFingerprint(a))
    b[b.length - 3] = (b[b.length - 3] as number) ^ 1
    expect(imageFingerprint(b)).not.toBe(imageFingerprint(a))
  })

  it('plan heights as the encoder rounds them, for awkward aspect ratios', async () => {
    for (const [width, height] of [
      [1001, 667],
      [1000, 701],
      [333, 1999],
      [2000, 3],
    ] as const) {
      const source = await photo(width, height, 'png')
      const plan = await planImageVariants(source)
      const encoded = await encodeImageVariants(source, (v) => v.format === 'webp')
      expect(encoded.variants.map((v) => [v.width, v.height])).toEqual(
        plan.variants.filter((v) => v.format === 'webp').map((v) => [v.width, v.height]),
      )
    }
  })
})

describe('hostile bytes in a picture that passes the check', () => {
  it('never reach a variant: a JPEG/HTML polyglot is re-encoded to clean bytes', async () => {
    const html = '<html><body><script>alert(document.cookie)</script></body></html>'
    const polyglot = Buffer.concat([withJPEGComment(await photo(500, 400), html), Buffer.from(html)])
    const { variants } = await encodeImageVariants(polyglot)
    for (const variant of variants) {
      const text = Buffer.from(variant.bytes).toString('latin1')
      expect(text, variant.key).not.toMatch(/<script|<html/i)
    }
  })

  it('keeps transparency in AVIF and WebP, and puts it on white in the JPEG', async () => {
    const transparent = await sharp({ create: { width: 400, height: 300, channels: 4, background: '#ff000000' } })
      .png()
      .toBuffer()
    const { variants } = await encodeImageVariants(transparent)
    const byFormat = Object.fromEntries(variants.filter((v) => v.width === 400).map((v) => [v.format, v.bytes]))
    expect((await sharp(byFormat.webp).metadata()).hasAlpha).toBe(true)
    const jpeg = await sharp(byFormat.jpeg).raw().toBuffer()
    expect([...jpeg.subarray(0, 3)].every((level) => level > 250)).toBe(true)
  })
})
