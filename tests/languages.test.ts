/**
 * Languages and translations (issue 19): a path prefix per language other than the site's, the
 * language's own feeds, home and tag pages, feeds that carry their language and each item's where
 * it differs, hreflang pairs both ways (pages, Atom, sitemap), autodiscovery of the page's own
 * language first, and the check's refusals.
 */
import { parseFeed as parseWithRowan } from '@rowanmanning/feed-parser'
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith'
import RSSParser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import { findContentProblems } from '../content/load.ts'
import type { ArticleInput } from '../content/schema.ts'
import {
  type DocumentRef,
  documentPaths,
  htmlPath,
  listPath,
  parsePath,
  resolvePath,
  topicPath,
} from '../src/archive/paths.ts'
import { renderAtom } from '../src/publisher/feed/atom.ts'
import { buildFeedModel } from '../src/publisher/feed/build.ts'
import { buildCatalog } from '../src/publisher/feed/catalog.ts'
import { renderJSONFeed } from '../src/publisher/feed/json-feed.ts'
import type { FeedModel } from '../src/publisher/feed/model.ts'
import { renderRSS } from '../src/publisher/feed/rss.ts'
import { renderSitemapPart, sitemapParts } from '../src/publisher/feed/sitemap.ts'
import { type PageContext, renderArticlePage, renderListPage } from '../src/publisher/pages/render.tsx'
import { planDocuments } from '../src/publisher/publish/plan.ts'
import { validArticle } from './fixtures/article.ts'
import { bilingualContent, bilingualEntries, talksEN, weatherRU } from './fixtures/bilingual.ts'
import { fixtureSite } from './fixtures/site.ts'
import { publishContent } from './helpers/publish.ts'
import { get, ORIGIN as WORKER_ORIGIN } from './helpers/worker.ts'
import { children, only, parseXMLStrict, type XMLElement } from './helpers/xml.ts'

const ORIGIN = 'https://news.example.com'
const content = bilingualContent()
const catalog = buildCatalog(content)

const modelOf = (ref: DocumentRef): FeedModel => {
  const model = buildFeedModel(catalog, { origin: ORIGIN, ...ref })
  if (!model) throw new Error(`no document ${JSON.stringify(ref)}`)
  return model
}

const url = (slug: string): string => `${ORIGIN}/articles/${encodeURIComponent(slug)}`
const EN = url('russia-china-talks')
const RU = url('россия-китай-переговоры')
const AR = url('روسيا-الصين')
const SNOW = url('первый-снег')

const context: PageContext = { catalog, origin: ORIGIN, siteModel: modelOf({}) }
const entryOf = (id: string) => {
  const entry = catalog.entries.find((e) => e.contentId === id)
  if (!entry) throw new Error(`no entry ${id}`)
  return entry
}

/** `<link …>` elements of an HTML page's head, as attribute maps, in document order. */
const headLinks = (html: string): Record<string, string>[] =>
  [...(html.split('</head>')[0] ?? '').matchAll(/<link ([^>]*)>/g)].map((match) =>
    Object.fromEntries([...(match[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  )

const hreflangs = (links: readonly Record<string, string>[]): [string, string][] =>
  links.filter((l) => l.rel === 'alternate' && l.hreflang).map((l) => [l.hreflang as string, l.href as string])

describe('the URL table', () => {
  it('prefixes a language with its lower-case primary subtag and reads every path back', () => {
    const refs: DocumentRef[] = [
      { language: 'ru' },
      { language: 'ru', page: 2 },
      { language: 'ru', tag: 'погода' },
      { language: 'ru', tag: 'погода', page: 3 },
    ]
    expect(documentPaths({ language: 'ru' })).toEqual({
      html: '/ru/',
      rss: '/ru/feed.xml',
      atom: '/ru/atom.xml',
      json: '/ru/feed.json',
    })
    expect(htmlPath({ language: 'pt-BR', tag: 'x' })).toBe('/pt/tags/x')
    for (const ref of refs)
      for (const format of ['html', 'rss', 'atom', 'json'] as const) {
        const path = listPath(ref, format)
        expect(parsePath(path), path).toEqual({ kind: 'list', ref: { ...ref }, format })
        expect(resolvePath(path)?.key).toBe(path)
      }
  })

  it("keeps the site's unprefixed URLs as they were", () => {
    expect(documentPaths({})).toEqual({ html: '/', rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' })
    expect(parsePath('/tags/china/archive/2/atom.xml')).toEqual({
      kind: 'list',
      ref: { tag: 'china', page: 2 },
      format: 'atom',
    })
    expect(parsePath('/archive/1')).toMatchObject({ ref: { page: 1 } })
  })

  it('names nothing for a bare prefix, an upper-case one or a prefix of four letters', () => {
    for (const path of ['/ru', '/RU/', '/RU/feed.xml', '/russ/feed.xml', '/ru//feed.xml', '/ru/tags/'])
      expect(parsePath(path), path).toBeUndefined()
  })

  it("makes a language's subscription feeds WebSub topics, and not its archive pages", () => {
    expect(topicPath('/ru/feed.xml')).toBe('/ru/feed.xml')
    expect(topicPath('/ru/tags/x/atom.xml')).toBe('/ru/tags/x/atom.xml')
    expect(topicPath('/ru/archive/1/feed.xml')).toBeUndefined()
  })
})

describe("a language's documents", () => {
  const paths = [...planDocuments(catalog, ORIGIN, new Map(catalog.entries.map((e) => [e.slug, e.contentId])))].map(
    (document) => document.path,
  )

  it('are planned for each language with articles other than the site’s, with their tags', () => {
    for (const path of ['/ru/', '/ru/feed.xml', '/ru/atom.xml', '/ru/feed.json', '/ar/', '/ar/feed.xml'])
      expect(paths).toContain(path)
    expect(paths).toContain(listPath({ language: 'ru', tag: 'погода' }, 'rss'))
    expect(paths).toContain(listPath({ language: 'ru', tag: 'diplomacy' }, 'html'))
    // The Arabic article is not tagged Погода: no such page under /ar/.
    expect(paths).not.toContain(listPath({ language: 'ar', tag: 'погода' }, 'html'))
    expect(paths.filter((path) => path.startsWith('/en/'))).toEqual([])
  })

  it("hold only the language's articles, while the site's feeds keep every article", () => {
    expect(modelOf({ language: 'ru' }).items.map((item) => item.url)).toEqual([RU, SNOW])
    expect(modelOf({ language: 'ar' }).items.map((item) => item.url)).toEqual([AR])
    expect(modelOf({}).items.map((item) => item.url)).toEqual([AR, RU, EN, SNOW])
    expect(modelOf({ language: 'ru', tag: 'diplomacy' }).items.map((item) => item.url)).toEqual([RU])
    expect(buildFeedModel(catalog, { origin: ORIGIN, language: 'en' })).toBeUndefined()
    expect(buildFeedModel(catalog, { origin: ORIGIN, language: 'de' })).toBeUndefined()
  })

  it('have their own permanent ids, which leave the site’s ids as they were', () => {
    expect(modelOf({}).id).toBe('tag:newswire.example,2026:feed')
    expect(modelOf({ language: 'ru' }).id).toBe('tag:newswire.example,2026:feed:language:ru')
    expect(modelOf({ language: 'ru', tag: 'diplomacy' }).id).toBe(
      'tag:newswire.example,2026:feed:language:ru:tag:diplomacy',
    )
  })
})

describe('a language feed in three formats', () => {
  const model = modelOf({ language: 'ru' })
  const rss = renderRSS(model)
  const atom = renderAtom(model)
  const json = renderJSONFeed(model)

  it('is RSS 2.0 with <language>ru, self link at /ru/feed.xml, and dc:language only on the ru-RU item', async () => {
    const channel = only(parseXMLStrict(rss).root, 'channel')
    expect(only(channel, 'language').text).toBe('ru')
    const self = children(channel, 'atom:link').find((link) => link.attributes.rel === 'self')
    expect(self?.attributes.href).toBe(`${ORIGIN}/ru/feed.xml`)
    const items = children(channel, 'item')
    expect(items.map((item) => children(item, 'dc:language').map((l) => l.text))).toEqual([[], ['ru-RU']])
    const a = parseRssFeed(rss)
    expect(a.language).toBe('ru')
    expect(a.items?.map((item) => item.link)).toEqual([RU, SNOW])
    expect(a.items?.map((item) => item.dc?.languages)).toEqual([undefined, ['ru-RU']])
    const b = parseWithRowan(rss)
    expect(b.language).toBe('ru')
    expect(b.items.map((item) => item.title)).toEqual([entryOf('talks-ru').title, weatherRU.title])
    const c = await new RSSParser().parseString(rss)
    expect(c.language).toBe('ru')
    expect(c.items.map((item) => item.link)).toEqual([RU, SNOW])
  })

  it('is Atom with xml:lang="ru" on the feed and on no entry but the ru-RU one', () => {
    const { root } = parseXMLStrict(atom)
    expect(root.attributes['xml:lang']).toBe('ru')
    expect(children(root, 'entry').map((entry) => entry.attributes['xml:lang'])).toEqual([undefined, 'ru-RU'])
    const a = parseAtomFeed(atom)
    expect(a.entries?.map((entry) => entry.id)).toEqual([entryOf('talks-ru').id, entryOf('weather-ru').id])
    expect(parseWithRowan(atom).language).toBe('ru')
  })

  it('is JSON Feed 1.1 with language "ru" and each item’s own', () => {
    const feed = JSON.parse(json)
    expect(feed.language).toBe('ru')
    expect(feed.feed_url).toBe(`${ORIGIN}/ru/feed.json`)
    expect(feed.home_page_url).toBe(`${ORIGIN}/ru/`)
    expect(feed.items.map((item: { language: string }) => item.language)).toEqual(['ru', 'ru-RU'])
    expect(parseJsonFeed(feed).items?.map((item) => item.url)).toEqual([RU, SNOW])
  })

  it("marks the other languages' items in the site's feed (en): dc:language, xml:lang, language", () => {
    const site = modelOf({})
    const channel = only(parseXMLStrict(renderRSS(site)).root, 'channel')
    expect(only(channel, 'language').text).toBe('en')
    expect(children(channel, 'item').map((item) => children(item, 'dc:language')[0]?.text)).toEqual([
      'ar',
      'ru',
      undefined,
      'ru-RU',
    ])
    const { root } = parseXMLStrict(renderAtom(site))
    expect(children(root, 'entry').map((entry) => entry.attributes['xml:lang'])).toEqual([
      'ar',
      'ru',
      undefined,
      'ru-RU',
    ])
  })
})

describe('translations, linked both ways', () => {
  const atomEntries = (model: FeedModel): XMLElement[] => children(parseXMLStrict(renderAtom(model)).root, 'entry')
  /** Alternate links as [hreflang, href], the entry's own (no hreflang) first; children of an entry are unordered. */
  const alternates = (entry: XMLElement): [string | undefined, string | undefined][] =>
    children(entry, 'link')
      .filter((link) => (link.attributes.rel ?? 'alternate') === 'alternate')
      .map((link): [string | undefined, string | undefined] => [link.attributes.hreflang, link.attributes.href])
      .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))

  it('in Atom: each entry names every other version with rel="alternate" hreflang', () => {
    const [ar, ru, en, snow] = atomEntries(modelOf({})) as [XMLElement, XMLElement, XMLElement, XMLElement]
    expect(alternates(en)).toEqual([
      [undefined, EN],
      ['ar', AR],
      ['ru', RU],
    ])
    expect(alternates(ru)).toEqual([
      [undefined, RU],
      ['ar', AR],
      ['en', EN],
    ])
    expect(alternates(ar)).toEqual([
      [undefined, AR],
      ['en', EN],
      ['ru', RU],
    ])
    expect(alternates(snow)).toEqual([[undefined, SNOW]])
    // Also in a language's own feed, where the other versions are not items.
    const [ownRU] = atomEntries(modelOf({ language: 'ru' })) as [XMLElement]
    expect(alternates(ownRU)).toEqual(alternates(ru))
    // feedsmith reads them as links with hreflang.
    const parsed = parseAtomFeed(renderAtom(modelOf({})))
    expect(parsed.entries?.[2]?.links?.map((link) => link.hreflang).sort()).toEqual(['ar', 'ru', undefined])
  })

  it("in the pages' head: every version, itself included, on each of the three pages", async () => {
    const expected = [
      ['ar', AR],
      ['en', EN],
      ['ru', RU],
    ]
    for (const id of ['talks-en', 'talks-ru', 'talks-ar'])
      expect(hreflangs(headLinks(await renderArticlePage(context, entryOf(id)))), id).toEqual(expected)
    expect(hreflangs(headLinks(await renderArticlePage(context, entryOf('weather-ru'))))).toEqual([])
  })

  it("in the sitemap: xhtml:link alternates on each version's URL", () => {
    const part = sitemapParts(catalog, ORIGIN).find((p) => p.path.includes('articles'))
    if (!part) throw new Error('no articles part')
    const { root } = parseXMLStrict(renderSitemapPart(part))
    const byLoc = new Map(
      children(root, 'url').map((u) => [
        only(u, 'loc').text,
        children(u, 'xhtml:link').map((l) => [l.attributes.hreflang, l.attributes.href, l.uri]),
      ]),
    )
    const xhtml = 'http://www.w3.org/1999/xhtml'
    const expected = [
      ['ar', AR, xhtml],
      ['en', EN, xhtml],
      ['ru', RU, xhtml],
    ]
    expect(byLoc.get(EN)).toEqual(expected)
    expect(byLoc.get(RU)).toEqual(expected)
    expect(byLoc.get(AR)).toEqual(expected)
    expect(byLoc.get(SNOW)).toEqual([])
  })

  it("lists a language's home and tag pages in the sitemap", () => {
    const pages = sitemapParts(catalog, ORIGIN).find((p) => p.path.includes('pages'))
    expect(pages?.urls.map((u) => u.loc)).toEqual(
      expect.arrayContaining([`${ORIGIN}/`, `${ORIGIN}/ar/`, `${ORIGIN}/ru/`, `${ORIGIN}/ru/tags/diplomacy`]),
    )
  })
})

describe('autodiscovery', () => {
  const feedLinks = (html: string): string[] =>
    headLinks(html)
      .filter((l) => l.rel === 'alternate' && l.type?.startsWith('application/'))
      .map((l) => l.href as string)

  it("lists the page's own language feeds first, then the site's", async () => {
    const ru = feedLinks(await renderArticlePage(context, entryOf('talks-ru')))
    expect(ru).toEqual([
      `${ORIGIN}/ru/feed.xml`,
      `${ORIGIN}/ru/atom.xml`,
      `${ORIGIN}/ru/feed.json`,
      `${ORIGIN}/feed.xml`,
      `${ORIGIN}/atom.xml`,
      `${ORIGIN}/feed.json`,
    ])
    // ru-RU is Russian: the same feeds.
    expect(feedLinks(await renderArticlePage(context, entryOf('weather-ru')))).toEqual(ru)
    expect(feedLinks(await renderArticlePage(context, entryOf('talks-en')))).toEqual([
      `${ORIGIN}/feed.xml`,
      `${ORIGIN}/atom.xml`,
      `${ORIGIN}/feed.json`,
    ])
    const home = feedLinks(await renderListPage(context, { language: 'ar' }, modelOf({ language: 'ar' })))
    expect(home.slice(0, 3)).toEqual([`${ORIGIN}/ar/feed.xml`, `${ORIGIN}/ar/atom.xml`, `${ORIGIN}/ar/feed.json`])
    expect(home.slice(3)).toEqual([`${ORIGIN}/feed.xml`, `${ORIGIN}/atom.xml`, `${ORIGIN}/feed.json`])
  })

  it('keeps right-to-left text right to left (issue 12) on an Arabic page', async () => {
    const page = await renderArticlePage(context, entryOf('talks-ar'))
    expect(page).toMatch(/<article lang="ar">/)
    expect(page).toMatch(/<div class="body" dir="rtl">/)
    const home = await renderListPage(context, { language: 'ar' }, modelOf({ language: 'ar' }))
    expect(home).toMatch(/<h2 lang="ar" dir="rtl">/)
  })
})

describe('the check', () => {
  const problemsOf = (article: ArticleInput) =>
    findContentProblems(fixtureSite, [
      ['original', talksEN],
      ['translation', article],
    ]).map(({ file, field, message, fix }) => ({ file, field, message, fix }))

  it('accepts the bilingual fixture', () => {
    expect(findContentProblems(fixtureSite, bilingualEntries)).toEqual([])
  })

  it('refuses a translation of a missing id, with the file, the field and the fix', () => {
    expect(problemsOf({ ...validArticle, id: 'b', language: 'ru', translationOf: 'nowhere' })).toEqual([
      {
        file: 'content/articles/translation.ts',
        field: 'translationOf',
        message: 'no article has the id "nowhere".',
        fix: 'use the id of the original article (its `id` field), or remove translationOf.',
      },
    ])
  })

  it('refuses a translation of itself', () => {
    expect(problemsOf({ ...validArticle, id: 'b', language: 'ru', translationOf: 'b' })).toEqual([
      expect.objectContaining({ field: 'translationOf', message: '"b" is this article\'s own id.' }),
    ])
  })

  it('refuses a second version in the same language of one story, naming both', () => {
    const second = { ...validArticle, id: 'c', language: 'ru-RU', translationOf: 'talks-ar' }
    for (const entries of [
      [...bilingualEntries, ['second', second]],
      [['second', second], ...bilingualEntries],
    ] as const)
      expect(
        findContentProblems(fixtureSite, entries).map(({ file, field, message }) => ({ file, field, message })),
      ).toEqual([
        {
          // Either may be the one to fix; the later file is named, the message names both.
          file: expect.stringMatching(/^content\/articles\/(second|россия-китай-переговоры)\.ts$/),
          field: 'translationOf',
          message: expect.stringMatching(/^"(c|talks-ru)" and "(c|talks-ru)" are both ru versions of one story\.$/),
        },
      ])
  })

  it("refuses a translation in the same language, the site's default and a regional variant included", () => {
    for (const language of [undefined, 'en', 'en-GB', 'EN'])
      expect(problemsOf({ ...validArticle, id: 'b', language, translationOf: 'talks-en' }), language).toEqual([
        expect.objectContaining({
          file: 'content/articles/translation.ts',
          field: 'translationOf',
          message: '"talks-en" is in the same language (en).',
        }),
      ])
  })
})

describe('published and served by the Worker', () => {
  it("answers a language's documents at their prefix, and nothing at the site language's", async () => {
    const summary = await publishContent(bilingualContent())
    expect(summary.changedPaths).toEqual(expect.arrayContaining(['/ru/feed.xml', '/ar/atom.xml', '/ru/']))
    const feed = await get('/ru/feed.xml')
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toMatch(/^application\/rss\+xml/)
    expect(feed.headers.get('link')).toContain(`<${WORKER_ORIGIN}/ru/feed.xml>; rel="self"`)
    expect(parseRssFeed(await feed.text()).language).toBe('ru')
    const json = (await (await get('/ru/feed.json')).json()) as { language: string; items: unknown[] }
    expect(json).toMatchObject({ language: 'ru' })
    expect(json.items).toHaveLength(2)
    expect((await get(encodeURI('/ru/tags/дипломатия'))).status).toBe(200)
    expect((await get('/ar/')).status).toBe(200)
    expect((await get('/en/feed.xml')).status).toBe(404)
    expect((await get('/de/feed.xml')).status).toBe(404)
    expect((await get('/de')).status).toBe(404)
    // A prefix typed without its slash leads to the language's home, when there is one.
    const bare = await get('/ru')
    expect(bare.status).toBe(301)
    expect(bare.headers.get('location')).toBe('/ru/')
    expect((await get('/ru', { method: 'HEAD' })).status).toBe(301)
    // Like the feed redirects, only for GET and HEAD: another method finds nothing there.
    expect((await get('/ru', { method: 'POST' })).status).toBe(404)
    // A guessed feed address of three letters is still a redirect, not a language.
    expect((await get('/rss/')).headers.get('location')).toBe('/feed.xml')
  })
})
