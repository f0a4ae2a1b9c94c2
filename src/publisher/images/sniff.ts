/**
 * @module
 * What a file is, from its first bytes, whatever its name says: the signatures of the WHATWG
 * MIME Sniffing Standard (§6.1 image type patterns, §7.1 HTML patterns) and, for AVIF and HEIF,
 * the ISO base media file `ftyp` box (ISO/IEC 14496-12 §4.3; AVIF §9.1 brands `avif`, `avis`).
 */

/** Formats we publish, formats we recognise in order to name them, and markup. */
export type SniffedFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'heif' | 'tiff' | 'bmp' | 'markup'

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  signature.every((byte, i) => bytes[offset + i] === byte)

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end))

/** The brands of an `ftyp` box at the start of the file (major brand, then compatible brands). */
const ftypBrands = (bytes: Uint8Array): string[] => {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return []
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0)
  const end = Math.min(size, bytes.length)
  const brands = [ascii(bytes, 8, 12)]
  // Bytes 12–16 are the minor version; compatible brands follow, 4 bytes each.
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4))
  return brands
}

/**
 * Text that a browser sniffing an unlabelled response could take for HTML, or an SVG or XML
 * document: after a byte-order mark and whitespace (§7.1 skips 0x09 0x0A 0x0C 0x0D 0x20), a `<`.
 */
const isMarkup = (bytes: Uint8Array): boolean => {
  let at = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0
  while (at < bytes.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(bytes[at] as number)) at++
  return bytes[at] === 0x3c
}

/** The format the bytes are, or undefined when we do not recognise them. */
export const sniffImageFormat = (bytes: Uint8Array): SniffedFormat | undefined => {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp'
  const brands = ftypBrands(bytes)
  if (brands.includes('avif') || brands.includes('avis')) return 'avif'
  if (brands.some((brand) => ['heic', 'heix', 'mif1', 'msf1', 'hevc'].includes(brand))) return 'heif'
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif'
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp'
  if (isMarkup(bytes)) return 'markup'
  return undefined
}

/** How messages name each format. */
export const FORMAT_NAMES: Readonly<Record<SniffedFormat, string>> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
  gif: 'GIF',
  heif: 'HEIF/HEIC',
  tiff: 'TIFF',
  bmp: 'BMP',
  markup: 'markup (HTML, SVG or XML)',
}
