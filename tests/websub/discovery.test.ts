/**
 * WebSub discovery (W3C WebSub §4): every subscription feed — the site's and each tag's, in RSS,
 * Atom and JSON Feed — names our hub and exactly one self URL, in the document and in Link
 * headers; archive pages and HTML pages name no hub.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { publishGenerated } from '../helpers/publish.ts'
import { HUB } from '../helpers/websub.ts'
import { get, ORIGIN } from '../helpers/worker.ts'
import { children, only, parseXMLStrict } from '../helpers/xml.ts'

const TOPICS = [
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/tags/alpha/feed.xml',
  '/tags/fifth/atom.xml',
  '/tags/beta/feed.json',
]

/** Link header → [{ url, rel }] (RFC 8288 §3; our values hold no commas inside <>). */
const links = (header: string | null) =>
  (header ?? '').split(/,\s*(?=<)/).flatMap((part) => {
    const match = /^<([^>]*)>;\s*rel="([^"]+)"$/.exec(part.trim())
    return match ? [{ url: match[1], rel: match[2] }] : []
  })

/** The hub and self links a feed document names inside. */
const documentLinks = (path: string, body: string) => {
  if (path.endsWith('.json')) {
    const feed = JSON.parse(body)
    return {
      hubs: (feed.hubs ?? []).map((hub: { type: string; url: string }) => `${hub.type} ${hub.url}`),
      self: [feed.feed_url],
    }
  }
  const { root } = parseXMLStrict(body)
  const scope = path.endsWith('atom.xml') ? root : only(root, 'channel')
  const all = children(scope, path.endsWith('atom.xml') ? 'link' : 'atom:link')
  for (const link of all) expect(link.uri).toBe('http://www.w3.org/2005/Atom')
  const of = (rel: string) => all.filter((link) => link.attributes.rel === rel).map((link) => link.attributes.href)
  return { hubs: of('hub').map((url) => `WebSub ${url}`), self: of('self') }
}

beforeAll(async () => {
  // 60 articles: the site feed has archive pages (RSS writes its atom:links itself), small tags do not.
  await publishGenerated(60)
})

describe('discovery', () => {
  it.each(TOPICS)('%s names the hub and its one self URL, in the document and in Link headers', async (path) => {
    const response = await get(path)
    expect(response.status).toBe(200)
    const body = await response.text()
    const self = `${ORIGIN}${path}`
    expect(documentLinks(path, body)).toEqual({ hubs: [`WebSub ${HUB}`], self: [self] })
    expect(links(response.headers.get('Link'))).toEqual([
      { url: HUB, rel: 'hub' },
      { url: self, rel: 'self' },
    ])
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('Link')
  })

  it('sends the same Link header on HEAD', async () => {
    const head = await get('/tags/alpha/atom.xml', { method: 'HEAD' })
    const full = await get('/tags/alpha/atom.xml')
    expect(head.headers.get('Link')).toBe(full.headers.get('Link'))
    expect(head.headers.get('Link')).toContain('rel="hub"')
  })

  it('names no hub on archive pages (they are not topics), only their self URL', async () => {
    for (const path of ['/archive/1/feed.xml', '/archive/1/atom.xml', '/archive/1/feed.json']) {
      const response = await get(path)
      expect(response.status).toBe(200)
      const body = await response.text()
      expect(documentLinks(path, body).hubs).toEqual([])
      expect(links(response.headers.get('Link'))).toEqual([{ url: `${ORIGIN}${path}`, rel: 'self' }])
    }
  })

  it('sends no Link header on HTML pages', async () => {
    const response = await get('/tags/alpha')
    expect(response.status).toBe(200)
    expect(response.headers.get('Link')).toBeNull()
  })
})
