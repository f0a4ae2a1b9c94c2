/**
 * Every route through the Worker: status, media type and parsed body; the three feeds agree on
 * the TASS article; self links equal the URL served from.
 */
import { parseFeed as parseWithRowan } from '@rowanmanning/feed-parser'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import RSSParser from 'rss-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { publishContent, seedContent } from './helpers/publish.ts'
import { get, ORIGIN } from './helpers/worker.ts'
import { children, only, parseXMLStrict } from './helpers/xml.ts'

/** The seed article, published for the requests below. */
beforeAll(() => publishContent(seedContent()))

const ID = 'tag:newswire.example,2026:article:7aabf56efc3e79f2'
const SLUG = 'china-russia-security-cooperation'
const URL_OF_ARTICLE = `${ORIGIN}/articles/${SLUG}`
const TITLE = 'China, Russia to strengthen security cooperation amid current challenges – Chinese expert'
const PUBLISHED = '2023-09-18T00:00:00.000Z'

const text = async (path: string, type: string): Promise<string> => {
  const response = await get(path)
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toBe(type)
  return response.text()
}

describe('the feeds', () => {
  it('serves RSS 2.0 as application/rss+xml, read alike by three parsers', async () => {
    const rss = await text('/feed.xml', 'application/rss+xml; charset=utf-8')
    const channel = only(parseXMLStrict(rss).root, 'channel')
    expect(only(channel, 'atom:link').attributes.href).toBe(`${ORIGIN}/feed.xml`)
    const items = children(channel, 'item')
    expect(items).toHaveLength(1)
    const a = parseRssFeed(rss)
    const b = parseWithRowan(rss)
    const c = await new RSSParser({ customFields: { item: ['dc:creator'] } }).parseString(rss)
    for (const item of [a.items?.[0], b.items[0], c.items[0]]) expect(item?.title).toBe(TITLE)
    expect([a.items?.[0]?.link, b.items[0]?.url, c.items[0]?.link]).toEqual([
      URL_OF_ARTICLE,
      URL_OF_ARTICLE,
      URL_OF_ARTICLE,
    ])
    expect([a.items?.[0]?.guid?.value, b.items[0]?.id, c.items[0]?.guid]).toEqual([ID, ID, ID])
    expect(b.items[0]?.published?.toISOString()).toBe(PUBLISHED)
    expect(a.items?.[0]?.dc?.creators).toEqual(['TASS'])
    expect(c.items[0]?.creator).toBe('TASS')
    expect([a.language, b.language, c.language]).toEqual(['en', 'en', 'en'])
    expect(a.items?.[0]?.content?.encoded).toContain(
      '<q>The Chinese-Russian strategic partnership is gradually strengthening,</q>',
    )
  })

  it('serves Atom 1.0 as application/atom+xml, read alike by two parsers', async () => {
    const atom = await text('/atom.xml', 'application/atom+xml; charset=utf-8')
    const { root } = parseXMLStrict(atom)
    expect(root.attributes['xml:lang']).toBe('en')
    const a = parseAtomFeed(atom)
    const b = parseWithRowan(atom)
    expect(a.entries?.[0]?.title?.value).toBe(TITLE)
    expect(b.items[0]?.title).toBe(TITLE)
    expect([a.entries?.[0]?.id, b.items[0]?.id]).toEqual([ID, ID])
    expect(b.self).toBe(`${ORIGIN}/atom.xml`)
    expect(b.items[0]?.url).toBe(URL_OF_ARTICLE)
    expect(b.items[0]?.published?.toISOString()).toBe(PUBLISHED)
    expect(b.items[0]?.updated?.toISOString()).toBe(PUBLISHED)
    expect(b.items[0]?.authors.map((author) => author.name)).toEqual(['TASS'])
    expect(b.language).toBe('en')
    expect(a.entries?.[0]?.categories?.map((c) => c.term)).toEqual(['China', 'Russia', 'SCO', 'CSTO'])
  })

  it('serves JSON Feed 1.1 as application/feed+json', async () => {
    const feed = JSON.parse(await text('/feed.json', 'application/feed+json; charset=utf-8'))
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.feed_url).toBe(`${ORIGIN}/feed.json`)
    expect(feed.home_page_url).toBe(`${ORIGIN}/`)
    const parsed = parseJsonFeed(feed)
    expect(parsed.items?.[0]).toMatchObject({
      id: ID,
      url: URL_OF_ARTICLE,
      title: TITLE,
      date_published: PUBLISHED,
      date_modified: PUBLISHED,
      authors: [{ name: 'TASS' }],
      language: 'en',
    })
  })

  it('states the same facts in all three formats', async () => {
    const rss = parseRssFeed(await text('/feed.xml', 'application/rss+xml; charset=utf-8')).items?.[0]
    const atom = parseAtomFeed(await text('/atom.xml', 'application/atom+xml; charset=utf-8')).entries?.[0]
    const json = JSON.parse(await text('/feed.json', 'application/feed+json; charset=utf-8')).items[0]
    expect(rss?.content?.encoded).toBe(json.content_html)
    expect(atom?.content?.value).toBe(json.content_html)
    expect(rss?.guid?.value).toBe(json.id)
    expect(atom?.id).toBe(json.id)
    expect(rss?.description).toBe(json.summary)
    expect(atom?.summary?.value).toBe(json.summary)
    expect(rss?.categories?.map((c) => c.name)).toEqual(json.tags)
    expect(new Date(rss?.pubDate ?? '').toISOString()).toBe(json.date_published)
    expect(atom?.published).toBe(json.date_published)
    expect(atom?.updated).toBe(json.date_modified)
  })

  it('carries the full text: every paragraph of the article', async () => {
    const json = JSON.parse(await text('/feed.json', 'application/feed+json; charset=utf-8')).items[0]
    expect(json.content_html.match(/<p>/g)).toHaveLength(11)
    expect(json.content_html).toContain('<p>BEIJING, September 18. /TASS/. China and Russia will strengthen')
    expect(json.content_html).toContain('18th round of Russian-Chinese consultations on strategic security.</p>')
  })
})

describe('the pages', () => {
  it('serves a home page listing the article, with autodiscovery for the three feeds', async () => {
    const html = await text('/', 'text/html; charset=utf-8')
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/)
    expect(html).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Newswire (RSS)" href="${ORIGIN}/feed.xml"/>`,
    )
    expect(html).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Newswire (Atom)" href="${ORIGIN}/atom.xml"/>`,
    )
    expect(html).toContain(
      `<link rel="alternate" type="application/feed+json" title="Newswire (JSON Feed)" href="${ORIGIN}/feed.json"/>`,
    )
    expect(html).toContain(`<a href="${URL_OF_ARTICLE}">${TITLE}</a>`)
  })

  it('serves the whole article on its own page, the link of its feed items', async () => {
    const html = await text(`/articles/${SLUG}`, 'text/html; charset=utf-8')
    const json = JSON.parse(await text('/feed.json', 'application/feed+json; charset=utf-8')).items[0]
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html).toContain(`<h1>${TITLE}</h1>`)
    expect(html).toContain('<time datetime="2023-09-18">18 September 2023</time>')
    // Every body paragraph the feeds carry is on the page.
    for (const paragraph of json.content_html.split('\n').slice(1)) expect(html).toContain(paragraph)
    expect(html).toContain(`<link rel="canonical" href="${URL_OF_ARTICLE}"/>`)
  })

  it('answers 404 for unknown paths and unknown articles', async () => {
    for (const path of ['/nope', '/articles/nope', '/articles', '/feed.xml/extra', '/FEED.XML']) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
      expect(await response.text()).toContain('<h1>Page not found</h1>')
    }
  })
})

describe('the public origin', () => {
  it('is the one the content was published for, whatever Host a request names', async () => {
    const other = await (await import('cloudflare:workers')).exports.default.fetch('https://other.example/feed.json')
    const json = (await other.json()) as { feed_url: string; items: { id: string }[] }
    expect(json.feed_url).toBe(`${ORIGIN}/feed.json`)
    expect(json.items[0]?.id).toBe(ID)
  })
})

describe('tags, archives, sitemap', () => {
  it('serves a tag page listing its articles with autodiscovery for its own feeds', async () => {
    const html = await text('/tags/sco', 'text/html; charset=utf-8')
    expect(html).toContain('<h1>SCO</h1>')
    expect(html).toContain(`<a href="${URL_OF_ARTICLE}">${TITLE}</a>`)
    expect(html).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Newswire: SCO (Atom)" href="${ORIGIN}/tags/sco/atom.xml"/>`,
    )
  })

  it('serves each tag as three feeds', async () => {
    const rss = parseRssFeed(await text('/tags/csto/feed.xml', 'application/rss+xml; charset=utf-8'))
    expect(rss.title).toBe('Newswire: CSTO')
    expect(rss.items?.map((item) => item.guid?.value)).toEqual([ID])
    const atom = parseWithRowan(await text('/tags/csto/atom.xml', 'application/atom+xml; charset=utf-8'))
    expect(atom.self).toBe(`${ORIGIN}/tags/csto/atom.xml`)
    const json = JSON.parse(await text('/tags/china/feed.json', 'application/feed+json; charset=utf-8'))
    expect(json.feed_url).toBe(`${ORIGIN}/tags/china/feed.json`)
    expect(json.next_url).toBeUndefined()
  })

  it('answers 404 for unknown tags and archive pages that do not exist', async () => {
    for (const path of [
      '/tags/nope',
      '/tags/nope/feed.xml',
      '/archive/1',
      '/archive/1/feed.xml',
      '/archive/0/atom.xml',
      '/archive/01/feed.json',
      '/tags/China',
    ]) {
      expect((await get(path)).status, path).toBe(404)
    }
  })

  it('links the article page to its tags', async () => {
    const html = await text(`/articles/${SLUG}`, 'text/html; charset=utf-8')
    expect(html).toContain(`<a href="${ORIGIN}/tags/csto" rel="tag">CSTO</a>`)
  })

  it('serves a sitemap index of parts listing home, the tag pages and the article, and robots.txt pointing to it', async () => {
    const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string)
    const index = await text('/sitemap.xml', 'application/xml; charset=utf-8')
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    const parts = locsOf(index)
    expect(parts).toEqual([`${ORIGIN}/sitemaps/pages-1.xml`, `${ORIGIN}/sitemaps/articles-1.xml`])
    const [pages, articles] = await Promise.all(
      parts.map((part) => text(part.slice(ORIGIN.length), 'application/xml; charset=utf-8')),
    )
    expect(locsOf(pages as string)).toEqual([
      `${ORIGIN}/`,
      ...['china', 'csto', 'russia', 'sco'].map((t) => `${ORIGIN}/tags/${t}`),
    ])
    expect(locsOf(articles as string)).toEqual([URL_OF_ARTICLE])
    expect(articles).toContain('<lastmod>2023-09-18T00:00:00.000Z</lastmod>')
    expect(index).toContain('<lastmod>2023-09-18T00:00:00.000Z</lastmod>')
    expect(await text('/robots.txt', 'text/plain; charset=utf-8')).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`)
  })
})
