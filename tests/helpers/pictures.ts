/**
 * @module
 * Pictures made by the tests and benchmarks (never downloaded): photo-like pixels — smooth
 * gradients and shapes with fine grain, so encoders work as hard as on a photograph, not on a
 * flat colour — and hand-built files for the hostile cases. Node only (sharp, node:zlib).
 */
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'

/** Raw RGB pixels of a photo-like scene; `seed` varies it, so each picture has its own bytes. */
export const photoPixels = (width: number, height: number, seed = 1): Buffer => {
  const pixels = Buffer.alloc(width * height * 3)
  let state = seed >>> 0 || 1
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      // xorshift32: deterministic grain of ±6 levels.
      state ^= state << 13
      state ^= state >>> 17
      state ^= state << 5
      const grain = ((state >>> 0) % 13) - 6
      const u = x / width
      const v = y / height
      const wave = Math.sin(u * 9 + seed) * Math.cos(v * 7 - seed) * 40
      const disc = (u - 0.6) ** 2 + (v - 0.4) ** 2 < 0.04 ? 70 : 0
      const at = (y * width + x) * 3
      pixels[at] = 90 + 100 * v + wave + disc + grain
      pixels[at + 1] = 110 + 60 * u - wave / 2 + grain
      pixels[at + 2] = 160 - 90 * v + disc / 2 + grain
    }
  return pixels
}

/** A photo-like picture, encoded by sharp: `format` jpeg, png, webp or avif. */
export const photo = (
  width: number,
  height: number,
  format: 'jpeg' | 'png' | 'webp' | 'avif' = 'jpeg',
  seed = 1,
): Promise<Buffer> =>
  sharp(photoPixels(width, height, seed), { raw: { width, height, channels: 3 } })
    // The fastest settings of each encoder: the tests need valid files, not small ones.
    // (`quality` would make a PNG a quantised palette, which is slow).
    .toFormat(format, format === 'png' ? { compressionLevel: 1 } : { quality: 90, effort: format === 'avif' ? 0 : 4 })
    .toBuffer()

const chunk = (type: string, data: Buffer): Buffer => {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/**
 * A valid PNG of `size` × `size` black pixels at 1 bit per pixel (PNG §11.2.2 IHDR, §11.2.4
 * IDAT): every row is the filter byte 0 and zeros, so 20,000 × 20,000 (400 megapixels, 1.2 GB
 * decoded as RGB) deflates to about 50 kB and is made in well under a second.
 */
export const pngBomb = (size: number): Buffer => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // greyscale
  const row = Math.ceil(size / 8) + 1
  const rows = deflateSync(Buffer.alloc(row * size), { level: 9 })
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** `jpeg` with a comment segment (JPEG §B.2.4.5, COM = 0xFFFE) holding `text`, right after SOI. */
export const withJPEGComment = (jpeg: Buffer, text: string): Buffer => {
  const body = Buffer.from(text, 'latin1')
  const segment = Buffer.alloc(4)
  segment.writeUInt16BE(0xfffe, 0)
  segment.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), segment, body, jpeg.subarray(2)])
}
