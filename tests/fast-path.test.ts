/**
 * The fast path (src/routes/remembered.ts) is a cache in front of the app: on any request it
 * answers exactly as the app does — same status, headers and body — and it keeps at most its
 * budget in bytes, for at most MEMORY_SECONDS.
 */
import { env, exports } from 'cloudflare:workers'
import fc from 'fast-check'
import { beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { app, remembered } from '../src/worker/index.ts'
import { ifNoneMatchMatches } from '../src/worker/routes/conditional.ts'
import { RememberedAnswers } from '../src/worker/routes/remembered.ts'
import { publishContent, seedContent } from './helpers/publish.ts'
import { EVERY_KIND_OF_PATH, ORIGIN } from './helpers/worker.ts'

const snapshot = async (response: Response) => ({
  status: response.status,
  headers: Object.fromEntries(response.headers),
  body: await response.text(),
})

const etags = new Map<string, string>()
const lastModifieds = new Map<string, string>()
beforeAll(async () => {
  await publishContent(seedContent())
  for (const path of EVERY_KIND_OF_PATH) {
    const response = await exports.default.fetch(`${ORIGIN}${path}`)
    etags.set(path, response.headers.get('ETag') ?? '"none"')
    lastModifieds.set(path, response.headers.get('Last-Modified') ?? 'Mon, 18 Sep 2023 00:00:00 GMT')
  }
})

/** Requests a reader, a browser, a cache or a scanner might send. */
const requests = fc
  .record({
    path: fc.oneof(fc.constantFrom(...EVERY_KIND_OF_PATH), fc.constantFrom('/nope', '/feed.xml?x=1', '/tags/sco/')),
    method: fc.constantFrom('GET', 'GET', 'HEAD', 'POST', 'OPTIONS'),
    accept: fc.option(fc.constantFrom('text/html,application/xhtml+xml', 'application/rss+xml', '*/*'), {
      nil: undefined,
    }),
    ifNoneMatch: fc.option(
      fc.array(fc.constantFrom('own', 'weak-own', '"other"', '*', 'garbage'), { minLength: 1, maxLength: 3 }),
      { nil: undefined },
    ),
    ifModifiedSince: fc.option(
      fc.constantFrom('own', 'Sun, 17 Sep 2023 00:00:00 GMT', 'Fri, 27 Nov 2026 00:00:00 GMT', 'not a date'),
      { nil: undefined },
    ),
  })
  .map(({ path, method, accept, ifNoneMatch, ifModifiedSince }) => {
    const own = etags.get(path) ?? '"none"'
    const headers: Record<string, string> = {}
    if (accept) headers.Accept = accept
    if (ifNoneMatch)
      headers['If-None-Match'] = ifNoneMatch
        .map((tag) => (tag === 'own' ? own : tag === 'weak-own' ? `W/${own}` : tag))
        .join(', ')
    if (ifModifiedSince)
      headers['If-Modified-Since'] =
        ifModifiedSince === 'own' ? (lastModifieds.get(path) ?? ifModifiedSince) : ifModifiedSince
    return { path, init: { method, headers } satisfies RequestInit }
  })

describe('the fast path', () => {
  it('answers any request exactly as the app does', async () => {
    await fc.assert(
      fc.asyncProperty(requests, async ({ path, init }) => {
        const url = `${ORIGIN}${path}`
        // Make sure the fast path holds what the app answered to a plain GET (as a browser or not):
        // an answer is kept from its second ask.
        const plain: RequestInit = { headers: init.headers.Accept ? { Accept: init.headers.Accept } : {} }
        await exports.default.fetch(url, plain)
        await exports.default.fetch(url, plain)
        const fast = await snapshot(await exports.default.fetch(url, { ...init, redirect: 'manual' }))
        const slow = await snapshot(await app.request(url, init, env))
        expect(fast, `${init.method} ${path} ${JSON.stringify(init.headers)}`).toEqual(slow)
      }),
      { numRuns: inject('fcRuns'), seed: inject('fcSeed') },
    )
    // Each case asks twice first (an answer is kept from its second ask): more requests than before.
  }, 30_000)

  it('is used: after a second GET the answer comes from memory, until the app is asked again', async () => {
    const url = `${ORIGIN}/atom.xml`
    remembered.clear()
    // The first ask streams from R2 and keeps nothing; the second keeps the answer.
    await exports.default.fetch(url)
    expect(remembered.answer(new Request(url))).toBeUndefined()
    await exports.default.fetch(url)
    expect(remembered.answer(new Request(url))?.status).toBe(200)
    expect(remembered.answer(new Request(`${ORIGIN}/never-requested.xml`))).toBeUndefined()
    // A query string is never remembered: anyone could fill memory with them.
    await exports.default.fetch(`${url}?x=1`)
    expect(remembered.answer(new Request(`${url}?x=1`))).toBeUndefined()
    expect(remembered.answer(new Request(url, { method: 'POST' }))).toBeUndefined()
  })

  it('compares entity tags weakly, in lists and with * (RFC 9110 §13.1.2)', () => {
    expect(ifNoneMatchMatches('"a"', '"a"')).toBe(true)
    expect(ifNoneMatchMatches('W/"a"', '"a"')).toBe(true)
    expect(ifNoneMatchMatches('"b", "a"', '"a"')).toBe(true)
    expect(ifNoneMatchMatches('"b",W/"a"', '"a"')).toBe(true)
    expect(ifNoneMatchMatches('"a"', 'W/"a"')).toBe(true)
    expect(ifNoneMatchMatches('*', '"a"')).toBe(true)
    expect(ifNoneMatchMatches(' * ', '"a"')).toBe(true)
    expect(ifNoneMatchMatches('a', '"a"')).toBe(false)
    expect(ifNoneMatchMatches('"ab"', '"a"')).toBe(false)
    expect(ifNoneMatchMatches('"b", *', '"a"')).toBe(false)
  })
})

describe('memory', () => {
  const answerOf = (size: number) => new Response(new Uint8Array(size), { headers: { ETag: '"e"' } })
  const keep = (answers: RememberedAnswers, path: string, size: number) =>
    answers.remember(
      RememberedAnswers.key(`${ORIGIN}${path}`, undefined, 'identity'),
      answerOf(size),
      new Uint8Array(size),
      '"e"',
      undefined,
    )

  it('stays within its budget in bytes, dropping the least recently used first', () => {
    const answers = new RememberedAnswers({ budgetBytes: 100_000, seconds: 60 })
    for (let i = 0; i < 100; i++) keep(answers, `/articles/a-${i}`, 10_000)
    expect(answers.bytes).toBeLessThanOrEqual(100_000)
    expect(answers.size).toBeGreaterThan(5)
    // The most recent are kept; reading one makes it the most recent.
    expect(answers.answer(new Request(`${ORIGIN}/articles/a-99`))?.status).toBe(200)
    expect(answers.answer(new Request(`${ORIGIN}/articles/a-0`))).toBeUndefined()
    const oldest = 100 - answers.size
    answers.answer(new Request(`${ORIGIN}/articles/a-${oldest}`))
    keep(answers, '/articles/new', 10_000)
    expect(answers.answer(new Request(`${ORIGIN}/articles/a-${oldest}`))?.status).toBe(200)
    expect(answers.answer(new Request(`${ORIGIN}/articles/a-${oldest + 1}`))).toBeUndefined()
  })

  it('keeps nothing larger than a quarter of the budget, and nothing at all with a budget or time of 0', () => {
    const small = new RememberedAnswers({ budgetBytes: 40_000, seconds: 60 })
    keep(small, '/big', 20_000)
    expect(small.size).toBe(0)
    const none = new RememberedAnswers({ budgetBytes: 100_000, seconds: 0 })
    keep(none, '/feed.xml', 10)
    expect(none.size).toBe(0)
  })

  it('forgets an answer after MEMORY_SECONDS, so a publish reaches every isolate', () => {
    vi.useFakeTimers({ now: 0 })
    try {
      const answers = new RememberedAnswers({ budgetBytes: 100_000, seconds: 2 })
      keep(answers, '/feed.xml', 10)
      vi.setSystemTime(1_999)
      expect(answers.answer(new Request(`${ORIGIN}/feed.xml`))?.status).toBe(200)
      vi.setSystemTime(2_000)
      expect(answers.answer(new Request(`${ORIGIN}/feed.xml`))).toBeUndefined()
      expect(answers.bytes).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })
})
