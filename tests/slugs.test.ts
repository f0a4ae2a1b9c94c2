/**
 * Slugs from headlines in any script: `npm run new` makes readable ones (romanized Cyrillic
 * and Greek, Arabic and Hebrew letters kept), the content check accepts them, and articles
 * made by `npm run new` (a 120-character headline, one in Russian, one in Arabic) are linked at
 * their percent-encoded URLs in every feed and the sitemap, which the route decodes.
 */
import { exports } from 'cloudflare:workers'
import { parseAtomFeed, parseRssFeed } from 'feedsmith'
import { beforeAll, describe, expect, it } from 'vitest'
import { findContentProblems, loadContent } from '../content/load.ts'
import { renderAtom } from '../src/publisher/feed/atom.ts'
import { buildFeedModel } from '../src/publisher/feed/build.ts'
import { buildCatalog } from '../src/publisher/feed/catalog.ts'
import { renderJSONFeed } from '../src/publisher/feed/json-feed.ts'
import type { FeedModel } from '../src/publisher/feed/model.ts'
import { renderRSS } from '../src/publisher/feed/rss.ts'
import { renderSitemapPart, sitemapParts } from '../src/publisher/feed/sitemap.ts'
import { slugFromHeadline } from '../src/publisher/scaffold/scaffold.ts'
import { NEW_ARTICLES, scaffolded } from './fixtures/new-articles.ts'
import { fixtureSite as site } from './fixtures/site.ts'
import { publishContent, seedContent } from './helpers/publish.ts'

const ORIGIN = 'http://publisher.test'
const content = loadContent(site, scaffolded())
const catalog = buildCatalog(content)
const model = buildFeedModel(catalog, { origin: ORIGIN }) as FeedModel

describe('slugs from headlines', () => {
  it.each([
    [
      'China, Russia to strengthen security cooperation – Chinese expert',
      'china-russia-to-strengthen-security-cooperation-chinese',
    ],
    ['Côte d’Ivoire: élections 2026!', 'cote-d-ivoire-elections-2026'],
    // Cyrillic: BGN/PCGN romanization of Russian, without diacritics.
    ['Россия и Китай укрепят сотрудничество', 'rossiya-i-kitay-ukrepyat-sotrudnichestvo'],
    ['Ельцин, объём и подъезд: Щёлково', 'yeltsin-obyem-i-podyezd-shchelkovo'],
    ['Україна та Євросоюз', 'ukrayina-ta-yevrosoyuz'],
    // Greek: ELOT 743.
    ['Αθήνα: η Ευρώπη και η Μπουμπουλίνα', 'athina-i-evropi-kai-i-boumpoulina'],
    ['Άγγελος, Αϊτή, αύριο', 'angelos-aiti-avrio'],
    // No single simple standard: the letters are kept.
    ['صندوق النقد الدولي يتوقع نمو 3٪', 'صندوق-النقد-الدولي-يتوقع-نمو-3'],
    ['ישראל ומצרים חותמות על הסכם גז', 'ישראל-ומצרים-חותמות-על-הסכם-גז'],
    ['हिन्दी समाचार', 'हिन्दी-समाचार'],
    ['日本', '日本'],
    ['Straße, Łódź, Ærø', 'strasse-lodz-aero'],
  ])('%s → %s', (headline, slug) => {
    expect(slugFromHeadline(headline)).toBe(slug)
    expect(findContentProblems(site, [[slug, scaffolded()[0]?.[1] as never]])).toEqual([])
  })

  it('refuses a slug with capitals in any script', () => {
    for (const slug of ['Россия', 'Αθήνα', 'rossiya-', 'صندوق--النقد'])
      expect(findContentProblems(site, [[slug, scaffolded()[0]?.[1] as never]]).map((p) => p.field)).toEqual([
        'slug (file name)',
      ])
  })

  it('keeps at most 60 code points, on a word boundary, counting code points rather than UTF-16 units', () => {
    const emoji = `${'𝔘𝔫𝔦 '.repeat(20)}end`
    expect(Array.from(slugFromHeadline(emoji)).length).toBeLessThanOrEqual(60)
    const arabic = slugFromHeadline('الاقتصاد '.repeat(12))
    expect(Array.from(arabic).length).toBe(8 * 6 + 5)
    // A script written without spaces is cut between graphemes.
    expect(Array.from(slugFromHeadline('東'.repeat(80))).length).toBe(60)
  })
})

describe('articles made by npm run new', () => {
  it('get readable slugs, within 60 code points', () => {
    expect(NEW_ARTICLES.map(({ headline }) => headline.length)[0]).toBe(120)
    expect(NEW_ARTICLES.map(({ slug }) => slug)).toEqual([
      'central-banks-of-europe-asia-and-the-americas-hold-rates',
      'rossiya-i-kitay-ukrepyat-sotrudnichestvo-v-sfere',
      'صندوق-النقد-الدولي-يتوقع-نمو-الاقتصاد-العالمي-بنسبة-3-هذا',
    ])
  })

  for (const { headline, slug } of NEW_ARTICLES) {
    const path = `/articles/${encodeURIComponent(slug)}`

    it(`links "${headline.slice(0, 24)}…" at its percent-encoded URL in every feed and the sitemap`, async () => {
      const rss = parseRssFeed(renderRSS(model))
      expect(rss.items?.find((item) => item.title === headline)?.link).toBe(`${ORIGIN}${path}`)
      const atom = parseAtomFeed(renderAtom(model))
      expect(atom.entries?.find((entry) => entry.title?.value === headline)?.links?.[0]?.href).toBe(`${ORIGIN}${path}`)
      const json = JSON.parse(renderJSONFeed(model))
      expect(json.items.find((item: { title: string }) => item.title === headline)?.url).toBe(`${ORIGIN}${path}`)
      expect(sitemapParts(catalog, ORIGIN).map(renderSitemapPart).join('')).toContain(`<loc>${ORIGIN}${path}</loc>`)
    })

    it(`finds "${headline.slice(0, 24)}…" by the slug its URL decodes to, as /articles/:slug does`, () => {
      const segment = new URL(`${ORIGIN}${path}`).pathname.split('/')[2] ?? ''
      expect(segment).toMatch(/^[\x21-\x7e]+$/)
      expect(catalog.bySlug.get(decodeURIComponent(segment))?.title).toBe(headline)
    })
  }
})

describe('through the Worker', () => {
  beforeAll(() => publishContent(seedContent()))

  it('decodes a percent-encoded article path before looking up the slug', async () => {
    const encoded = '/articles/%63hina-russia-security-cooperation'
    const response = await exports.default.fetch(new Request(`${ORIGIN}${encoded}`))
    expect(response.status).toBe(200)
  })

  it('serves the three new articles at the URLs every feed and the sitemap give them', async () => {
    await publishContent(content)
    const feed = (await (await exports.default.fetch(`${ORIGIN}/feed.json`)).json()) as {
      items: { url: string; title: string }[]
    }
    const sitemap = await (await exports.default.fetch(`${ORIGIN}/sitemaps/articles-1.xml`)).text()
    for (const { headline, slug } of NEW_ARTICLES) {
      const url = feed.items.find((item) => item.title === headline)?.url
      expect(url).toBe(`${ORIGIN}/articles/${encodeURIComponent(slug)}`)
      expect(sitemap).toContain(`<loc>${url}</loc>`)
      const page = await exports.default.fetch(url as string)
      expect(page.status, slug).toBe(200)
      expect(await page.text()).toContain(`<h1`)
    }
  })
})
