/**
 * Feed-reader-grade HTTP through the Worker: validators, conditional GET (RFC 9110 §13), HEAD,
 * 405 + Allow, CORS, redirects, security headers and hostile requests.
 */

import { beforeAll, describe, expect, it } from 'vitest'
import { isNotModified } from '../src/worker/routes/conditional.ts'
import { parseHTTPDate } from '../src/worker/routes/http-date.ts'
import { cacheControl } from '../src/worker/routes/respond.ts'
import { publishContent, seedContent } from './helpers/publish.ts'
import { get } from './helpers/worker.ts'

/** The seed article, published for the requests below. */
beforeAll(() => publishContent(seedContent()))

const FEEDS = ['/feed.xml', '/atom.xml', '/feed.json']
const PAGES = ['/', '/articles/china-russia-security-cooperation']
const LAST_MODIFIED = 'Mon, 18 Sep 2023 00:00:00 GMT'

const headersOf = (response: Response): Record<string, string> => Object.fromEntries(response.headers.entries())

const sha256Hex = async (bytes: ArrayBuffer): Promise<string> =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  )

describe('validators', () => {
  it.each([...FEEDS, ...PAGES])(
    '%s has a strong ETag from its media type and bytes, and Last-Modified of its newest update',
    async (path) => {
      const response = await get(path)
      const body = await response.arrayBuffer()
      const etag = response.headers.get('ETag')
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
      const typed = new TextEncoder().encode(
        `${response.headers.get('Content-Type')}\n${new TextDecoder().decode(body)}`,
      )
      expect(etag).toBe(`"${(await sha256Hex(typed.buffer as ArrayBuffer)).slice(0, 32)}"`)
      expect(response.headers.get('Last-Modified')).toBe(LAST_MODIFIED)
      expect(response.headers.get('Content-Length')).toBe(String(body.byteLength))
    },
  )

  it('gives the same bytes and validators when the same content is rendered again', async () => {
    const before = await Promise.all([...FEEDS, ...PAGES].map((path) => get(path)))
    // Another code version makes publish render every document again, from scratch.
    const summary = await publishContent(seedContent(), 'render-again')
    expect(summary.documents.written).toBe(0)
    expect(summary.documents.unchanged).toBeGreaterThan(0)
    const after = await Promise.all([...FEEDS, ...PAGES].map((path) => get(path)))
    for (const [i, response] of after.entries()) {
      const old = before[i] as Response
      expect(response.headers.get('ETag')).toBe(old.headers.get('ETag'))
      expect(response.headers.get('Last-Modified')).toBe(old.headers.get('Last-Modified'))
      expect(await response.text()).toBe(await old.text())
    }
  })
})

describe('conditional GET', () => {
  const etagOf = async (path: string) => (await get(path)).headers.get('ETag') as string

  it.each([...FEEDS, ...PAGES])(
    'answers a matching If-None-Match on %s with 304 and the 200’s validators and policy',
    async (path) => {
      const ok = await get(path)
      const etag = ok.headers.get('ETag') as string
      const notModified = await get(path, { headers: { 'If-None-Match': etag } })
      expect(notModified.status).toBe(304)
      expect(await notModified.text()).toBe('')
      for (const name of [
        'ETag',
        'Cache-Control',
        'Vary',
        'Last-Modified',
        'Access-Control-Allow-Origin',
        'X-Content-Type-Options',
      ])
        expect(notModified.headers.get(name), name).toBe(ok.headers.get(name))
      expect(notModified.headers.get('Content-Type')).toBeNull()
    },
  )

  it('compares weakly, accepts lists and *', async () => {
    const etag = await etagOf('/feed.xml')
    for (const header of [`W/${etag}`, `"nope", ${etag}`, `"a","b" , W/${etag}`, '*']) {
      const response = await get('/feed.xml', { headers: { 'If-None-Match': header } })
      expect(response.status, header).toBe(304)
    }
  })

  it('answers a different or malformed If-None-Match with the full 200', async () => {
    for (const header of ['"other"', 'W/"other"', 'garbage', '""', '"unterminated', ',,,', '*x', 'x'.repeat(10_000)]) {
      const response = await get('/feed.xml', { headers: { 'If-None-Match': header } })
      expect(response.status, header.slice(0, 20)).toBe(200)
      expect((await response.text()).length).toBeGreaterThan(1000)
    }
  })

  it('answers If-Modified-Since at or after Last-Modified with 304, before it with 200', async () => {
    const cases: [string, number][] = [
      [LAST_MODIFIED, 304],
      ['Mon, 18 Sep 2023 00:00:01 GMT', 304],
      ['Fri, 27 Nov 2026 12:00:00 GMT', 304],
      ['Sun, 17 Sep 2023 23:59:59 GMT', 200],
      ['Monday, 18-Sep-23 00:00:00 GMT', 304],
      ['Mon Sep 18 00:00:00 2023', 304],
      ['Sun Sep 17 23:59:59 2023', 200],
    ]
    for (const [since, status] of cases) {
      const response = await get('/atom.xml', { headers: { 'If-Modified-Since': since } })
      expect(response.status, since).toBe(status)
      if (status === 304) expect(response.headers.get('Last-Modified')).toBe(LAST_MODIFIED)
    }
  })

  it('ignores If-Modified-Since when If-None-Match is present (RFC 9110 §13.2.2)', async () => {
    const response = await get('/feed.json', {
      headers: { 'If-None-Match': '"other"', 'If-Modified-Since': LAST_MODIFIED },
    })
    expect(response.status).toBe(200)
  })

  it('ignores a malformed If-Modified-Since instead of failing', async () => {
    for (const since of [
      'yesterday',
      '2023-09-18',
      'Mon, 32 Sep 2023 00:00:00 GMT',
      'Mon, 18 Sep 2023 00:00:00 PST',
      '',
      'x'.repeat(5000),
    ]) {
      const response = await get('/feed.xml', { headers: { 'If-Modified-Since': since } })
      expect(response.status, since.slice(0, 20)).toBe(200)
    }
  })

  it('applies If-Modified-Since to GET and HEAD only (RFC 9110 §13.1.3)', () => {
    // Ours never answer POST with a document: the rule must hold anyway.
    const validators = { etag: '"x"', lastModifiedTime: 0 }
    const since = { 'If-Modified-Since': 'Fri, 27 Nov 2026 00:00:00 GMT' }
    const request = (method: string) => new Request('http://publisher.test/', { method, headers: since })
    expect(isNotModified(request('GET'), validators)).toBe(true)
    expect(isNotModified(request('HEAD'), validators)).toBe(true)
    expect(isNotModified(request('POST'), validators)).toBe(false)
  })

  it('parses the three HTTP-date forms and rejects the rest', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37)
    expect(parseHTTPDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(expected)
    expect(parseHTTPDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(expected)
    // RFC 850 two-digit years: at most 50 years ahead of now, else the century before.
    const thisYear = new Date().getUTCFullYear()
    const ahead = String((thisYear + 49) % 100).padStart(2, '0')
    const tooFar = String((thisYear + 51) % 100).padStart(2, '0')
    expect(new Date(parseHTTPDate(`Sunday, 06-Nov-${ahead} 08:49:37 GMT`) ?? 0).getUTCFullYear()).toBe(thisYear + 49)
    expect(new Date(parseHTTPDate(`Sunday, 06-Nov-${tooFar} 08:49:37 GMT`) ?? 0).getUTCFullYear()).toBe(
      thisYear + 51 - 100,
    )
    expect(parseHTTPDate('Sun Nov  6 08:49:37 1994')).toBe(expected)
    for (const bad of ['Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 25:49:37 GMT', '1994-11-06', null, undefined])
      expect(parseHTTPDate(bad)).toBeUndefined()
  })
})

describe('cache policy', () => {
  it.each([...FEEDS, ...PAGES])('%s is public with max-age 600 and stale-while-revalidate by default', async (path) => {
    const response = await get(path)
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=600, stale-while-revalidate=3600')
    expect(response.headers.get('Vary')).toBe(path.endsWith('.xml') ? 'Accept-Encoding, Accept' : 'Accept-Encoding')
  })

  it('writes max-age from CACHE_MAX_AGE, with stale-while-revalidate of at least an hour', () => {
    expect(cacheControl(900)).toBe('public, max-age=900, stale-while-revalidate=3600')
    expect(cacheControl(7200)).toBe('public, max-age=7200, stale-while-revalidate=7200')
  })
})

describe('methods', () => {
  it.each([...FEEDS, ...PAGES])('answers HEAD on %s with exactly the GET headers and no body', async (path) => {
    const [getResponse, headResponse] = await Promise.all([get(path), get(path, { method: 'HEAD' })])
    expect(headResponse.status).toBe(200)
    expect(headersOf(headResponse)).toEqual(headersOf(getResponse))
    expect(await headResponse.text()).toBe('')
  })

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s with 405 and Allow', async (method) => {
    for (const path of FEEDS) {
      const response = await get(path, { method, body: method === 'DELETE' ? undefined : 'x' })
      expect(response.status).toBe(405)
      expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
    }
    for (const path of PAGES) {
      const response = await get(path, { method, body: method === 'DELETE' ? undefined : 'x' })
      expect(response.status).toBe(405)
      expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
    }
  })

  it.each([...FEEDS, ...PAGES, '/sitemap.xml', '/styles.css'])(
    'answers OPTIONS on %s with 204 and Allow',
    async (path) => {
      const response = await get(path, { method: 'OPTIONS' })
      expect(response.status).toBe(204)
      expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
      expect(await response.text()).toBe('')
    },
  )

  it('answers unknown paths with 404 whatever the method', async () => {
    expect((await get('/nope', { method: 'OPTIONS' })).status).toBe(404)
    expect((await get('/nope', { method: 'POST', body: 'x' })).status).toBe(404)
  })
})

describe('CORS', () => {
  it.each(FEEDS)('lets any origin read %s and its validators', async (path) => {
    const response = await get(path, { headers: { Origin: 'https://reader.example' } })
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe('ETag,Last-Modified,Link')
  })

  it('answers a preflight with 204 and the allowed methods and headers', async () => {
    const response = await get('/feed.json', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://reader.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS')
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe('If-None-Match,If-Modified-Since')
    expect(response.headers.get('Access-Control-Max-Age')).toBe('86400')
  })
})

describe('guessed feed addresses', () => {
  it.each([
    ['/rss', '/feed.xml'],
    ['/rss.xml', '/feed.xml'],
    ['/rss/', '/feed.xml'],
    ['/feed', '/feed.xml'],
    ['/feed/', '/feed.xml'],
    ['/feed.rss', '/feed.xml'],
    ['/index.xml', '/feed.xml'],
    ['/index.rss', '/feed.xml'],
    ['/rss2.xml', '/feed.xml'],
    ['/atom', '/atom.xml'],
    ['/atom/', '/atom.xml'],
    ['/feed.atom', '/atom.xml'],
    ['/index.atom', '/atom.xml'],
    ['/json', '/feed.json'],
    ['/feed/json', '/feed.json'],
    ['/index.json', '/feed.json'],
  ])('%s answers 301 to %s', async (from, to) => {
    const response = await get(from)
    expect(response.status).toBe(301)
    expect(response.headers.get('Location')).toBe(to)
  })

  it('redirects an article path with a trailing slash to the article', async () => {
    const response = await get('/articles/china-russia-security-cooperation/')
    expect(response.status).toBe(301)
    expect(new URL(response.headers.get('Location') ?? '').pathname).toBe('/articles/china-russia-security-cooperation')
  })
})

describe('security headers', () => {
  it.each([...FEEDS, ...PAGES, '/nope'])('%s is nosniff', async (path) => {
    expect((await get(path)).headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('gives pages a CSP that allows only our stylesheet and script, no framing, and a referrer policy', async () => {
    const response = await get('/')
    expect(response.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    expect(response.headers.get('X-Frame-Options')).toBe('DENY')
  })
})

describe('hostile requests', () => {
  it('answers odd paths with a clean 404, never a 500', async () => {
    const paths = [
      `/${'a'.repeat(8000)}`,
      '/articles/%E0%A4%A',
      '/articles/%',
      '/articles/%00',
      '/articles/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/feed.xml.bak',
      '/articles/💥',
      '/articles/china-russia-security-cooperation%20',
    ]
    for (const path of paths) {
      const response = await get(path)
      expect(response.status, path.slice(0, 40)).toBe(404)
    }
  })

  it('resolves dot segments before routing', async () => {
    expect((await get('/articles/../feed.xml')).status).toBe(200)
  })

  it('ignores RFC 3229 delta requests (A-IM: feed): a full 200, never 226', async () => {
    const response = await get('/feed.xml', { headers: { 'A-IM': 'feed' } })
    expect(response.status).toBe(200)
  })

  it('answers garbage and giant header values normally', async () => {
    const response = await get('/feed.xml', {
      headers: {
        Accept: 'application/x-nonsense;q=zzz, */*;;;',
        'Accept-Encoding': 'gzip;q=,'.repeat(400),
        'If-None-Match': 'W/',
      },
    })
    expect(response.status).toBe(200)
  })
})

describe('feeds in a browser', () => {
  const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'

  it.each(['/feed.xml', '/atom.xml'])(
    'labels %s application/xml for a browser navigation, same bytes',
    async (path) => {
      const reader = await get(path, {
        headers: { Accept: 'application/rss+xml, application/atom+xml;q=0.9, */*;q=0.1' },
      })
      const browser = await get(path, { headers: { Accept: BROWSER_ACCEPT } })
      expect(browser.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
      expect(reader.headers.get('Content-Type')).toMatch(/^application\/(rss|atom)\+xml; charset=utf-8$/)
      expect(await browser.text()).toBe(await reader.text())
      expect(browser.headers.get('ETag')).not.toBe(reader.headers.get('ETag'))
      expect(browser.headers.get('Vary')).toBe('Accept-Encoding, Accept')
    },
  )

  it('keeps the feed media type for readers that also accept HTML, and for no Accept at all', async () => {
    for (const accept of ['*/*', 'application/rss+xml, text/html;q=0.5', 'application/xml', undefined]) {
      const response = await get('/feed.xml', { headers: accept === undefined ? {} : { Accept: accept } })
      expect(response.headers.get('Content-Type'), String(accept)).toBe('application/rss+xml; charset=utf-8')
    }
  })

  it('names a CSS stylesheet, which is served', async () => {
    const rss = await (await get('/feed.xml')).text()
    expect(rss.split('\n')[1]).toBe('<?xml-stylesheet type="text/css" href="http://publisher.test/feed.css"?>')
    const css = await get('/feed.css')
    expect(css.headers.get('Content-Type')).toBe('text/css; charset=utf-8')
    expect(await css.text()).toContain('This is a news feed.')
  })
})

describe('stylesheets, script and icon', () => {
  it.each(['/styles.css', '/feed.css', '/copy.js', '/favicon.svg'])(
    '%s has an ETag but no Last-Modified, so If-Modified-Since never stales it',
    async (path) => {
      const response = await get(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/)
      expect(response.headers.get('Last-Modified')).toBeNull()
      expect((await get(path, { headers: { 'If-Modified-Since': 'Fri, 27 Nov 2099 00:00:00 GMT' } })).status).toBe(200)
      expect((await get(path, { headers: { 'If-None-Match': response.headers.get('ETag') as string } })).status).toBe(
        304,
      )
    },
  )
})
