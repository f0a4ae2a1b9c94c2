/**
 * The thumbnail Python and Go readers show is the lead picture: our RSS, Atom and JSON Feed
 * (rendered by the publisher's own renderers from an article with a lead and a figure) parsed by
 * - feedparser 6.0 (Python; Debian's python3-feedparser), what many aggregators and scripts use:
 *   `entries[i].media_thumbnail`, `.enclosures` (feedparser/namespaces/mediarss.py,
 *   feedparser/mixin.py `_start_enclosure`);
 * - gofeed v1.3.0 (Go; tests/interop/go): `Item.Image` (translator.go `translateItemImage`: an
 *   image media:content, then an image enclosure, then the content's first <img>; Atom items get
 *   no image; JSON Feed `image`) and `Item.Enclosures`.
 *
 * Both run as the real programs, in processes of their own. They are not npm packages: `.ci/run`
 * installs them (Debian: python3-feedparser, golang-go, golang-github-mmcdole-gofeed-dev) and sets
 * READERS_REQUIRED=1, so that CI fails without them; elsewhere the suite says what it skipped.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../content/load.ts'
import { renderAtom } from '../../src/publisher/feed/atom.ts'
import { buildFeedModel } from '../../src/publisher/feed/build.ts'
import { buildCatalog } from '../../src/publisher/feed/catalog.ts'
import { renderJSONFeed } from '../../src/publisher/feed/json-feed.ts'
import type { FeedModel } from '../../src/publisher/feed/model.ts'
import { enclosureOf, thumbnailOf } from '../../src/publisher/feed/picture.ts'
import { renderRSS } from '../../src/publisher/feed/rss.ts'
import { article } from '../fixtures/article.ts'
import { fixtureSite } from '../fixtures/site.ts'
import { fixtureCatalogMedia } from '../helpers/encoded-pictures.ts'
import { pythonWith, READERS_REQUIRED, runs } from '../helpers/external-programs.ts'

const ROOT = join(import.meta.dirname, '../..')
const ORIGIN = 'https://news.example'
const work = mkdtempSync(join(tmpdir(), 'reader-thumbnails-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const python = pythonWith('feedparser')
const feedparserPresent = python !== undefined
const goPresent = runs('go', ['version'])
const required = READERS_REQUIRED
if (!required && !(feedparserPresent && goPresent))
  console.warn(
    'reader-thumbnails: skipping feedparser and/or gofeed (not installed; .ci/run installs them: ' +
      'apt-get install python3-feedparser golang-go golang-github-mmcdole-gofeed-dev)',
  )

// An article with a lead and a figure, and one without a picture (nothing may be invented for it).
const content = loadContent(fixtureSite, [
  [
    'harbour',
    article({
      id: 'p-1',
      title: 'Harbour reopens',
      published: '2026-11-02T10:00:00Z',
      image: { src: 'lead.jpg', alt: 'Ships at dawn', caption: 'The harbour', credit: 'Photo: Ivan Petrov / TASS' },
      body: [['First.'], { figure: { src: 'figure.png', alt: 'Night view', credit: 'Photo: A & B' } }, ['Second.']],
    }),
  ],
  ['plain', article({ id: 'p-2', title: 'No picture', published: '2026-11-01T10:00:00Z' })],
])
const { pictures: table, icons } = fixtureCatalogMedia(content, ORIGIN)
const catalog = buildCatalog(content, { pictures: table, icons })
const model = buildFeedModel(catalog, { origin: ORIGIN }) as FeedModel
const lead = table.get('lead.jpg')
if (!lead) throw new Error('no lead picture in the table')
const LEAD_ENCLOSURE = enclosureOf(lead).url
const LEAD_THUMBNAIL = thumbnailOf(lead).url
const FIGURE_FINGERPRINT = table.get('figure.png')?.fingerprint as string
const feeds = { rss: renderRSS(model), atom: renderAtom(model), json: renderJSONFeed(model) }

const HARBOUR = `${ORIGIN}/articles/harbour`
const PLAIN = `${ORIGIN}/articles/plain`

type FeedparserEntry = {
  link: string
  media_thumbnail?: { url: string }[]
  enclosures?: { href: string; type: string; length: string }[]
}
type FeedparserResult = { bozo: number; bozo_exception?: string; version: string; entries: FeedparserEntry[] }

/** feedparser.parse() of a feed's text, the fields read here as JSON. */
const feedparser = (text: string): FeedparserResult => {
  const script = [
    'import json, sys, feedparser',
    'd = feedparser.parse(sys.stdin.read())',
    "keys = ('link', 'media_thumbnail', 'enclosures')",
    'print(json.dumps({"bozo": int(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")), "version": d.version,',
    '  "entries": [{k: e[k] for k in keys if k in e} for e in d.entries]}))',
  ].join('\n')
  return JSON.parse(execFileSync(python as string, ['-c', script], { input: text, encoding: 'utf8' }))
}

type GofeedItem = {
  link: string
  image?: { url: string }
  enclosures?: { url: string; type: string; length: string }[]
}
type GofeedResult = { feedType: string; image?: { url: string }; items: GofeedItem[] }

const probe = join(work, 'gofeed-probe')
/** gofeed's Parse() of a feed's text (tests/interop/go/src/gofeed-probe). */
const gofeed = (text: string): GofeedResult => JSON.parse(execFileSync(probe, { input: text, encoding: 'utf8' }))

const itemOf = <T extends { link: string }>(items: readonly T[], link: string): T => {
  const item = items.find((candidate) => candidate.link === link)
  if (!item) throw new Error(`no item ${link} among ${items.map((i) => i.link).join(', ')}`)
  return item
}

describe.skipIf(!required && !feedparserPresent)('feedparser (Python)', () => {
  it('parses RSS and Atom as well-formed (no bozo flag), each as its own version', () => {
    for (const [format, version] of [
      ['rss', 'rss20'],
      ['atom', 'atom10'],
    ] as const) {
      const parsed = feedparser(feeds[format])
      expect(parsed.bozo_exception).toBe('')
      expect(parsed.bozo).toBe(0)
      expect(parsed.version).toBe(version)
    }
  })

  it('gives the lead as media_thumbnail and as the only enclosure, in RSS and Atom', () => {
    for (const format of ['rss', 'atom'] as const) {
      const { entries } = feedparser(feeds[format])
      const harbour = itemOf(entries, HARBOUR)
      expect(harbour.media_thumbnail?.[0]?.url).toBe(LEAD_THUMBNAIL)
      expect(harbour.enclosures).toEqual([
        { href: LEAD_ENCLOSURE, type: 'image/jpeg', length: String(enclosureOf(lead).length) },
      ])
      // The figure is in the full text, never offered as the item's picture.
      expect(JSON.stringify(harbour)).not.toContain(FIGURE_FINGERPRINT)
      const plain = itemOf(entries, PLAIN)
      expect(plain.media_thumbnail ?? []).toEqual([])
      expect(plain.enclosures ?? []).toEqual([])
    }
  })
})

describe.skipIf(!required && !goPresent)('gofeed (Go)', () => {
  beforeAll(() => {
    const cache = join(ROOT, 'node_modules/.cache/go-build')
    mkdirSync(cache, { recursive: true })
    execFileSync('go', ['build', '-o', probe, 'gofeed-probe'], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
      // GOPATH mode: our copies of gofeed, goxpp and goquery first, Debian's packages of the rest.
      env: {
        ...process.env,
        GO111MODULE: 'off',
        GOPATH: `${join(ROOT, 'tests/interop/go')}:/usr/share/gocode`,
        GOCACHE: cache,
        GOFLAGS: '',
      },
    })
  }, 120_000)

  it('reads each format as what it is', () => {
    expect(gofeed(feeds.rss).feedType).toBe('rss')
    expect(gofeed(feeds.atom).feedType).toBe('atom')
    expect(gofeed(feeds.json).feedType).toBe('json')
  })

  it('gives the lead as Item.Image in RSS and JSON Feed, and as the only enclosure in RSS and Atom', () => {
    const rss = gofeed(feeds.rss)
    const atom = gofeed(feeds.atom)
    const json = gofeed(feeds.json)
    // RSS: media:content medium="image" comes first in translateItemImage; it names the lead.
    expect(itemOf(rss.items, HARBOUR).image?.url).toMatch(new RegExp(`/media/${lead.fingerprint}/`))
    // JSON Feed: the item's `image`, the lead.
    expect(itemOf(json.items, HARBOUR).image?.url).toMatch(new RegExp(`/media/${lead.fingerprint}/`))
    for (const parsed of [rss, atom]) {
      const harbour = itemOf(parsed.items, HARBOUR)
      expect(harbour.enclosures?.map((e) => [e.url, e.type])).toEqual([[LEAD_ENCLOSURE, 'image/jpeg']])
      expect(JSON.stringify([harbour.image, harbour.enclosures])).not.toContain(FIGURE_FINGERPRINT)
    }
    for (const parsed of [rss, atom, json]) {
      const plain = itemOf(parsed.items, PLAIN)
      expect(plain.image).toBeUndefined()
      expect(plain.enclosures ?? []).toEqual([])
    }
  })

  // translateFeedImage: RSS <image>, Atom logo (then icon), JSON Feed icon.
  it('gives the feed the site icon as its image: RSS <image>, Atom logo, JSON Feed icon', () => {
    expect(gofeed(feeds.rss).image?.url).toBe(icons.png64)
    expect(gofeed(feeds.atom).image?.url).toBe(icons.png512)
    expect(gofeed(feeds.json).image?.url).toBe(icons.png512)
  })
})
