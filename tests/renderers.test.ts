/**
 * The pure renderers on fixed, hostile content: strict XML, real parsers returning exactly
 * the text we put in, the validator rules most often broken, and golden bytes.
 */
import { parseFeed as parseWithRowan } from '@rowanmanning/feed-parser'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import { decode } from 'html-entities'
import RSSParser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import { type Inline, isParagraph, type Quote } from '../content/schema.ts'
import { renderAtom } from '../src/publisher/feed/atom.ts'
import { renderJSONFeed } from '../src/publisher/feed/json-feed.ts'
import { renderRSS } from '../src/publisher/feed/rss.ts'
import { hostileArticle, hostileContent, site } from './fixtures/hostile.ts'
import { expectedDateline } from './helpers/dates.ts'
import { modelOf } from './helpers/model.ts'
import { children, only, parseXMLStrict } from './helpers/xml.ts'

const model = modelOf(hostileContent, 'https://news.example.com')
const rss = renderRSS(model)
const atom = renderAtom(model)
const json = renderJSONFeed(model)
const hostile = model.items[0]
const tagNames = hostile?.tags.map((tag) => tag.name)
if (!hostile) throw new Error('fixture has items')

const textOf = (html: string): string => decode(html.replace(/<[^>]+>/g, ''))
const runText = (run: Inline): string => (typeof run === 'string' ? run : run.quote)
const isQuote = (run: Inline): run is Quote => typeof run !== 'string'

describe('the model', () => {
  it('sorts newest first and dates the feed by the newest update, not the clock', () => {
    expect(model.items.map((item) => item.slug)).toEqual(['hostile-article', 'older-article'])
    expect(model.updated.toISOString()).toBe('2024-03-02T00:00:00.000Z')
  })

  it('keeps the offset of a full date-time and reads a calendar day as 00:00 UTC', () => {
    expect(hostile.published.toISOString()).toBe('2024-03-01T01:30:00.000Z')
    expect(model.items[1]?.published.toISOString()).toBe('2023-01-15T00:00:00.000Z')
  })

  it('gives ids that depend on neither the origin nor the slug', () => {
    const moved = modelOf(
      { ...hostileContent, articles: hostileContent.articles.map((a) => ({ ...a, slug: `${a.slug}-renamed` })) },
      'http://elsewhere.example',
    )
    expect(moved.items.map((item) => item.id)).toEqual(model.items.map((item) => item.id))
    expect(moved.id).toBe(model.id)
    expect(hostile.id).toBe('tag:news.example.com,2024:article:hostile-1')
  })

  it('escapes every text in the article HTML, quotations as <q>', () => {
    expect(hostile.contentHTML).not.toContain('<script>')
    expect(hostile.contentHTML).not.toContain(']]>')
    expect(hostile.contentHTML).toContain('<q>Tom &amp; Jerry &lt;b&gt;not bold&lt;/b&gt;')
    // The fixture's text comes back exactly: standfirst, then every paragraph, the first after
    // the dateline (its local day, month named independently of src/feed/month-names.ts).
    const paragraphs = [...hostile.contentHTML.matchAll(/<p>(.*?)<\/p>/g)].map((m) => textOf(m[1] ?? ''))
    const [first, ...rest] = hostileArticle.body.filter(isParagraph).map((paragraph) => paragraph.map(runText).join(''))
    const dateline = expectedDateline(hostileArticle)
    expect(paragraphs).toEqual([hostileArticle.standfirst, `${dateline} ${first}`, ...rest])
    // Every quotation as one <q>, in order.
    const quotes = [...hostile.contentHTML.matchAll(/<q>(.*?)<\/q>/g)].map((m) => decode(m[1] ?? ''))
    expect(quotes).toEqual(
      hostileArticle.body.filter(isParagraph).flatMap((paragraph) => paragraph.filter(isQuote).map(runText)),
    )
  })
})

describe('RSS 2.0', () => {
  const { root } = parseXMLStrict(rss)
  const channel = only(root, 'channel')
  const item = children(channel, 'item')[0]
  if (!item) throw new Error('no item')

  it('is well-formed RSS 2.0 with one channel and its required elements', () => {
    expect(root.name).toBe('rss')
    expect(root.attributes.version).toBe('2.0')
    expect(only(channel, 'title').text).toBe(site.title)
    expect(only(channel, 'link').text).toBe('https://news.example.com/')
    expect(only(channel, 'description').text).toBe(site.description)
    expect(only(channel, 'language').text).toBe('en')
    expect(only(channel, 'ttl').text).toBe('30')
    expect(only(channel, 'lastBuildDate').text).toBe('Sat, 02 Mar 2024 00:00:00 GMT')
  })

  it('links to itself with atom:link rel=self', () => {
    const self = only(channel, 'atom:link')
    expect(self.uri).toBe('http://www.w3.org/2005/Atom')
    expect(self.attributes).toMatchObject({
      rel: 'self',
      type: 'application/rss+xml',
      href: 'https://news.example.com/feed.xml',
    })
  })

  it('writes titles as plain character data, not CDATA', () => {
    // RSS Profile: `&` and `<` in plain text as hexadecimal references (see rss-plain-text.ts).
    expect(rss).toContain('<title>Headline: Tom &#x26; Jerry &#x3C;b&#x3E;not bold&#x3C;/b&#x3E; ]]&#x3E; and ]]&#x3E;')
    expect(only(item, 'title').text).toBe(hostile.title)
  })

  it('gives each item a non-permalink guid, pubDate, description before content:encoded, dc:creator', () => {
    const guid = only(item, 'guid')
    expect(guid.text).toBe(hostile.id)
    expect(guid.attributes.isPermaLink).toBe('false')
    expect(only(item, 'pubDate').text).toBe(hostile.published.toUTCString())
    expect(only(item, 'link').text).toBe('https://news.example.com/articles/hostile-article')
    const names = item.children.map((child) => child.name)
    expect(names.indexOf('description')).toBeLessThan(names.indexOf('content:encoded'))
    expect(children(item, 'author')).toHaveLength(0)
    expect(children(item, 'dc:date')).toHaveLength(0)
    expect(only(item, 'dc:creator').text).toBe('Wire & Co <news>')
    expect(textOf(only(item, 'description').text)).toBe(hostile.summary)
    expect(only(item, 'content:encoded').text).toBe(hostile.contentHTML)
    expect(children(item, 'category').map((c) => c.text)).toEqual(tagNames)
  })

  it('reads back exactly with feedsmith, @rowanmanning/feed-parser and rss-parser', async () => {
    const a = parseRssFeed(rss).items?.[0]
    expect(a?.title).toBe(hostile.title)
    expect(a?.guid?.value).toBe(hostile.id)
    expect(a?.content?.encoded).toBe(hostile.contentHTML)
    expect(a?.dc?.creators).toEqual(['Wire & Co <news>'])
    const b = parseWithRowan(rss).items[0]
    // Like many readers, this parser decodes entities in RSS titles once more after the XML
    // parser; the hexadecimal references of the RSS Profile survive that, so the literal text
    // "&amp;" stays "&amp;" (tests/rss-titles.test.ts shows the named form losing it).
    expect(b?.title).toBe(hostile.title)
    expect(b?.id).toBe(hostile.id)
    // It also decodes entities inside the HTML once (its documented leniency), which turns our
    // escaped "&lt;b&gt;" into markup; the text it carries is ours, decoded once.
    expect(b?.content).toBe(decode(hostile.contentHTML))
    expect(b?.published?.toISOString()).toBe(hostile.published.toISOString())
    const c = (await new RSSParser().parseString(rss)).items[0]
    expect(c?.title).toBe(hostile.title)
    expect(c?.guid).toBe(hostile.id)
    expect(c?.['content:encoded']).toBe(hostile.contentHTML)
    expect(c?.categories).toEqual(tagNames)
  })
})

describe('Atom 1.0', () => {
  const { root } = parseXMLStrict(atom)
  const entry = children(root, 'entry')[0]
  if (!entry) throw new Error('no entry')

  it('has one id, title and updated, xml:lang and a typed self link', () => {
    expect(root.uri).toBe('http://www.w3.org/2005/Atom')
    expect(root.attributes['xml:lang']).toBe('en')
    expect(only(root, 'id').text).toBe('tag:news.example.com,2024:feed')
    expect(only(root, 'title').text).toBe(site.title)
    expect(only(root, 'updated').text).toBe('2024-03-02T00:00:00.000Z')
    const links = children(root, 'link')
    expect(links.find((l) => l.attributes.rel === 'self')?.attributes).toMatchObject({
      href: 'https://news.example.com/atom.xml',
      type: 'application/atom+xml',
    })
    expect(links.find((l) => l.attributes.rel === 'alternate')?.attributes.href).toBe('https://news.example.com/')
  })

  it('gives every entry id, title, updated, published, author, alternate link and categories with term', () => {
    expect(only(entry, 'id').text).toBe(hostile.id)
    expect(decode(only(entry, 'title').text)).toBe(hostile.title)
    expect(only(entry, 'title').attributes.type).toBe('html')
    expect(only(entry, 'updated').text).toBe('2024-03-02T00:00:00.000Z')
    expect(only(entry, 'published').text).toBe('2024-03-01T01:30:00.000Z')
    expect(only(only(entry, 'author'), 'name').text).toBe('Wire & Co <news>')
    expect(only(entry, 'link').attributes.href).toBe(hostile.url)
    expect(children(entry, 'category').map((c) => c.attributes.term)).toEqual(tagNames)
    expect(only(entry, 'content').text).toBe(hostile.contentHTML)
  })

  it('marks an entry in another language with its own xml:lang, and only that one', () => {
    const entries = children(root, 'entry')
    expect(entries.map((e) => e.attributes['xml:lang'])).toEqual([undefined, 'fr'])
  })

  it('reads back exactly with feedsmith and @rowanmanning/feed-parser', () => {
    const a = parseAtomFeed(atom).entries?.[0]
    expect(decode(a?.title?.value ?? '')).toBe(hostile.title)
    expect(a?.id).toBe(hostile.id)
    expect(a?.content?.value).toBe(hostile.contentHTML)
    const b = parseWithRowan(atom)
    expect(b.language).toBe('en')
    expect(b.self).toBe('https://news.example.com/atom.xml')
    // This parser decodes type="html" itself.
    expect(b.items[0]?.title).toBe(hostile.title)
    expect(b.items[0]?.id).toBe(hostile.id)
    expect(b.items[0]?.updated?.toISOString()).toBe('2024-03-02T00:00:00.000Z')
  })
})

describe('JSON Feed 1.1', () => {
  const feed = JSON.parse(json)
  const item = feed.items[0]

  it('is version 1.1 with feed_url, home_page_url, language and string ids', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.title).toBe(site.title)
    expect(feed.feed_url).toBe('https://news.example.com/feed.json')
    expect(feed.home_page_url).toBe('https://news.example.com/')
    expect(feed.language).toBe('en')
    expect(typeof item.id).toBe('string')
  })

  it('carries authors (and the 1.0 author equal to authors[0]), dates and plain-text title and summary', () => {
    expect(item).toMatchObject({
      id: hostile.id,
      url: hostile.url,
      title: hostile.title,
      summary: hostile.summary,
      content_html: hostile.contentHTML,
      date_published: '2024-03-01T01:30:00.000Z',
      date_modified: '2024-03-02T00:00:00.000Z',
      authors: [{ name: 'Wire & Co <news>' }],
      tags: tagNames,
      language: 'en',
    })
    expect(item.author).toEqual(item.authors[0])
  })

  it('reads back with feedsmith', () => {
    const parsed = parseJsonFeed(feed)
    expect(parsed.items?.[0]?.title).toBe(hostile.title)
    expect(parsed.items?.[0]?.authors).toEqual([{ name: 'Wire & Co <news>' }])
  })
})

describe('golden bytes', () => {
  it('renders the same bytes every time', () => {
    const again = modelOf(hostileContent, 'https://news.example.com')
    expect(renderRSS(again)).toBe(rss)
    expect(renderAtom(again)).toBe(atom)
    expect(renderJSONFeed(again)).toBe(json)
  })

  it('matches the committed golden feeds', async () => {
    await expect(rss).toMatchFileSnapshot('./golden/hostile.rss.xml')
    await expect(atom).toMatchFileSnapshot('./golden/hostile.atom.xml')
    await expect(json).toMatchFileSnapshot('./golden/hostile.feed.json')
  })
})
