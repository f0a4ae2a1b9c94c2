/**
 * One refresh at a time: when a remembered answer expires, one request revalidates it with R2's
 * `onlyIf.etagDoesNotMatch` (no bytes move when nothing changed) and the others get the answer of
 * a moment ago; a storage fault during the refresh serves that answer too, and is logged.
 */
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONFIG } from '../../src/worker/config-binding.ts'
import { remembered } from '../../src/worker/index.ts'
import { publishContent, seedContent } from '../helpers/publish.ts'
import { countingBucket } from './counting.ts'
import { call } from './handler.ts'

// The seed article, published into this file's own storage.
beforeAll(() => publishContent(seedContent()))

const IDENTITY = { 'Accept-Encoding': 'identity' }
const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000)

/** Asks twice, so the answer is remembered (an answer is kept from its second ask). */
const rememberAnswer = async (path: string): Promise<string> => {
  await call(path, { headers: IDENTITY })
  const body = await (await call(path, { headers: IDENTITY })).text()
  expect(remembered.size).toBeGreaterThan(0)
  return body
}

beforeEach(() => {
  remembered.clear()
  vi.useFakeTimers({ toFake: ['Date'] })
})
afterEach(() => vi.useRealTimers())

describe('when a remembered answer expires', () => {
  it('one request revalidates it with onlyIf, moving no bytes; the others get the answer meanwhile', async () => {
    const body = await rememberAnswer('/feed.xml')
    later(CONFIG.memorySeconds + 1)
    const { bucket, count } = countingBucket(env.ARCHIVE)
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call('/feed.xml', { headers: IDENTITY, bindings: { ARCHIVE: bucket } })),
    )
    for (const response of responses) {
      expect(response.status).toBe(200)
      expect(await response.text()).toBe(body)
    }
    expect(count.gets).toHaveLength(1)
    expect(count.gets[0]?.key).toBe('/feed.xml')
    expect(count.gets[0]?.options?.onlyIf).toMatchObject({ etagDoesNotMatch: expect.any(String) })
    expect(count.copies).toBe(0)
    // Revalidated: good for another MEMORY_SECONDS without storage.
    await call('/feed.xml', { headers: IDENTITY, bindings: { ARCHIVE: bucket } })
    expect(count.gets).toHaveLength(1)
  })

  it('reads the new version once when the object changed, and answers it from then on', async () => {
    const old = await rememberAnswer('/atom.xml')
    const stored = (await env.ARCHIVE.get('/atom.xml')) as R2ObjectBody
    const changed = `${old}<!-- changed -->`
    await env.ARCHIVE.put('/atom.xml', changed, {
      httpMetadata: stored.httpMetadata,
      customMetadata: { ...stored.customMetadata, etag: '"changed"' },
    })
    try {
      later(CONFIG.memorySeconds + 1)
      const { bucket, count } = countingBucket(env.ARCHIVE)
      const [first, ...others] = await Promise.all(
        Array.from({ length: 10 }, () => call('/atom.xml', { headers: IDENTITY, bindings: { ARCHIVE: bucket } })),
      )
      expect(await first?.text()).toBe(changed)
      for (const response of others) expect([old, changed]).toContain(await response.text())
      // The conditional get, then the app's one read of the new version.
      expect(count.gets).toHaveLength(2)
      const next = await call('/atom.xml', { headers: IDENTITY, bindings: { ARCHIVE: bucket } })
      expect(await next.text()).toBe(changed)
      expect(next.headers.get('ETag')).toBe('"changed"')
      expect(count.gets).toHaveLength(2)
    } finally {
      await env.ARCHIVE.put('/atom.xml', old, {
        httpMetadata: stored.httpMetadata,
        customMetadata: stored.customMetadata,
      })
    }
  })

  it('serves the answer it has when storage fails during the refresh, and logs the fault', async () => {
    const body = await rememberAnswer('/feed.json')
    later(CONFIG.memorySeconds + 1)
    const { bucket, count } = countingBucket(env.ARCHIVE, () => true)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => call('/feed.json', { headers: IDENTITY, bindings: { ARCHIVE: bucket } })),
      )
      for (const response of responses) {
        expect(response.status).toBe(200)
        expect(await response.text()).toBe(body)
      }
      expect(count.gets).toHaveLength(1)
      expect(errors).toHaveBeenCalledTimes(1)
      expect(String(errors.mock.calls[0]?.[0])).toContain('refresh of')
    } finally {
      errors.mockRestore()
    }
  })
})
