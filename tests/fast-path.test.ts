/**
 * The remembered fast path (src/routes/remembered.ts) answers exactly as the app does: same
 * status, headers and body, for plain and conditional GETs and for HEAD.
 */
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../src/index.ts'
import { answerRemembered, ifNoneMatchMatches } from '../src/routes/remembered.ts'
import { EVERY_KIND_OF_PATH } from './helpers/worker.ts'

const ORIGIN = 'http://fast-path.test'
const PATHS = EVERY_KIND_OF_PATH

const snapshot = async (response: Response) => ({
  status: response.status,
  headers: Object.fromEntries(response.headers),
  body: await response.text(),
})

describe('the fast path', () => {
  it.each(PATHS)('answers %s like the app, from the second request on', async (path) => {
    const first = await exports.default.fetch(`${ORIGIN}${path}`)
    const etag = first.headers.get('ETag') as string
    const lastModified = first.headers.get('Last-Modified') as string
    const variants: RequestInit[] = [
      {},
      { method: 'HEAD' },
      { headers: { 'If-None-Match': etag } },
      { headers: { 'If-None-Match': `"x", W/${etag}` } },
      { headers: { 'If-None-Match': '*' } },
      { headers: { 'If-None-Match': '"other"' } },
      { headers: { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified } },
      { headers: { 'If-Modified-Since': lastModified } },
      { headers: { 'If-Modified-Since': 'Sun, 17 Sep 2023 00:00:00 GMT' } },
      { headers: { 'If-Modified-Since': 'not a date' } },
      { method: 'HEAD', headers: { 'If-None-Match': etag } },
    ]
    for (const init of variants) {
      const fast = await snapshot(await exports.default.fetch(`${ORIGIN}${path}`, init))
      const slow = await snapshot(await app.request(`${ORIGIN}${path}`, init, env))
      expect(fast, JSON.stringify(init)).toEqual(slow)
    }
  })

  it('is used: after one GET the answer comes from memory', async () => {
    const url = `${ORIGIN}/atom.xml`
    await exports.default.fetch(url)
    const remembered = answerRemembered(new Request(url), env)
    expect(remembered?.status).toBe(200)
    expect(answerRemembered(new Request(`${ORIGIN}/never-requested.xml`), env)).toBeUndefined()
  })

  it('leaves other methods, query strings and unknown paths to the app', async () => {
    await exports.default.fetch(`${ORIGIN}/feed.xml`)
    expect((await exports.default.fetch(`${ORIGIN}/feed.xml`, { method: 'POST', body: 'x' })).status).toBe(405)
    expect((await exports.default.fetch(`${ORIGIN}/feed.xml`, { method: 'OPTIONS' })).status).toBe(204)
    expect((await exports.default.fetch(`${ORIGIN}/feed.xml?x=1`)).status).toBe(200)
    // A query string is never remembered: anyone could fill memory with them.
    expect(answerRemembered(new Request(`${ORIGIN}/feed.xml?x=1`), env)).toBeUndefined()
    expect((await exports.default.fetch(`${ORIGIN}/nope`)).status).toBe(404)
  })

  it('compares entity tags as Hono etag does', () => {
    expect(ifNoneMatchMatches('"a"', '"a"')).toBe(true)
    expect(ifNoneMatchMatches('W/"a"', '"a"')).toBe(true)
    expect(ifNoneMatchMatches('"b", "a"', '"a"')).toBe(true)
    expect(ifNoneMatchMatches('"a"', 'W/"a"')).toBe(true)
    expect(ifNoneMatchMatches('*', '"a"')).toBe(true)
    expect(ifNoneMatchMatches('a', '"a"')).toBe(false)
    expect(ifNoneMatchMatches('"ab"', '"a"')).toBe(false)
    expect(ifNoneMatchMatches(' * ', '"a"')).toBe(false)
  })
})
