/**
 * Unknown paths are cheap: a well-formed path nothing is published at costs, the first time, one
 * R2 miss per coding tried and one D1 query; asked again within MEMORY_SECONDS, nothing at all.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONFIG } from '../../src/worker/config-binding.ts'
import { absentKeys } from '../../src/worker/routes/documents.ts'
import { publishContent, seedContent } from '../helpers/publish.ts'
import { countingBucket, countingDatabase } from './counting.ts'
import { call } from './handler.ts'

// The seed article, published into this file's own storage.
beforeAll(() => publishContent(seedContent()))

beforeEach(() => absentKeys.clear())

describe('a flood of unknown paths', () => {
  it('of one path costs one D1 query per MEMORY_SECONDS, not one per request', async () => {
    const { db, statements } = countingDatabase(env.DB)
    const { bucket, count } = countingBucket(env.ARCHIVE)
    const bindings = { DB: db, ARCHIVE: bucket }
    for (let i = 0; i < 50; i++) expect((await call('/articles/nope', { bindings })).status).toBe(404)
    // The first: is it in the index (a lost object), and is anything published at all.
    expect(statements).toHaveLength(2)
    // One R2 miss for the path (the 404 page itself is read once and kept, error-pages.ts).
    expect(count.gets.filter(({ key }) => key === '/articles/nope')).toHaveLength(1)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + (CONFIG.memorySeconds + 1) * 1000)
      expect((await call('/articles/nope', { bindings })).status).toBe(404)
      // Asked again after MEMORY_SECONDS (a publish may have added it): storage is read again,
      // and the index is known not to be empty.
      expect(statements).toHaveLength(3)
    } finally {
      vi.useRealTimers()
    }
  })

  it('of distinct paths costs one D1 query each', async () => {
    const { db, statements } = countingDatabase(env.DB)
    const bindings = { DB: db }
    const paths = Array.from({ length: 30 }, (_, i) => [
      `/articles/x-${i}`,
      `/tags/x-${i}`,
      `/archive/${900 + i}`,
    ]).flat()
    for (const path of paths) expect((await call(path, { bindings })).status).toBe(404)
    // One per path, plus the one "is anything published" of the first.
    expect(statements.length / paths.length).toBeLessThanOrEqual(1 + 1 / paths.length)
    console.log(`D1 queries per distinct unknown path: ${(statements.length / paths.length).toFixed(3)}`)
  })

  it('still answers 503 for a path the index lists whose object is missing', async () => {
    const stored = (await env.ARCHIVE.get('/tags/sco')) as R2ObjectBody
    const bytes = await stored.arrayBuffer()
    await env.ARCHIVE.delete(['/tags/sco', '/tags/sco\u0000gzip'])
    try {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
      expect((await call('/tags/sco')).status).toBe(503)
      errors.mockRestore()
    } finally {
      await env.ARCHIVE.put('/tags/sco', bytes, {
        httpMetadata: stored.httpMetadata,
        customMetadata: stored.customMetadata,
      })
    }
  })
})
