/**
 * The compressors `npm run publish` passes to the platform-neutral publisher (workerd has no
 * brotli to test it with): real brotli (quality 9, its window fitted to the document), smaller
 * than gzip, the bytes tests/edge/encodings.test.ts stores as a brotli variant; and gzip that is
 * byte for byte what `CompressionStream('gzip')` makes, the compressor the publisher has elsewhere.
 */
import { createHash } from 'node:crypto'
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
  it('fits the window to a large document: a repeat further back than 64 KiB is still found', async () => {
    // 96 KiB of incompressible bytes, twice: only a window larger than the 16-bit minimum reaches
    // back to the first copy, so the second costs almost nothing.
    const block = new Uint8Array(
      Array.from({ length: (96 * 1024) / 32 }, (_, i) => [...createHash('sha256').update(String(i)).digest()]).flat(),
    )
    const text = new Uint8Array([...block, ...block])
    const coded = await brotli(text)
    expect(new Uint8Array(brotliDecompressSync(coded))).toEqual(text)
    expect(coded.byteLength).toBeLessThan(block.byteLength * 1.1)
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
