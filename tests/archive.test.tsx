/**
 * Many articles: bounded subscription feeds, RFC 5005 archive chains that reach every article
 * exactly once in every format, full archive pages that never change, tag feeds that agree
 * with tag pages. Content is generated here (1, 51 and 10,000 articles), not committed.
 */
import { parseFeed as parseWithRowan } from '@rowanmanning/feed-parser'
import { describe, expect, it } from 'vitest'
import { type Content, loadContent } from '../content/load.ts'
import site from '../content/site.ts'
import type { DocumentRef } from '../src/archive/paths.ts'
import { isFullPage } from '../src/publisher/feed/archive.ts'
import { renderAtom } from '../src/publisher/feed/atom.ts'
import { buildFeedModel, isFullArchivePage, pagingOf } from '../src/publisher/feed/build.ts'
import { buildCatalog, type Catalog } from '../src/publisher/feed/catalog.ts'
import { renderJSONFeed } from '../src/publisher/feed/json-feed.ts'
import type { FeedModel } from '../src/publisher/feed/model.ts'
import { renderRSS } from '../src/publisher/feed/rss.ts'
import { partUpdated, renderSitemapIndex, renderSitemapPart, sitemapParts } from '../src/publisher/feed/sitemap.ts'
import { ListPage } from '../src/publisher/pages/list-page.tsx'
import { generatedArticle, generatedContent, generatedEntries } from './fixtures/generated.ts'
import { children, only, parseXMLStrict } from './helpers/xml.ts'

const ORIGIN = 'https://news.example.com'
const FORMATS = {
  rss: { file: 'feed.xml', render: renderRSS },
  atom: { file: 'atom.xml', render: renderAtom },
  json: { file: 'feed.json', render: renderJSONFeed },
} as const
type Format = keyof typeof FORMATS

/** Resolves one of our absolute feed URLs to its document, as the routes do. */
const resolve = (catalog: Catalog, url: string): { model: FeedModel; ref: DocumentRef } => {
  const path = url.slice(ORIGIN.length)
  const match = /^(?:\/tags\/([^/]+))?(?:\/archive\/([1-9][0-9]*))?\/(?:feed\.xml|atom\.xml|feed\.json)$/.exec(path)
  if (!match) throw new Error(`not a feed URL: ${url}`)
  const ref = {
    tag: match[1] === undefined ? undefined : decodeURIComponent(match[1]),
    page: match[2] ? Number(match[2]) : undefined,
  }
  const model = buildFeedModel(catalog, { origin: ORIGIN, ...ref })
  if (!model) throw new Error(`no document at ${url}`)
  return { model, ref }
}

type Parsed = { ids: string[]; prev?: string; isArchive: boolean; current?: string; next?: string }

/** Reads a rendered document back: item ids and history links, per format. */
const read = (format: Format, body: string): Parsed => {
  if (format === 'json') {
    const feed = JSON.parse(body)
    return { ids: feed.items.map((item: { id: string }) => item.id), prev: feed.next_url, isArchive: false }
  }
  const { root } = parseXMLStrict(body)
  const scope = format === 'rss' ? only(root, 'channel') : root
  const linkName = format === 'rss' ? 'atom:link' : 'link'
  const href = (rel: string) => children(scope, linkName).find((link) => link.attributes.rel === rel)?.attributes.href
  const ids =
    format === 'rss'
      ? children(scope, 'item').map((item) => only(item, 'guid').text)
      : children(scope, 'entry').map((entry) => only(entry, 'id').text)
  return {
    ids,
    prev: href('prev-archive'),
    next: href('next-archive'),
    current: href('current'),
    isArchive: children(scope, 'fh:archive').length === 1,
  }
}

/** Follows prev-archive (JSON: next_url) from the subscription document to the oldest page. */
const walk = (catalog: Catalog, format: Format, tag?: string) => {
  const base = tag === undefined ? ORIGIN : `${ORIGIN}/tags/${encodeURIComponent(tag)}`
  let url: string | undefined = `${base}/${FORMATS[format].file}`
  const documents: (Parsed & { url: string })[] = []
  while (url) {
    if (documents.some((d) => d.url === url)) throw new Error(`archive chain loops at ${url}`)
    const { model } = resolve(catalog, url)
    const parsed = read(format, FORMATS[format].render(model))
    documents.push({ ...parsed, url })
    url = parsed.prev
  }
  return documents
}

describe.each([1, 51, 10_000])('%i articles', (count) => {
  const content = generatedContent(count)
  const catalog = buildCatalog(content)
  const allIds = catalog.entries.map((entry) => entry.id)

  it('has unique ids', () => {
    expect(new Set(allIds).size).toBe(count)
  })

  it.each(Object.keys(FORMATS) as Format[])(
    'in %s, holds ≤ 50 items in the subscription feed, newest first',
    (format) => {
      const [subscription] = walk(catalog, format)
      expect(subscription?.ids).toEqual(allIds.slice(0, 50))
    },
  )

  it.each(Object.keys(FORMATS) as Format[])(
    'in %s, reaches every article exactly once along the archive chain',
    (format) => {
      const documents = walk(catalog, format)
      const seen = documents.flatMap((d) => d.ids)
      expect(seen).toHaveLength(count)
      expect(new Set(seen)).toEqual(new Set(allIds))
      expect(documents.length).toBe(count <= 50 ? 1 : 1 + Math.ceil((count - 50) / 50))
      if (format === 'json') return
      expect(documents[0]?.isArchive).toBe(false)
      for (const archive of documents.slice(1)) {
        expect(archive.isArchive).toBe(true)
        expect(archive.current).toBe(`${ORIGIN}/${FORMATS[format].file}`)
      }
    },
  )
})

describe('archive pages', () => {
  it('never change when an article is added, once full', () => {
    for (const count of [149, 150, 151]) {
      const before = buildCatalog(generatedContent(count))
      const after = buildCatalog({
        ...generatedContent(count + 1),
      })
      const paging = pagingOf(before, undefined)
      if (!paging) throw new Error('no paging')
      let full = 0
      for (let page = 1; page <= paging.pages.length; page++) {
        if (!isFullPage(paging, page)) continue
        full++
        for (const format of Object.keys(FORMATS) as Format[]) {
          const render = FORMATS[format].render
          const old = render(buildFeedModel(before, { origin: ORIGIN, page }) as FeedModel)
          const now = render(buildFeedModel(after, { origin: ORIGIN, page }) as FeedModel)
          expect(now, `${count} articles, page ${page}, ${format}`).toBe(old)
        }
      }
      expect(full).toBe(Math.floor((count - 50) / 50))
    }
  })

  it('never go back in date when an article is added (If-Modified-Since must see the change)', () => {
    // One article an hour: a newer article is published later (equal instants get advice, see content.test.ts).
    const hourly = (count: number) =>
      buildCatalog(
        loadContent(
          site,
          generatedEntries(count).map(([slug, article], i) => [
            slug,
            { ...article, published: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString() },
          ]),
        ),
      )
    for (const count of [120, 149, 150, 151]) {
      const before = hourly(count)
      const after = hourly(count + 1)
      const pages = pagingOf(before)?.pages.length ?? 0
      for (let page = 1; page <= pages; page++) {
        const old = buildFeedModel(before, { origin: ORIGIN, page }) as FeedModel
        const now = buildFeedModel(after, { origin: ORIGIN, page }) as FeedModel
        const changed = renderAtom(old) !== renderAtom(now)
        if (changed) expect(now.updated.getTime(), `${count}, page ${page}`).toBeGreaterThan(old.updated.getTime())
        else expect(now.updated.getTime()).toBe(old.updated.getTime())
      }
    }
  })

  it('are immutable when full, and only then', () => {
    const catalog = buildCatalog(generatedContent(160))
    expect([1, 2, 3, 4].map((page) => isFullArchivePage(catalog, { page }))).toEqual([true, true, false, false])
    expect(isFullArchivePage(catalog, {})).toBe(false)
    // 160 articles: Alpha has 54, so its page 1 holds the 4 beyond the newest 50.
    expect(isFullArchivePage(catalog, { tag: 'alpha', page: 1 })).toBe(false)
    expect(isFullArchivePage(buildCatalog(generatedContent(300)), { tag: 'alpha', page: 1 })).toBe(true)
    expect(isFullArchivePage(catalog, { tag: 'nope', page: 1 })).toBe(false)
  })

  it('link both ways and to the subscription document (RFC 5005 §4)', () => {
    const catalog = buildCatalog(generatedContent(160))
    const [subscription, newest, middle, oldest] = walk(catalog, 'atom')
    expect(subscription?.prev).toBe(`${ORIGIN}/archive/3/atom.xml`)
    expect(newest).toMatchObject({
      url: `${ORIGIN}/archive/3/atom.xml`,
      prev: `${ORIGIN}/archive/2/atom.xml`,
      next: undefined,
    })
    expect(middle).toMatchObject({ prev: `${ORIGIN}/archive/1/atom.xml`, next: `${ORIGIN}/archive/3/atom.xml` })
    expect(oldest).toMatchObject({ prev: undefined, next: `${ORIGIN}/archive/2/atom.xml` })
  })

  it('keep an empty open page when the archive is whole pages, so next-archive always resolves', () => {
    const catalog = buildCatalog(generatedContent(150))
    const paging = pagingOf(catalog)
    expect(paging?.pages.map((page) => page.length)).toEqual([50, 50, 0])
    expect(read('rss', renderRSS(buildFeedModel(catalog, { origin: ORIGIN, page: 2 }) as FeedModel)).next).toBe(
      `${ORIGIN}/archive/3/feed.xml`,
    )
    expect(walk(catalog, 'rss')[1]?.url).toBe(`${ORIGIN}/archive/2/feed.xml`)
  })

  it('are read by a real parser as feeds', () => {
    const catalog = buildCatalog(generatedContent(120))
    const parsed = parseWithRowan(renderAtom(buildFeedModel(catalog, { origin: ORIGIN, page: 1 }) as FeedModel))
    expect(parsed.items).toHaveLength(50)
    expect(parsed.self).toBe(`${ORIGIN}/archive/1/atom.xml`)
  })

  it('honour feedSize and archivePageSize from the site', () => {
    const catalog = buildCatalog(generatedContent(30, { feedSize: 10, archivePageSize: 7 }))
    const documents = walk(catalog, 'json')
    expect(documents.map((d) => d.ids.length)).toEqual([10, 6, 7, 7])
  })
})

describe('tag feeds', () => {
  const content: Content = generatedContent(300)
  const catalog = buildCatalog(content)

  it.each(['alpha', 'fifth'])('the %s feed walks to exactly the articles with that tag', (tag) => {
    const expected = catalog.entries.filter((entry) => entry.tags.some((t) => t.slug === tag)).map((entry) => entry.id)
    for (const format of Object.keys(FORMATS) as Format[]) {
      const seen = walk(catalog, format, tag).flatMap((d) => d.ids)
      expect(seen.sort()).toEqual([...expected].sort())
    }
  })

  it('agrees with the tag page: same articles, same order', async () => {
    const model = buildFeedModel(catalog, { origin: ORIGIN, tag: 'beta' }) as FeedModel
    const page = await (
      <ListPage site={{ title: 'T', homeURL: `${ORIGIN}/`, language: 'en' }} model={model} heading="Beta" intro="" />
    ).toString()
    const linked = [...page.matchAll(/<h2><a href="([^"]+)">/g)].map((m) => m[1])
    expect(linked).toEqual(model.items.map((item) => item.url))
    expect(page).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Newswire: Beta (RSS)" href="${ORIGIN}/tags/beta/feed.xml"/>`,
    )
  })

  it('uses Unicode-aware, percent-encoded tag URLs', () => {
    const tagged = { ...generatedArticle(0), tags: ['日本', 'Côte d’Ivoire'] }
    const unicode = buildCatalog(loadContent(content.site, [['tagged', tagged]]))
    expect([...unicode.tags.keys()]).toEqual(['côte-d-ivoire', '日本'])
    const model = buildFeedModel(unicode, { origin: ORIGIN, tag: '日本' }) as FeedModel
    expect(model.links.rss).toBe(`${ORIGIN}/tags/%E6%97%A5%E6%9C%AC/feed.xml`)
  })
})

describe('the sitemap', () => {
  const renderAll = (catalog: Catalog, limit?: number) =>
    sitemapParts(catalog, ORIGIN, limit).map(renderSitemapPart).join('\n')

  it('dates each list page as its page is dated, and each article by its own update', () => {
    const content = generatedContent(60)
    const edited = {
      ...content,
      articles: content.articles.map((a) =>
        a.slug === 'article-0' ? { ...a, updatedAt: new Date('2025-06-01T00:00:00Z') } : a,
      ),
    }
    const catalog = buildCatalog(edited)
    const sitemap = renderAll(catalog)
    const home = buildFeedModel(catalog, { origin: ORIGIN }) as FeedModel
    expect(sitemap).toContain(`<loc>${ORIGIN}/</loc><lastmod>${home.updated.toISOString()}</lastmod>`)
    expect(sitemap).toContain(`<loc>${ORIGIN}/articles/article-0</loc><lastmod>2025-06-01T00:00:00.000Z</lastmod>`)
  })

  it('lists home, every article and every tag page with lastmod', () => {
    const catalog = buildCatalog(generatedContent(60))
    const [pages, articles] = sitemapParts(catalog, ORIGIN).map((part) => parseXMLStrict(renderSitemapPart(part)).root)
    const urlsOf = (root: typeof pages) =>
      children(root as NonNullable<typeof pages>, 'url').map((url) => [
        only(url, 'loc').text,
        only(url, 'lastmod').text,
      ])
    expect(urlsOf(pages)[0]).toEqual([`${ORIGIN}/`, catalog.entries[0]?.updated.toISOString()])
    expect(urlsOf(pages).map(([loc]) => loc)).toEqual([
      `${ORIGIN}/`,
      `${ORIGIN}/tags/alpha`,
      `${ORIGIN}/tags/beta`,
      `${ORIGIN}/tags/fifth`,
      `${ORIGIN}/tags/gamma`,
    ])
    // Articles oldest first, so that a new one changes only the last part.
    expect(urlsOf(articles).map(([loc]) => loc)).toEqual(
      catalog.entries.toReversed().map((entry) => `${ORIGIN}/articles/${entry.slug}`),
    )
  })

  it('cuts parts at the limit (50,000 URLs), from the oldest article, and names each in the index with its newest lastmod', () => {
    const catalog = buildCatalog(generatedContent(25))
    const parts = sitemapParts(catalog, ORIGIN, 10)
    expect(parts.map((part) => [part.path, part.urls.length])).toEqual([
      ['/sitemaps/pages-1.xml', 5],
      ['/sitemaps/articles-1.xml', 10],
      ['/sitemaps/articles-2.xml', 10],
      ['/sitemaps/articles-3.xml', 5],
    ])
    const grown = sitemapParts(buildCatalog(generatedContent(26)), ORIGIN, 10)
    // A new article: the full parts are byte for byte the same.
    expect(renderSitemapPart(grown[1] as never)).toBe(renderSitemapPart(parts[1] as never))
    expect(renderSitemapPart(grown[2] as never)).toBe(renderSitemapPart(parts[2] as never))
    const { root } = parseXMLStrict(
      renderSitemapIndex(
        parts.map((part) => ({ path: part.path, lastmod: partUpdated(part) })),
        ORIGIN,
      ),
    )
    const last = children(root, 'sitemap').at(-1)
    expect(last && only(last, 'loc').text).toBe(`${ORIGIN}/sitemaps/articles-3.xml`)
    expect(last && only(last, 'lastmod').text).toBe(catalog.entries[0]?.updated.toISOString())
  })
})

// Keep the helpers honest: the generator makes what the tests assume.
it('generates distinct, valid articles', () => {
  expect(generatedEntries(3, 5).map(([slug]) => slug)).toEqual(['article-5', 'article-6', 'article-7'])
  expect(generatedArticle(10).tags).toEqual(['Beta', 'Fifth'])
})
