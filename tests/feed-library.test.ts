/**
 * What the `feed` library and its serialiser xml-js do that src/feed/ works around (see the
 * comments in src/feed/feed-library.ts, atom.ts and rss.ts, which name these tests). Each test
 * pins one behaviour of the library as it is today, with no code of ours in between: when an
 * upgrade fixes or changes it, the test fails and says which workaround to re-check or remove.
 */
import { Feed, type FeedOptions, type Item } from 'feed'
import { describe, expect, it } from 'vitest'
import feedPackage from '../node_modules/feed/package.json?raw'
import xmlJSPackage from '../node_modules/xml-js/package.json?raw'
import { parseXMLStrict } from './helpers/xml.ts'

const OPTIONS: FeedOptions = {
  id: 'urn:example:feed',
  title: 'Title',
  link: 'https://example.com/',
  updated: new Date('2024-01-01T00:00:00Z'),
  feedLinks: { rss: 'https://example.com/feed.xml', atom: 'https://example.com/atom.xml' },
  generator: false,
}
const ITEM: Item = {
  title: 'Item',
  id: 'urn:example:item',
  link: 'https://example.com/item',
  date: new Date('2024-01-01T00:00:00Z'),
  content: '<p>Text</p>',
}

const feedWith = (options: Partial<FeedOptions> = {}, item: Partial<Item> = {}): Feed => {
  const feed = new Feed({ ...OPTIONS, ...options })
  feed.addItem({ ...ITEM, ...item })
  return feed
}

describe('the feed library', () => {
  it('is feed 6.0.0 on xml-js 1.6.11, the versions these behaviours were pinned on', () => {
    expect(JSON.parse(feedPackage).version).toBe('6.0.0')
    expect(JSON.parse(xmlJSPackage).version).toBe('1.6.11')
  })

  it('writes "&amp;" in a text node as "&amp;", losing the literal text "&amp;" (xml-js)', () => {
    expect(feedWith({ title: 'A &amp; B & C' }).rss2()).toContain('<title>A &amp; B &amp; C</title>')
    // escapeAmpersands() first: the text comes back exactly.
    expect(feedWith({ title: 'A &amp;amp; B &amp; C' }).rss2()).toContain('<title>A &amp;amp; B &amp; C</title>')
  })

  it('splits only the first "]]>" in CDATA, so a second one ends the section (xml-js)', () => {
    const rss = feedWith({}, { content: 'a]]>b]]>c' }).rss2()
    expect(rss).toContain('<content:encoded><![CDATA[a]]]]><![CDATA[>b]]>c]]></content:encoded>')
    expect(() => parseXMLStrict(rss)).toThrow()
  })

  it('escapes only `"` in attribute values it does not sanitise itself (xml-js)', () => {
    const rss = feedWith({}, { category: [{ name: 'Tag', domain: 'a&b<c"d' }] }).rss2()
    expect(rss).toContain('<category domain="a&b<c&quot;d">Tag</category>')
  })

  it('escapes "&" in Atom category terms itself', () => {
    expect(feedWith({}, { category: [{ term: 'R&D' }] }).atom1()).toContain('<category term="R&amp;D"/>')
  })

  it('wraps RSS item titles in CDATA, and writes none for an empty title', () => {
    expect(feedWith({}, { title: 'Item' }).rss2()).toContain('<title><![CDATA[Item]]></title>')
    expect(feedWith({}, { title: '' }).rss2()).not.toMatch(/<item>[\s\S]*<title>/)
  })

  it('writes Atom entry titles and summaries as type="html" only', () => {
    const atom = feedWith({}, { title: 'Item', description: 'Summary' }).atom1()
    expect(atom).toContain('<title type="html"><![CDATA[Item]]></title>')
    expect(atom).toContain('<summary type="html"><![CDATA[Summary]]></summary>')
  })

  it('writes no xml:lang in Atom, even given a language', () => {
    expect(feedWith({ language: 'fr' }).atom1()).not.toContain('xml:lang')
  })

  it('writes the Atom self link as <link rel="self" href=…/>, without a type', () => {
    expect(feedWith().atom1()).toContain('<link rel="self" href="https://example.com/atom.xml"/>')
  })

  it('ignores extensions in Atom, and cannot declare a namespace in either format', () => {
    const feed = feedWith()
    feed.addExtension({ name: 'fh:archive', objects: {} })
    expect(feed.atom1()).not.toContain('fh:archive')
    expect(feed.rss2()).not.toContain('xmlns:fh')
  })

  it('writes a new RSS channel extension after the items, and one named atom:link in place of its own', () => {
    const feed = feedWith()
    feed.addExtension({ name: 'fh:archive', objects: {} })
    feed.addExtension({ name: 'atom:link', objects: { _attributes: { rel: 'prev-archive', href: 'https://x/' } } })
    const rss = feed.rss2()
    expect(rss.indexOf('<fh:archive')).toBeGreaterThan(rss.indexOf('</item>'))
    expect(rss.indexOf('<atom:link rel="prev-archive"')).toBeLessThan(rss.indexOf('<item>'))
    expect(rss).not.toContain('rel="self"')
  })

  it('writes the stylesheet instruction only with type="text/xsl"', () => {
    expect(feedWith({ stylesheet: 'https://example.com/feed.css' }).rss2()).toContain(
      '<?xml-stylesheet href="https://example.com/feed.css" type="text/xsl"?>',
    )
  })

  it('writes an RSS <author> from a bare name, where RSS wants an e-mail address', () => {
    expect(feedWith({}, { author: [{ name: 'Wire' }] }).rss2()).toContain('<author>Wire</author>')
  })

  it('declares xmlns:dc only when an item has content', () => {
    const creator = { extensions: [{ name: 'dc:creator', objects: { _text: 'Wire' } }] }
    expect(feedWith({}, creator).rss2()).toContain('xmlns:dc=')
    expect(feedWith({}, { ...creator, content: undefined }).rss2()).not.toContain('xmlns:dc=')
  })

  it("derives an enclosure type from the URL extension, which an RSS enclosure's own type replaces", () => {
    const enclosure = { url: 'https://example.com/media/0123456789abcdef/1280.jpg', length: 1234, type: 'image/jpeg' }
    // "image/jpg" is no registered type (IANA: image/jpeg): Atom gets it whatever `type` says.
    expect(feedWith({}, { enclosure }).atom1()).toContain(
      '<link rel="enclosure" href="https://example.com/media/0123456789abcdef/1280.jpg" type="image/jpg" length="1234"/>',
    )
    // RSS spreads our object after its own fields: our type stands.
    expect(feedWith({}, { enclosure }).rss2()).toContain(
      '<enclosure length="1234" type="image/jpeg" url="https://example.com/media/0123456789abcdef/1280.jpg"/>',
    )
  })

  it('writes an RSS channel <image> with title, url and link only', () => {
    const image = parseXMLStrict(feedWith({ image: 'https://example.com/icon-64.png' }).rss2()).root
    const element = image.children[0]?.children.find((child) => child.name === 'image')
    expect(element?.children.map((child) => [child.name, child.text])).toEqual([
      ['title', 'Title'],
      ['url', 'https://example.com/icon-64.png'],
      ['link', 'https://example.com/'],
    ])
  })

  it('writes Atom <icon> from `favicon` and <logo> from `image`', () => {
    const atom = feedWith({
      favicon: 'https://example.com/icon-64.png',
      image: 'https://example.com/icon-512.png',
    }).atom1()
    expect(atom).toContain('<logo>https://example.com/icon-512.png</logo>')
    expect(atom).toContain('<icon>https://example.com/icon-64.png</icon>')
  })
})
