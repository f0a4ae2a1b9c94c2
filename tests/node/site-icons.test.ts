/**
 * The site icon from content/icon.png: a real ICO container (parsed back entry by entry), PNG
 * icons at their sizes, an opaque apple-touch-icon and a web app manifest naming the icons.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeICO } from '../../src/publisher/images/ico.ts'
import { ICON_PATHS, ICON_SOURCE, type IconDocument, renderSiteIcons } from '../../src/publisher/images/icons.ts'

const ROOT = join(import.meta.dirname, '../..')
const OPTIONS = { name: 'Newswire', language: 'en', background: '#1b1b1b' }

/** An ICO file's directory, read as the format defines it (6-byte header, 16-byte entries, little-endian). */
const readICO = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  expect([view.getUint16(0, true), view.getUint16(2, true)]).toEqual([0, 1])
  return Array.from({ length: view.getUint16(4, true) }, (_, i) => {
    const at = 6 + 16 * i
    const size = view.getUint32(at + 8, true)
    const offset = view.getUint32(at + 12, true)
    return {
      width: view.getUint8(at) || 256,
      height: view.getUint8(at + 1) || 256,
      bitsPerPixel: view.getUint16(at + 6, true),
      image: bytes.subarray(offset, offset + size),
      end: offset + size,
    }
  })
}

describe('site icons', () => {
  let documents: IconDocument[]
  const byPath = (path: string): IconDocument => documents.find((d) => d.path === path) as IconDocument

  beforeAll(async () => {
    documents = await renderSiteIcons(readFileSync(join(ROOT, ICON_SOURCE)), OPTIONS)
  })

  it('writes favicon.ico as an ICO of PNG images at 16, 32 and 48 px', async () => {
    const favicon = byPath('/favicon.ico')
    expect(favicon.contentType).toBe('image/x-icon')
    const entries = readICO(favicon.bytes)
    expect(entries.map((e) => [e.width, e.height, e.bitsPerPixel])).toEqual([
      [16, 16, 32],
      [32, 32, 32],
      [48, 48, 32],
    ])
    expect(entries.at(-1)?.end).toBe(favicon.bytes.length)
    for (const entry of entries) {
      const meta = await sharp(entry.image).metadata()
      expect([meta.format, meta.width, meta.height]).toEqual(['png', entry.width, entry.height])
    }
  })

  it('writes PNG icons at 32, 192 and 512 px, and an opaque 180 px apple-touch-icon', async () => {
    for (const [path, size] of [
      [ICON_PATHS.png32, 32],
      [ICON_PATHS.png192, 192],
      [ICON_PATHS.png512, 512],
      [ICON_PATHS.appleTouch, 180],
    ] as const) {
      const document = byPath(path)
      expect(document.contentType).toBe('image/png')
      const meta = await sharp(document.bytes).metadata()
      expect([meta.format, meta.width, meta.height], path).toEqual(['png', size, size])
    }
    // iOS shows transparent pixels as black: the corners are filled with the background instead.
    expect((await sharp(byPath(ICON_PATHS.appleTouch).bytes).metadata()).hasAlpha).toBe(false)
    const corner = await sharp(byPath(ICON_PATHS.appleTouch).bytes)
      .extract({ left: 0, top: 0, width: 1, height: 1 })
      .raw()
      .toBuffer()
    expect([...corner]).toEqual([0x1b, 0x1b, 0x1b])
  })

  it('writes a web app manifest that names the 192 and 512 px icons', () => {
    const manifest = byPath(ICON_PATHS.manifest)
    expect(manifest.contentType).toBe('application/manifest+json')
    const json = JSON.parse(new TextDecoder().decode(manifest.bytes))
    expect(json).toMatchObject({ name: 'Newswire', lang: 'en', start_url: '/', background_color: '#1b1b1b' })
    expect(json.icons).toEqual([
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    ])
    for (const icon of json.icons) expect(documents.map((d) => d.path)).toContain(icon.src)
  })

  it('refuses a source that is not square, or smaller than 512 px', async () => {
    const wide = await sharp({ create: { width: 600, height: 512, channels: 4, background: '#000' } })
      .png()
      .toBuffer()
    await expect(renderSiteIcons(wide, OPTIONS)).rejects.toThrow(/600 × 512 px; the icon must be square/)
    const small = await sharp({ create: { width: 256, height: 256, channels: 4, background: '#000' } })
      .png()
      .toBuffer()
    await expect(renderSiteIcons(small, OPTIONS)).rejects.toThrow(/at least 512 px/)
  })
})

describe('ICO container', () => {
  it('writes 256 px as 0, as the format requires, and refuses sizes it cannot hold', () => {
    const png = new Uint8Array([1, 2, 3])
    const [entry] = readICO(encodeICO([{ size: 256, png }]))
    expect(entry).toMatchObject({ width: 256, height: 256, image: png })
    expect(() => encodeICO([{ size: 257, png }])).toThrow(RangeError)
  })
})
