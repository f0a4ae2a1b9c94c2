/**
 * Pictures end to end inside workerd: publish() stores the variants the publisher's pipeline
 * encoded (tests/fixtures/pictures/, made by sharp in Node) under content-addressed keys, once;
 * the feeds name the lead picture in every way readers look for it; the pages show every
 * picture with <picture>, and the Worker serves the variants immutable, with Range.
 */

import { env } from 'cloudflare:workers'
import { parseFeed as parseWithRowan } from '@rowanmanning/feed-parser'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import type { DefaultTreeAdapterMap } from 'parse5'
import { parse } from 'parse5'
import RSSParser from 'rss-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { type ArticleEntry, type Content, loadContent } from '../content/load.ts'
import type { ArticleInput } from '../content/schema.ts'
import type { PublishSummary } from '../src/publisher/publish/publish.ts'
import { article } from './fixtures/article.ts'
import { fixtureSite } from './fixtures/site.ts'
import { fixtureIcons, fixturePictures, planOf } from './helpers/encoded-pictures.ts'
import { publishContent } from './helpers/publish.ts'
import { get, ORIGIN } from './helpers/worker.ts'
import { children, only, parseXMLStrict, type XMLElement } from './helpers/xml.ts'

const LEAD = planOf('lead.jpg')
const FIGURE = planOf('figure.png')
/** The lead's JPEG every format names: the largest ≤ 1280 px (this source is 360 px wide). */
const LEAD_JPEG = `${ORIGIN}/media/${LEAD.fingerprint}/360.jpg`
const LEAD_THUMBNAIL = `${ORIGIN}/media/${LEAD.fingerprint}/360.jpg`
const leadBytes = async (): Promise<number> =>
  (await env.ARCHIVE.head(`/media/${LEAD.fingerprint}/360.jpg`))?.size ?? -1

const harbour: ArticleInput = article({
  id: 'p-1',
  title: 'Harbour reopens',
  published: '2026-11-02T10:00:00Z',
  tags: ['Ports'],
  image: {
    src: 'lead.jpg',
    alt: 'Ships <b>at</b> dawn & "fog"',
    caption: 'The harbour <script>alert(1)</script>',
    credit: 'Photo: Ivan Petrov / TASS',
  },
  body: [
    ['First paragraph.'],
    { figure: { src: 'figure.png', alt: 'Night <i>view</i>', credit: 'Photo: A & B' } },
    ['Second.'],
  ],
})
/** A second article with the same lead file: stored once. */
const quay: ArticleInput = article({
  id: 'p-2',
  title: 'Quay extended',
  published: '2026-11-03T10:00:00Z',
  tags: ['Ports'],
  image: { src: 'lead.jpg', alt: 'The quay', credit: 'Photo: Ivan Petrov / TASS' },
})

const contentOf = (entries: [string, ArticleInput][]): Content =>
  loadContent(fixtureSite, entries satisfies ArticleEntry[])

const publishPictures = async (content: Content) => {
  const pictures = fixturePictures(content)
  const summary = await publishContent(content, 'test', { pictures, icons: fixtureIcons() })
  return { summary, encoded: pictures.encoded }
}

const mediaKeys = async (): Promise<string[]> =>
  (await env.ARCHIVE.list({ prefix: '/media/' })).objects.map((object) => object.key).sort()

let first: { summary: PublishSummary; encoded: string[] }
beforeAll(async () => {
  first = await publishPictures(contentOf([['harbour', harbour]]))
})

describe('publishing pictures', () => {
  it('stores every variant under its content-addressed key, and encodes each source once', async () => {
    expect(first.encoded.sort()).toEqual(['figure.png', 'lead.jpg'])
    const keys = [...LEAD.variants, ...FIGURE.variants].map((variant) => variant.key).sort()
    expect(await mediaKeys()).toEqual(keys)
    expect(first.summary.pictures?.written).toBe(keys.length)
    const stored = await env.ARCHIVE.get(LEAD.variants[0]?.key as string)
    expect(stored?.httpMetadata?.contentType).toBe('image/avif')
    await stored?.arrayBuffer()
  })

  it('encodes nothing and writes nothing when run again', async () => {
    const again = await publishPictures(contentOf([['harbour', harbour]]))
    expect(again.encoded).toEqual([])
    expect(again.summary.pictures).toEqual({ encoded: 0, written: 0, bytesWritten: 0 })
    expect(again.summary.documents.written).toBe(0)
  })

  it('stores nothing new for a second article using the same file', async () => {
    const before = await mediaKeys()
    const second = await publishPictures(
      contentOf([
        ['harbour', harbour],
        ['quay', quay],
      ]),
    )
    expect(second.encoded).toEqual([])
    expect(second.summary.pictures?.written).toBe(0)
    expect(await mediaKeys()).toEqual(before)
    const rss = parseRssFeed(await (await get('/feed.xml')).text())
    expect(rss.items?.map((item) => item.enclosures?.[0]?.url)).toEqual([LEAD_JPEG, LEAD_JPEG])
  })

  it('encodes only what R2 lacks when the index has no row for it (a publish stopped half-way)', async () => {
    const key = LEAD.variants.find((variant) => variant.format === 'webp')?.key as string
    await env.ARCHIVE.delete(key)
    await env.DB.prepare('DELETE FROM documents WHERE path = ?').bind(key).run()
    // A publish stopped half-way never wrote its scope rows (they go last, publish.ts): the next one
    // plans the lists again, and so makes sure of the pictures they show.
    await env.DB.prepare('DELETE FROM scopes').run()
    const repaired = await publishPictures(
      contentOf([
        ['harbour', harbour],
        ['quay', quay],
      ]),
    )
    expect(repaired.encoded).toEqual(['lead.jpg'])
    expect(repaired.summary.pictures?.written).toBe(1)
    expect((await get(key)).status).toBe(200)
  })
})

describe('the feeds', () => {
  it('give the RSS item one enclosure with the exact byte length, and Media RSS', async () => {
    const { root } = parseXMLStrict(await (await get('/feed.xml')).text())
    expect(root.attributes['xmlns:media']).toBe('http://search.yahoo.com/mrss/')
    const item = children(only(root, 'channel'), 'item').find((i) => only(i, 'link').text.endsWith('/harbour'))
    if (!item) throw new Error('no harbour item')
    expect(children(item, 'enclosure')).toHaveLength(1)
    expect(only(item, 'enclosure').attributes).toEqual({
      url: LEAD_JPEG,
      length: String(await leadBytes()),
      type: 'image/jpeg',
    })
    expect(only(item, 'media:content').attributes).toMatchObject({
      url: LEAD_JPEG,
      medium: 'image',
      width: '360',
      height: '225',
    })
    expect(only(item, 'media:thumbnail').attributes.url).toBe(LEAD_THUMBNAIL)
    expect(only(item, 'media:credit').text).toBe('Photo: Ivan Petrov / TASS')
    expect(only(item, 'media:description').text).toBe('The harbour <script>alert(1)</script>')
    // The figure inside the full text, its alt text escaped (markup in content is text).
    const content = only(item, 'content:encoded').text
    expect(content).toContain(
      `<figure><img src="${ORIGIN}/media/${FIGURE.fingerprint}/200.jpg" alt="Night &lt;i&gt;view&lt;/i&gt;" width="200" height="150"/>`,
    )
    expect(content).toContain('<figcaption><small>Photo: A &amp; B</small></figcaption></figure>')
  })

  it('name the site icon: RSS <image> within 144 × 400, Atom icon and logo, JSON Feed icon and favicon', async () => {
    const rss = parseXMLStrict(await (await get('/feed.xml')).text()).root
    const image = only(only(rss, 'channel'), 'image')
    expect(only(image, 'url').text).toBe(`${ORIGIN}/icon-64.png`)
    expect(only(image, 'link').text).toBe(`${ORIGIN}/`)
    expect(Number(only(image, 'width').text)).toBeLessThanOrEqual(144)
    expect(Number(only(image, 'height').text)).toBeLessThanOrEqual(400)
    const atom = parseXMLStrict(await (await get('/atom.xml')).text()).root
    expect(only(atom, 'icon').text).toBe(`${ORIGIN}/icon-64.png`)
    expect(only(atom, 'logo').text).toBe(`${ORIGIN}/icon-512.png`)
    const json = await (await get('/feed.json')).json<{ icon: string; favicon: string }>()
    expect(json.icon).toBe(`${ORIGIN}/icon-512.png`)
    expect(json.favicon).toBe(`${ORIGIN}/icon-64.png`)
    // Each named icon is served, as the PNG it says.
    for (const [path, size] of [
      ['/icon-64.png', 64],
      ['/icon-512.png', 512],
    ] as const) {
      const response = await get(path)
      expect(response.headers.get('Content-Type')).toBe('image/png')
      const bytes = new Uint8Array(await response.arrayBuffer())
      // PNG IHDR width (PNG §11.2.2): bytes 16–19, big-endian.
      expect(new DataView(bytes.buffer).getUint32(16)).toBe(size)
    }
  })

  it('give the Atom entry a typed enclosure link with its length, and the same Media RSS', async () => {
    const { root } = parseXMLStrict(await (await get('/atom.xml')).text())
    const entry = children(root, 'entry').find((e) => only(e, 'id').text.endsWith(':p-1'))
    if (!entry) throw new Error('no harbour entry')
    const enclosures = children(entry, 'link').filter((link) => link.attributes.rel === 'enclosure')
    expect(enclosures.map((link) => link.attributes)).toEqual([
      { rel: 'enclosure', type: 'image/jpeg', length: String(await leadBytes()), href: LEAD_JPEG },
    ])
    expect(only(entry, 'media:thumbnail').attributes.url).toBe(LEAD_THUMBNAIL)
    expect(only(entry, 'media:credit').text).toBe('Photo: Ivan Petrov / TASS')
  })

  it('give the JSON Feed item `image` and an image attachment with its size', async () => {
    const feed = parseJsonFeed(await (await get('/feed.json')).text())
    const item = feed.items?.find((i) => i.id?.endsWith(':p-1'))
    expect(item?.image).toBe(LEAD_JPEG)
    expect(item?.attachments).toEqual([{ url: LEAD_JPEG, mime_type: 'image/jpeg', size_in_bytes: await leadBytes() }])
  })
})

/**
 * The picture each reader shows for the item, from parsers that readers use or resemble, and
 * from the selection order of two readers' own code, applied to our output.
 */
describe('the thumbnail each reader shows is the lead picture', () => {
  const isLead = (url: string | undefined) => expect(url).toMatch(new RegExp(`/media/${LEAD.fingerprint}/`))
  let rss: string
  let atom: string
  let json: string
  beforeAll(async () => {
    rss = await (await get('/feed.xml')).text()
    atom = await (await get('/atom.xml')).text()
    json = await (await get('/feed.json')).text()
  })
  const harbourOf = <T extends { link?: string | null; url?: string | null }>(items: readonly T[] | undefined): T => {
    const item = items?.find((i) => (i.link ?? i.url ?? '').endsWith('/harbour'))
    if (!item) throw new Error('no harbour item')
    return item
  }

  it('feedsmith (RSS, Atom): enclosures and media:thumbnail', () => {
    const item = harbourOf(parseRssFeed(rss).items)
    isLead(item.enclosures?.[0]?.url)
    isLead(item.media?.thumbnails?.[0]?.url)
    const entry = parseAtomFeed(atom).entries?.find((e) => e.id?.endsWith(':p-1'))
    isLead(entry?.links?.find((link) => link.rel === 'enclosure')?.href)
    isLead(entry?.media?.thumbnails?.[0]?.url)
  })

  it('@rowanmanning/feed-parser (RSS, Atom): item.image and item.media', () => {
    for (const xml of [rss, atom]) {
      const item = harbourOf(parseWithRowan(xml).items)
      isLead(item.image?.url)
      expect(item.media.length).toBeGreaterThan(0)
      for (const media of item.media) isLead(media.url)
    }
  })

  it('rss-parser (RSS): enclosure', async () => {
    const item = harbourOf((await new RSSParser().parseString(rss)).items)
    isLead(item.enclosure?.url)
    expect(item.enclosure?.type).toBe('image/jpeg')
  })

  /**
   * Miniflux v2, commit 106cdd09e1557222303f3ed1376e1dadf0638621: internal/reader/rss/adapter.go
   * `findEntryEnclosures` appends every item-level media:thumbnail, then every <enclosure>, then
   * media:content (then media:peerLink), skipping URLs already seen; the first image enclosure is
   * what it shows. internal/reader/atom/atom_10_adapter.go `populateEntries`: media:thumbnail,
   * then link rel="enclosure", then media:content. internal/reader/json/adapter.go: only
   * `attachments` become enclosures (item `image` is not read).
   */
  it('Miniflux: media:thumbnail, then enclosure, then media:content; JSON Feed attachments only', () => {
    const item = harbourElement(rss, 'item')
    const rssOrder = [
      ...media(item, 'thumbnail').map((e) => e.attributes.url),
      ...children(item, 'enclosure').map((e) => e.attributes.url),
      ...media(item, 'content').map((e) => e.attributes.url),
    ].filter((url) => url !== undefined && url !== '')
    expect(rssOrder.length).toBeGreaterThan(0)
    for (const url of rssOrder) isLead(url)
    const entry = harbourElement(atom, 'entry')
    const atomOrder = [
      ...media(entry, 'thumbnail').map((e) => e.attributes.url),
      ...children(entry, 'link')
        .filter((e) => e.attributes.rel === 'enclosure')
        .map((e) => e.attributes.href),
      ...media(entry, 'content').map((e) => e.attributes.url),
    ]
    isLead(atomOrder[0])
    const jsonItem = (JSON.parse(json) as { items: { url: string; attachments?: { url: string }[] }[] }).items.find(
      (i) => i.url.endsWith('/harbour'),
    )
    isLead(jsonItem?.attachments?.[0]?.url)
  })

  /**
   * SimplePie, commit dca4bf5a494d5192167fb8ba99e78dc9bdb1523b: src/Item.php `get_thumbnail()`
   * returns the first item-level media:thumbnail's `url`; `get_enclosures()` lists <enclosure>
   * (RSS 2.0) and link rel="enclosure" (Atom), each with the item's media:thumbnail as its
   * thumbnail. FreshRSS asks get_thumbnail() first, then the enclosures' thumbnails, then an
   * image enclosure, then the first <img> of the content (issue 17): each step that finds a
   * picture here finds the lead.
   */
  it('SimplePie / FreshRSS: get_thumbnail(), then enclosure thumbnails, then an image enclosure', () => {
    for (const [xml, tag] of [
      [rss, 'item'],
      [atom, 'entry'],
    ] as const) {
      const item = harbourElement(xml, tag)
      isLead(media(item, 'thumbnail')[0]?.attributes.url)
      const enclosure =
        tag === 'item'
          ? children(item, 'enclosure')[0]
          : children(item, 'link').find((e) => e.attributes.rel === 'enclosure')
      expect(enclosure?.attributes.type).toMatch(/^image\//)
      isLead(enclosure?.attributes.url ?? enclosure?.attributes.href)
    }
  })
})

const MEDIA = 'http://search.yahoo.com/mrss/'

/** Item-level Media RSS elements by local name (namespace-aware, as both readers' parsers are). */
const media = (item: XMLElement, local: string): XMLElement[] =>
  item.children.filter((child) => child.uri === MEDIA && child.name.split(':').at(-1) === local)

/** The harbour article's <item> (RSS) or <entry> (Atom). */
const harbourElement = (xml: string, tag: 'item' | 'entry'): XMLElement => {
  const { root } = parseXMLStrict(xml)
  const items = tag === 'item' ? children(only(root, 'channel'), 'item') : children(root, 'entry')
  const found = items.find((item) =>
    tag === 'item' ? only(item, 'link').text.endsWith('/harbour') : only(item, 'id').text.endsWith(':p-1'),
  )
  if (!found) throw new Error(`no harbour ${tag}`)
  return found
}

type HTMLNode = DefaultTreeAdapterMap['node']
type HTMLElement = DefaultTreeAdapterMap['element']
const isElement = (node: HTMLNode): node is HTMLElement => 'tagName' in node
const allElements = (node: HTMLNode): HTMLElement[] => {
  const own = isElement(node) ? [node] : []
  const kids = 'childNodes' in node ? node.childNodes.flatMap(allElements) : []
  return [...own, ...kids]
}
const attr = (element: HTMLElement | undefined, name: string): string | undefined =>
  element?.attrs.find((a) => a.name === name)?.value
const textOf = (node: HTMLNode): string =>
  'value' in node && node.nodeName === '#text'
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map(textOf).join('')
      : ''

describe('the article page', () => {
  let elements: HTMLElement[]
  beforeAll(async () => {
    elements = allElements(parse(await (await get('/articles/harbour')).text()))
  })
  const meta = (key: string) =>
    attr(
      elements.find((e) => e.tagName === 'meta' && (attr(e, 'property') === key || attr(e, 'name') === key)),
      'content',
    )

  it('shows the lead and the figure as <figure><picture> with AVIF and WebP sources, JPEG srcset and size', () => {
    const figures = elements.filter((e) => e.tagName === 'figure')
    expect(figures).toHaveLength(2)
    for (const [figure, plan] of [
      [figures[0], LEAD],
      [figures[1], FIGURE],
    ] as const) {
      const inside = allElements(figure as HTMLElement)
      const sources = inside.filter((e) => e.tagName === 'source')
      expect(sources.map((s) => attr(s, 'type'))).toEqual(['image/avif', 'image/webp'])
      const widths = [...new Set(plan.variants.map((v) => v.width))]
      expect(attr(sources[0], 'srcset')).toBe(
        widths.map((w) => `${ORIGIN}/media/${plan.fingerprint}/${w}.avif ${w}w`).join(', '),
      )
      const img = inside.find((e) => e.tagName === 'img')
      expect(attr(img, 'srcset')).toBe(
        widths.map((w) => `${ORIGIN}/media/${plan.fingerprint}/${w}.jpg ${w}w`).join(', '),
      )
      expect(attr(img, 'sizes')).toBeTruthy()
      expect(attr(img, 'width')).toBe(String(plan.width))
      expect(attr(img, 'height')).toBe(String(plan.height))
      expect(attr(img, 'decoding')).toBe('async')
    }
    const [lead, figure] = figures.map((f) => allElements(f).find((e) => e.tagName === 'img'))
    expect([attr(lead, 'fetchpriority'), attr(lead, 'loading')]).toEqual(['high', undefined])
    expect([attr(figure, 'fetchpriority'), attr(figure, 'loading')]).toEqual([undefined, 'lazy'])
  })

  it('writes markup in alt, caption and credit as text', () => {
    const [lead, figure] = elements.filter((e) => e.tagName === 'figure')
    expect(
      attr(
        allElements(lead as HTMLElement).find((e) => e.tagName === 'img'),
        'alt',
      ),
    ).toBe('Ships <b>at</b> dawn & "fog"')
    const caption = allElements(lead as HTMLElement).find((e) => e.tagName === 'figcaption') as HTMLElement
    expect(textOf(caption)).toBe('The harbour <script>alert(1)</script> Photo: Ivan Petrov / TASS')
    expect(allElements(caption).map((e) => e.tagName)).toEqual(['figcaption', 'small'])
    expect(
      attr(
        allElements(figure as HTMLElement).find((e) => e.tagName === 'img'),
        'alt',
      ),
    ).toBe('Night <i>view</i>')
    expect(
      elements.filter((e) => ['script', 'b', 'i'].includes(e.tagName) && attr(e, 'type') !== 'application/ld+json'),
    ).toEqual(elements.filter((e) => e.tagName === 'script' && attr(e, 'src') === '/copy.js'))
  })

  it('names the lead for link previews, with its size, and in JSON-LD as an ImageObject', () => {
    expect(meta('og:image')).toBe(LEAD_JPEG)
    expect(meta('og:image:width')).toBe('360')
    expect(meta('og:image:height')).toBe('225')
    expect(meta('twitter:card')).toBe('summary_large_image')
    expect(meta('twitter:image')).toBe(LEAD_JPEG)
    const ld = JSON.parse(textOf(elements.find((e) => attr(e, 'type') === 'application/ld+json') as HTMLElement))
    expect(ld.image).toEqual({
      '@type': 'ImageObject',
      url: LEAD_JPEG,
      width: 360,
      height: 225,
      caption: 'The harbour <script>alert(1)</script>',
      creditText: 'Photo: Ivan Petrov / TASS',
      copyrightNotice: 'Photo: Ivan Petrov / TASS',
    })
  })

  it('names the site icon in the head: SVG and 32 px PNG, apple-touch-icon, manifest', () => {
    const links = elements.filter((e) => e.tagName === 'link').map((e) => [attr(e, 'rel'), attr(e, 'href')])
    expect(links).toEqual(
      expect.arrayContaining([
        ['icon', '/favicon.svg'],
        ['icon', `${ORIGIN}/icon-32.png`],
        ['apple-touch-icon', '/apple-touch-icon.png'],
        ['manifest', '/manifest.webmanifest'],
      ]),
    )
  })
})

describe('serving pictures and icons', () => {
  const key = (): string => LEAD.variants.find((v) => v.format === 'jpeg')?.key as string

  it('answers a variant immutable for a year, with a strong ETag and Accept-Ranges', async () => {
    const response = await get(key())
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/)
    expect(response.headers.get('Accept-Ranges')).toBe('bytes')
    expect(response.headers.get('Content-Type')).toBe('image/jpeg')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(bytes.length).toBe(Number(response.headers.get('Content-Length')))
    // JPEG SOI marker.
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  })

  it('answers one range with 206 and Content-Range, the bytes R2 holds there (RFC 9110 §14)', async () => {
    const whole = new Uint8Array(await (await get(key())).arrayBuffer())
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=100-', 100, whole.length - 1],
      ['bytes=-50', whole.length - 50, whole.length - 1],
      [`bytes=10-${whole.length + 1000}`, 10, whole.length - 1],
    ] as const) {
      const response = await get(key(), { headers: { Range: range } })
      expect(response.status, range).toBe(206)
      expect(response.headers.get('Content-Range')).toBe(`bytes ${start}-${end}/${whole.length}`)
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(whole.subarray(start, end + 1))
    }
  })

  it('answers an unsatisfiable range 416 with the length, and ignores several ranges or a stale If-Range', async () => {
    const size = (await env.ARCHIVE.head(key()))?.size as number
    const unsatisfiable = await get(key(), { headers: { Range: `bytes=${size}-` } })
    expect(unsatisfiable.status).toBe(416)
    expect(unsatisfiable.headers.get('Content-Range')).toBe(`bytes */${size}`)
    const several = await get(key(), { headers: { Range: 'bytes=0-1,5-6' } })
    expect(several.status).toBe(200)
    await several.arrayBuffer()
    const etag = (await get(key(), { method: 'HEAD' })).headers.get('ETag') as string
    const stale = await get(key(), { headers: { Range: 'bytes=0-9', 'If-Range': '"other"' } })
    expect(stale.status).toBe(200)
    await stale.arrayBuffer()
    const current = await get(key(), { headers: { Range: 'bytes=0-9', 'If-Range': etag } })
    expect(current.status).toBe(206)
    await current.arrayBuffer()
    const notModified = await get(key(), { headers: { 'If-None-Match': etag, Range: 'bytes=0-9' } })
    expect(notModified.status).toBe(304)
  })

  it('answers 404 for a variant never published, and serves /favicon.ico as an ICO', async () => {
    expect((await get(`/media/${'0'.repeat(16)}/320.jpg`)).status).toBe(404)
    const favicon = await get('/favicon.ico')
    expect(favicon.headers.get('Content-Type')).toBe('image/x-icon')
    // ICONDIR: reserved 0, type 1 (icon).
    expect([...new Uint8Array(await favicon.arrayBuffer()).subarray(0, 4)]).toEqual([0, 0, 1, 0])
    expect((await get('/manifest.webmanifest')).headers.get('Content-Type')).toBe('application/manifest+json')
  })
})

describe('removing the last article that uses a picture', () => {
  it('takes the picture out of feeds and pages, and keeps its variants (immutable; caches may name them)', async () => {
    const removed = await publishPictures(contentOf([['quay', quay]]))
    expect(removed.summary.articles.removed).toBe(1)
    const rss = await (await get('/feed.xml')).text()
    expect(rss).not.toContain(FIGURE.fingerprint)
    expect(await (await get('/articles/harbour')).status).toBe(410)
    const kept = await get(FIGURE.variants[0]?.key as string)
    expect(kept.status).toBe(200)
    await kept.arrayBuffer()
  })
})
