/**
 * A memory bound that stays held: a cold read streams from R2 to the reader (no copy of the
 * whole body in the isolate), and an answer is kept in memory only when it is asked for again.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { remembered } from '../../src/worker/index.ts'
import { publishContent, seedContent } from '../helpers/publish.ts'
import { countingBucket } from './counting.ts'
import { call } from './handler.ts'

// The seed article, published into this file's own storage.
beforeAll(() => publishContent(seedContent()))

const ARTICLE = '/articles/china-russia-security-cooperation'

beforeEach(() => remembered.clear())

describe('a cold read', () => {
  it.each(['identity', 'gzip'])('streams the %s body from R2 without copying it, and keeps nothing', async (coding) => {
    const { bucket, count } = countingBucket(env.ARCHIVE)
    const response = await call(ARTICLE, { headers: { 'Accept-Encoding': coding }, bindings: { ARCHIVE: bucket } })
    expect(response.status).toBe(200)
    expect(response.body).toBeInstanceOf(ReadableStream)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(bytes.byteLength).toBe(Number(response.headers.get('Content-Length')))
    expect(count.copies).toBe(0)
    expect(remembered.size).toBe(0)
    expect(remembered.bytes).toBe(0)
  })

  it('of a HEAD opens no body: one R2 head, no get, the GET’s headers', async () => {
    const { bucket, count } = countingBucket(env.ARCHIVE)
    const head = await call(ARTICLE, {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'gzip' },
      bindings: { ARCHIVE: bucket },
    })
    expect(count.gets).toEqual([])
    expect(count.heads.length).toBeGreaterThan(0)
    expect(head.body).toBeNull()
    const get = await call(ARTICLE, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(Object.fromEntries(head.headers)).toEqual(Object.fromEntries(get.headers))
    await get.body?.cancel()
  })

  it('is kept on the second ask, and answered from memory on the third', async () => {
    const { bucket, count } = countingBucket(env.ARCHIVE)
    const ask = () => call(ARTICLE, { headers: { 'Accept-Encoding': 'gzip' }, bindings: { ARCHIVE: bucket } })
    const first = new Uint8Array(await (await ask()).arrayBuffer())
    const second = new Uint8Array(await (await ask()).arrayBuffer())
    expect(count.copies).toBe(1)
    expect(remembered.size).toBe(1)
    const third = new Uint8Array(await (await ask()).arrayBuffer())
    expect(count.gets).toHaveLength(2)
    expect(second).toEqual(first)
    expect(third).toEqual(first)
  })

  it('of a crawl of distinct pages keeps none of them', async () => {
    const { bucket, count } = countingBucket(env.ARCHIVE)
    for (const path of ['/', '/feed.xml', '/atom.xml', '/feed.json', '/tags/sco', '/tags/sco/feed.xml', ARTICLE])
      await (await call(path, { bindings: { ARCHIVE: bucket } })).arrayBuffer()
    expect(count.copies).toBe(0)
    expect(remembered.bytes).toBe(0)
  })
})
