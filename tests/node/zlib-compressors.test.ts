/**
 * The compressors `npm run publish` passes to the platform-neutral publisher (workerd has no
 * brotli to test it with): real brotli (quality 9, its window fitted to the document), smaller
 * than gzip, the bytes tests/edge/encodings.test.ts stores as a brotli variant; and gzip that is
 * byte for byte what `CompressionStream('gzip')` makes, the compressor the publisher has elsewhere.
 */
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { gzipWithStream } from '../../src/archive/encodings.ts'
import { brotli, gzip } from '../../src/publisher/node/zlib-compressors.ts'

describe('brotli', () => {
  it('decodes back to the bytes and is smaller than gzip -9', async () => {
    const text = new TextEncoder().encode(
      Array.from(
        { length: 300 },
        (_, i) => `<item><title>Article ${i}</title><link>/articles/a-${i}</link></item>`,
      ).join('\n'),
    )
    const coded = await brotli(text)
    expect(new Uint8Array(brotliDecompressSync(coded))).toEqual(text)
    expect(coded.byteLength).toBeLessThan(gzipSync(text, { level: 9 }).byteLength)
  })

  it('makes the bytes the Worker test stores for robots.txt', async () => {
    const body = new TextEncoder().encode('User-agent: *\n'.repeat(200))
    // biome-ignore format: bytes
    expect([...(await brotli(body))]).toEqual([226,93,1,128,56,229,60,161,184,45,144,196,3,12,228,175,85,78,171,135,211,223,121,54,167,0,64,40,0])
  })
  it('decodes a large document back whole, whatever window it chose', async () => {
    // Larger than the smallest window (64 KiB): a window too small for the document must still decode.
    const text = new TextEncoder().encode(
      Array.from({ length: 20_000 }, (_, i) => `<p>${(i * 7919) % 100_003}</p>`).join(''),
    )
    expect(text.byteLength).toBeGreaterThan(2 ** 17)
    expect(new Uint8Array(brotliDecompressSync(await brotli(text)))).toEqual(text)
  })
})

describe('gzip', () => {
  it('makes the bytes CompressionStream makes, and decodes back', async () => {
    const text = new TextEncoder().encode(Array.from({ length: 3000 }, (_, i) => `<p>item ${i}</p>`).join(''))
    const coded = await gzip(text)
    expect([...coded]).toEqual([...(await gzipWithStream(text))])
    expect(new Uint8Array(gunzipSync(coded))).toEqual(text)
  })
})
