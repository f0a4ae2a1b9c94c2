/**
 * The Google News sitemap (issue 19): the articles of the 48 hours before the newest article's
 * publication, at most 1,000, each with news:news (publication name and language, publication
 * date, title); named in robots.txt; the same bytes for the same content, whatever the clock says,
 * and a new document only when the articles in it change.
 */
import { describe, expect, it } from 'vitest'
import { type ArticleEntry, type Content, loadContent } from '../content/load.ts'
import type { ArticleInput } from '../content/schema.ts'
import { NEWS_SITEMAP_PATH, parsePath, ROBOTS_PATH } from '../src/archive/paths.ts'
import { buildCatalog } from '../src/publisher/feed/catalog.ts'
import { NEWS_NAMESPACE, newsLanguage, newsSitemapURLs, renderNewsSitemap } from '../src/publisher/feed/news-sitemap.ts'
import { type PlannedDocument, planDocuments } from '../src/publisher/publish/plan.ts'
import { validArticle } from './fixtures/article.ts'
import { fixtureSite } from './fixtures/site.ts'
import { publishContent } from './helpers/publish.ts'
import { get, ORIGIN } from './helpers/worker.ts'
import { children, only, parseXMLStrict } from './helpers/xml.ts'

const NEWEST = Date.parse('2026-12-01T12:00:00Z')
const HOUR = 60 * 60 * 1000

/** An article published `hoursBefore` the newest one. */
const article = (n: number, hoursBefore: number, extra: Partial<ArticleInput> = {}): ArticleEntry => [
  `story-${n}`,
  {
    ...validArticle,
    id: `story-${n}`,
    title: `Story ${n} & more`,
    published: new Date(NEWEST - hoursBefore * HOUR).toISOString(),
    ...extra,
  },
]

const contentOf = (entries: readonly ArticleEntry[]): Content => loadContent(fixtureSite, entries)

const planned = (content: Content, path: string): PlannedDocument => {
  const catalog = buildCatalog(content)
  const hashes = new Map(catalog.entries.map((entry) => [entry.slug, JSON.stringify(entry.title)]))
  const document = [...planDocuments(catalog, ORIGIN, hashes)].find((d) => d.path === path)
  if (!document) throw new Error(`no ${path}`)
  return document
}

const render = async (content: Content): Promise<string> => (await planned(content, NEWS_SITEMAP_PATH).render()).body

const window = [
  article(1, 0),
  article(2, 47.99, { language: 'ru-RU', title: 'Новость' }),
  article(3, 48),
  article(4, 48.01),
  article(5, 200),
]

describe('the news sitemap', () => {
  it('is at /sitemap-news.xml, in the URL table', () => {
    expect(NEWS_SITEMAP_PATH).toBe('/sitemap-news.xml')
    expect(parsePath(NEWS_SITEMAP_PATH)).toEqual({ kind: 'sitemap' })
  })

  it('lists the articles of the 48 hours before the newest one, with news:news, newest first', async () => {
    const { root } = parseXMLStrict(await render(contentOf(window)))
    expect(root.uri).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const urls = children(root, 'url').map((url) => {
      const news = only(url, 'news:news')
      const publication = only(news, 'news:publication')
      expect(news.uri).toBe(NEWS_NAMESPACE)
      return {
        loc: only(url, 'loc').text,
        name: only(publication, 'news:name').text,
        language: only(publication, 'news:language').text,
        date: only(news, 'news:publication_date').text,
        title: only(news, 'news:title').text,
      }
    })
    expect(urls).toEqual([
      {
        loc: `${ORIGIN}/articles/story-1`,
        name: fixtureSite.publisher,
        language: 'en',
        date: '2026-12-01T12:00:00.000Z',
        title: 'Story 1 & more',
      },
      {
        loc: `${ORIGIN}/articles/story-2`,
        name: fixtureSite.publisher,
        language: 'ru',
        date: new Date(NEWEST - 47.99 * HOUR).toISOString(),
        title: 'Новость',
      },
      {
        loc: `${ORIGIN}/articles/story-3`,
        name: fixtureSite.publisher,
        language: 'en',
        date: '2026-11-29T12:00:00.000Z',
        title: 'Story 3 & more',
      },
    ])
  })

  it('holds at most 1,000 URLs, the newest', () => {
    const many = Array.from({ length: 1003 }, (_, i) => article(i, i / 60))
    const urls = newsSitemapURLs(buildCatalog(contentOf(many)), ORIGIN)
    expect(urls).toHaveLength(1000)
    expect(urls[0]?.loc).toBe(`${ORIGIN}/articles/story-0`)
    expect(urls.at(-1)?.loc).toBe(`${ORIGIN}/articles/story-999`)
  })

  it('writes Google’s language codes: ISO 639, with zh-cn and zh-tw for Chinese', () => {
    expect(['en-GB', 'ru', 'PT-br', 'zh', 'zh-Hans-CN', 'zh-Hant', 'zh-TW', 'zh-HK'].map(newsLanguage)).toEqual([
      'en',
      'ru',
      'pt',
      'zh-cn',
      'zh-cn',
      'zh-tw',
      'zh-tw',
      'zh-tw',
    ])
  })

  it('depends on the content, not the clock: the same bytes whenever it is rendered', async () => {
    const first = await render(contentOf(window))
    const realNow = Date.now
    try {
      Date.now = () => NEWEST + 365 * 24 * HOUR
      expect(await render(contentOf(window))).toBe(first)
    } finally {
      Date.now = realNow
    }
  })

  it('changes only when the articles in it do', () => {
    const source = (entries: readonly ArticleEntry[]) => planned(contentOf(entries), NEWS_SITEMAP_PATH).source
    const base = source(window)
    // An older article added, or one outside the window retitled: the same document.
    expect(source([...window, article(6, 100)])).toBe(base)
    expect(source(window.map((e) => (e[0] === 'story-5' ? article(5, 200, { title: 'Retitled' }) : e)))).toBe(base)
    // An edit to a listed article's body or date of change: Google News shows neither.
    expect(source(window.map((e) => (e[0] === 'story-1' ? article(1, 0, { updated: '2026-12-02' }) : e)))).toBe(base)
    // One in the window retitled, or a newer article (the window moves): a new document.
    expect(source(window.map((e) => (e[0] === 'story-2' ? article(2, 47.99, { title: 'Retitled' }) : e)))).not.toBe(
      base,
    )
    expect(source([...window, article(7, -1)])).not.toBe(base)
  })

  it('is named in robots.txt, after the sitemap index', async () => {
    const robots = (await planned(contentOf(window), ROBOTS_PATH).render()).body
    expect(robots.split('\n').filter((line) => line.startsWith('Sitemap:'))).toEqual([
      `Sitemap: ${ORIGIN}/sitemap.xml`,
      `Sitemap: ${ORIGIN}/sitemap-news.xml`,
    ])
  })

  it('is published and served as XML, and named by the served robots.txt', async () => {
    await publishContent(contentOf(window))
    const response = await get(NEWS_SITEMAP_PATH)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/xml/)
    const body = await response.text()
    expect(body).toBe(
      renderNewsSitemap(newsSitemapURLs(buildCatalog(contentOf(window)), ORIGIN), fixtureSite.publisher),
    )
    expect(await (await get(ROBOTS_PATH)).text()).toContain(`Sitemap: ${ORIGIN}/sitemap-news.xml`)
  })
})
