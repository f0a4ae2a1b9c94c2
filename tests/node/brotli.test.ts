/**
 * The brotli compressor `npm run publish` passes to the platform-neutral publisher (workerd has
 * no brotli to test it with): real brotli (quality 9), smaller than gzip, and the bytes
 * tests/edge/encodings.test.ts stores as a brotli variant.
 */
import { brotliDecompressSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { brotli } from '../../src/publisher/node/brotli.ts'

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
    expect([...(await brotli(body))]).toEqual([27,239,10,0,196,41,231,9,197,109,129,36,30,96,32,127,173,114,90,61,156,254,206,179,57,5,0,66,1])
  })
})
