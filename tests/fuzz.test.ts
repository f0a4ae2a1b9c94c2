/**
 * Request fuzzing through the Worker (fast-check, fixed seed): random methods, paths (long,
 * percent-encoded, invalid encodings, dot segments, Unicode) and header values. Never a 5xx;
 * always a well-formed response with the headers its status promises.
 * More cases: FC_RUNS=1000 npm test.
 */
import { exports } from 'cloudflare:workers'
import fc from 'fast-check'
import { beforeAll, expect, inject, it } from 'vitest'
import { publishContent, seedContent } from './helpers/publish.ts'
import { EVERY_KIND_OF_PATH } from './helpers/worker.ts'

/** The seed article, published for the requests below. */
beforeAll(() => publishContent(seedContent()))

const KNOWN = [...EVERY_KIND_OF_PATH, '/archive/1/feed.xml', '/rss', '/feed/']
const SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E',
  '%',
  '%E0%A4%A',
  '%00',
  '%ZZ',
  '%C0%AF',
  '💥',
  'ŝ',
  'feed.xml',
  'tags',
  'archive',
  '0',
  '01',
  '1',
  'articles',
  '\u202E',
]

const segment = fc.oneof(
  fc.constantFrom(...SEGMENTS),
  fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }).map((s) => s.replace(/[#?\\/\s]/g, '')),
  fc.string({ unit: 'grapheme-ascii', minLength: 500, maxLength: 4000 }).map(encodeURIComponent),
)
const path = fc.oneof(
  fc.constantFrom(...KNOWN),
  fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
  fc
    .tuple(fc.constantFrom(...KNOWN), fc.array(segment, { maxLength: 2 }))
    .map(([known, extra]) => [known, ...extra].join('/')),
)
/** Header values a client can send: visible ASCII and spaces, sometimes huge. */
const headerValue = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7E]/g, '').trim()),
  fc.constantFrom('*', 'W/"x"', '"a", "b"', 'Mon, 18 Sep 2023 00:00:00 GMT', 'text/html', 'gzip, br', '', '""'),
  fc
    .string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 8000 })
    .map((s) => s.replace(/[^\x20-\x7E]/g, 'x').trim()),
)
const method = fc.constantFrom(
  'GET',
  'GET',
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'PROPFIND',
  'MKCOL',
  'REPORT',
)
const headers = fc.record(
  {
    'If-None-Match': headerValue,
    'If-Modified-Since': headerValue,
    Accept: headerValue,
    'Accept-Encoding': headerValue,
    Host: fc.constantFrom('publisher.test', 'evil.example', 'localhost:8787', 'a'.repeat(200), '[::1]'),
  },
  { requiredKeys: [] },
)

it('answers any request without a 5xx, with the headers its status promises', async () => {
  await fc.assert(
    fc.asyncProperty(method, path, headers, async (m, p, h) => {
      const request = new Request(`http://publisher.test${p}`, {
        method: m,
        headers: h,
        body: m === 'GET' || m === 'HEAD' || m === 'OPTIONS' ? undefined : 'x',
        redirect: 'manual',
      })
      const response = await exports.default.fetch(request)
      const body = await response.arrayBuffer()
      expect(response.status, `${m} ${p.slice(0, 80)}`).toBeLessThan(500)
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      if (response.status === 200) {
        expect(response.headers.get('Content-Type')).toBeTruthy()
        expect(response.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/)
        if (m === 'HEAD') expect(body.byteLength).toBe(0)
        else expect(response.headers.get('Content-Length')).toBe(String(body.byteLength))
      }
      if (response.status === 304) {
        expect(body.byteLength).toBe(0)
        expect(response.headers.get('ETag')).toBeTruthy()
      }
      if (response.status === 301) expect(response.headers.get('Location')).toBeTruthy()
      if (response.status === 405) expect(response.headers.get('Allow')).toMatch(/^GET, HEAD/)
      expect([200, 204, 301, 304, 404, 405]).toContain(response.status)
    }),
    { numRuns: inject('fcRuns') * 3, seed: inject('fcSeed') },
  )
})
