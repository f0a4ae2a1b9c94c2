/**
 * Compress once: each document is stored with its gzip variant (and brotli when the publisher
 * has a compressor for it: Node's zlib, tests/node/zlib-compressors.test.ts), and each reader gets the
 * coding it accepts — its own Accept-Encoding, or Cloudflare's copy of it in
 * `cf.clientAcceptEncoding` — with the coded bytes, their length, and an entity tag of their own
 * (RFC 9110 §8.8.3), which a conditional request answers 304 per coding.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { variantKey } from '../../src/archive/encodings.ts'
import { writeStored } from '../../src/archive/write.ts'
import { remembered } from '../../src/worker/index.ts'
import { chooseCoding } from '../../src/worker/routes/accept-encoding.ts'
import { publishContent, seedContent } from '../helpers/publish.ts'
import { call, decoded } from './handler.ts'

// The seed article, published into this file's own storage.
beforeAll(() => publishContent(seedContent()))

const DOCUMENTS = ['/feed.xml', '/atom.xml', '/feed.json', '/', '/articles/china-russia-security-cooperation']

describe('each coding', () => {
  it.each(DOCUMENTS)(
    '%s: gzip bytes decode to the identity bytes, with their own length and strong ETag',
    async (path) => {
      const identity = await call(path, { headers: { 'Accept-Encoding': 'identity' } })
      const gzip = await call(path, { headers: { 'Accept-Encoding': 'gzip' } })
      expect(identity.headers.get('Content-Encoding')).toBeNull()
      expect(gzip.headers.get('Content-Encoding')).toBe('gzip')
      const identityText = await identity.clone().text()
      const coded = new Uint8Array(await gzip.clone().arrayBuffer())
      expect(await decoded(gzip, 'gzip')).toBe(identityText)
      expect(Number(gzip.headers.get('Content-Length'))).toBe(coded.byteLength)
      expect(coded.byteLength).toBeLessThan(new TextEncoder().encode(identityText).byteLength)
      const etag = gzip.headers.get('ETag')
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
      expect(etag).not.toBe(identity.headers.get('ETag'))
      expect(gzip.headers.get('Vary')).toContain('Accept-Encoding')
      // The stored variant is what was sent: the same bytes as R2 holds under the variant key.
      const stored = await env.ARCHIVE.get(variantKey(path, 'gzip'))
      expect(new Uint8Array(await (stored as R2ObjectBody).arrayBuffer())).toEqual(coded)
    },
  )

  it.each(DOCUMENTS)(
    '%s: answers If-None-Match with the gzip ETag 304 for gzip readers, 200 for the others',
    async (path) => {
      const gzip = await call(path, { headers: { 'Accept-Encoding': 'gzip' } })
      const etag = gzip.headers.get('ETag') as string
      // Twice each: the second comes from the fast path, which must key on the coding too.
      for (let i = 0; i < 2; i++) {
        const again = await call(path, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag } })
        expect(again.status).toBe(304)
        expect(again.headers.get('ETag')).toBe(etag)
        const other = await call(path, { headers: { 'Accept-Encoding': 'identity', 'If-None-Match': etag } })
        expect(other.status).toBe(200)
        expect(other.headers.get('Content-Encoding')).toBeNull()
      }
    },
  )

  it('reads the reader’s coding from cf.clientAcceptEncoding when Cloudflare gives it', async () => {
    remembered.clear()
    // Behind Cloudflare the Worker's Accept-Encoding says `br, gzip` whatever the reader sent.
    const plain = await call('/feed.json', {
      headers: { 'Accept-Encoding': 'br, gzip' },
      cf: { clientAcceptEncoding: 'identity' },
    })
    expect(plain.headers.get('Content-Encoding')).toBeNull()
    const gzip = await call('/feed.json', {
      headers: { 'Accept-Encoding': 'br, gzip' },
      cf: { clientAcceptEncoding: 'gzip' },
    })
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip')
  })

  it('never gives a remembered answer in another coding', async () => {
    remembered.clear()
    const asIdentity = { headers: { 'Accept-Encoding': 'identity' } }
    await call('/atom.xml', asIdentity)
    await call('/atom.xml', asIdentity)
    expect(remembered.size).toBe(1)
    const gzip = await call('/atom.xml', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip')
    const none = await call('/atom.xml')
    expect(none.headers.get('Content-Encoding')).toBeNull()
  })

  it('serves a stored brotli variant to a reader that prefers br, with its own ETag and 304', async () => {
    // workerd has no brotli (CompressionStream: gzip, deflate only): these are the bytes Node's
    // zlib makes of `body` at quality 9 (src/publisher/node/zlib-compressors.ts, checked in tests/node/zlib-compressors.test.ts).
    const body = 'User-agent: *\n'.repeat(200)
    // biome-ignore format: bytes
    const br = new Uint8Array([226,93,1,128,56,229,60,161,184,45,144,196,3,12,228,175,85,78,171,135,211,223,121,54,167,0,64,40,0])
    await writeStored(
      env.ARCHIVE,
      '/robots.txt',
      body,
      { status: 200, contentType: 'text/plain; charset=utf-8', etag: '"robots"', immutable: false },
      { br: async () => br },
    )
    remembered.clear()
    const response = await call('/robots.txt', { headers: { 'Accept-Encoding': 'gzip;q=0.5, br' } })
    expect(response.headers.get('Content-Encoding')).toBe('br')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(br)
    expect(response.headers.get('Content-Length')).toBe(String(br.byteLength))
    const etag = response.headers.get('ETag') as string
    expect(etag).not.toBe('"robots"')
    const notModified = await call('/robots.txt', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } })
    expect(notModified.status).toBe(304)
    // No gzip variant was stored for this version (no compressor): gzip readers get identity.
    const gzipReader = await call('/robots.txt', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(gzipReader.headers.get('Content-Encoding')).toBeNull()
    expect(await gzipReader.text()).toBe(body)
  })
})

describe('choosing a coding (RFC 9110 §12.5.3)', () => {
  it.each([
    [null, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.1, gzip;q=0.5', 'gzip'],
    ['gzip;q=0.5, identity', 'identity'],
    ['gzip, identity', 'gzip'],
    ['deflate', 'identity'],
    ['GZIP;Q=1', 'gzip'],
    ['br;q=garbage, gzip;q=0.2', 'gzip'],
  ])('%s → %s', (header, coding) => {
    expect(chooseCoding(header)).toBe(coding)
  })
})
