/**
 * Publishing into the real local D1 and R2, then reading through the Worker: only what changed
 * is written, edits and removals reach every document that shows them, an interrupted publish
 * leaves every document old or new and the next run completes it, and storage faults answer 503.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Content } from '../content/load.ts'
import { publish } from '../src/publisher/publish/index.ts'
import { app } from '../src/worker/index.ts'
import { generatedContent } from './fixtures/generated.ts'
import { withPut } from './helpers/bucket.ts'
import { publishContent } from './helpers/publish.ts'
import { get, ORIGIN } from './helpers/worker.ts'

const SIZES = { feedSize: 10, archivePageSize: 10 }
const withArticles = (content: Content, articles: Content['articles']): Content => ({ ...content, articles })

const feedIds = async (path: string): Promise<string[]> => {
  const feed = (await (await get(path)).json()) as { items: { id: string; url: string }[] }
  return feed.items.map((item) => item.id)
}

/** Every item of every site and tag feed document links to a page that answers 200. */
const everyLinkResolves = async (paths: readonly string[]): Promise<void> => {
  for (const path of paths) {
    const response = await get(path)
    if (response.status !== 200) continue
    const feed = (await response.json()) as { items: { url: string }[]; next_url?: string }
    for (const item of feed.items) expect((await get(item.url.slice(ORIGIN.length))).status, item.url).toBe(200)
    if (feed.next_url) expect((await get(feed.next_url.slice(ORIGIN.length))).status, feed.next_url).toBe(200)
  }
}

describe('npm run publish, incrementally', () => {
  const base = generatedContent(46, SIZES)

  it('writes everything once, then nothing when nothing changed', async () => {
    const first = await publishContent(base)
    expect(first.articles.added).toBe(46)
    expect(first.documents.written).toBeGreaterThan(45)
    const again = await publishContent(base)
    expect(again).toEqual({
      articles: { added: 0, changed: 0, removed: 0 },
      documents: { written: 0, unchanged: 0, removed: 0 },
      changedPaths: [],
    })
  })

  it('writes, for one new article, only the documents that show it', async () => {
    const grown = generatedContent(47, SIZES)
    const added = grown.articles.find((article) => article.slug === 'article-46')
    expect(added?.tags).toEqual(['Beta'])
    const summary = await publishContent(grown)
    expect(summary.articles).toEqual({ added: 1, changed: 0, removed: 0 })
    const formats = (base: string) => [`${base}/feed.xml`, `${base}/atom.xml`, `${base}/feed.json`, base || '/']
    // 47 articles, 10 in the subscription feed: pages 1–3 are full, open page 4 gains the article
    // the new one pushed out. Beta: 16 articles, its open archive page 1 gains one likewise.
    expect(new Set(summary.changedPaths)).toEqual(
      new Set([
        '/articles/article-46',
        ...formats(''),
        ...formats('/archive/4'),
        ...formats('/tags/beta'),
        ...formats('/tags/beta/archive/1'),
        '/sitemaps/pages-1.xml',
        '/sitemaps/articles-1.xml',
        '/sitemap.xml',
        // The Google News sitemap: the new article is within 48 hours of the newest.
        '/sitemap-news.xml',
      ]),
    )
    expect((await feedIds('/feed.json'))[0]).toBe('tag:newswire.example,2026:article:gen-46')
    expect((await feedIds('/tags/beta/feed.json'))[0]).toBe('tag:newswire.example,2026:article:gen-46')
    expect(await (await get('/sitemaps/articles-1.xml')).text()).toContain(`${ORIGIN}/articles/article-46<`)
  })

  it('rewrites an edited article’s page and every feed and archive page that carries it', async () => {
    const content = generatedContent(47, SIZES)
    const edited = withArticles(
      content,
      content.articles.map((article) =>
        article.slug === 'article-3'
          ? { ...article, title: 'Edited headline', updatedAt: new Date('2025-01-01T00:00:00Z') }
          : article,
      ),
    )
    const summary = await publishContent(edited)
    expect(summary.articles).toEqual({ added: 0, changed: 1, removed: 0 })
    const changed = new Set(summary.changedPaths)
    // article-3 is on site archive page 1 and on the pages of its tags (Alpha, page 1).
    for (const path of ['/articles/article-3', '/archive/1/feed.xml', '/archive/1', '/tags/alpha/archive/1/atom.xml'])
      expect(changed, path).toContain(path)
    expect(changed).not.toContain('/archive/2/feed.xml')
    expect(await (await get('/archive/1/feed.json')).text()).toContain('Edited headline')
    expect(await (await get('/articles/article-3')).text()).toContain('Edited headline')
  })

  it('removes a deleted article: its page answers 410 Gone and it leaves every feed', async () => {
    const content = generatedContent(47, SIZES)
    const summary = await publishContent(
      withArticles(
        content,
        content.articles.filter((article) => article.slug !== 'article-46'),
      ),
    )
    expect(summary.articles.removed).toBe(1)
    const gone = await get('/articles/article-46')
    expect(gone.status).toBe(410)
    expect(await gone.text()).toContain('<h1>Removed</h1>')
    for (const path of ['/feed.json', '/tags/alpha/feed.json'])
      expect(await feedIds(path)).not.toContain('tag:newswire.example,2026:article:gen-46')
    expect(await (await get('/sitemaps/articles-1.xml')).text()).not.toContain('article-46<')
  })
})

/** The test's R2 bucket, as if the process died after `puts` writes: every later put throws. */
const killedAfterPuts = (puts: number): R2Bucket => {
  let done = 0
  return withPut(env.ARCHIVE, (put, ...args) => {
    if (++done > puts) throw new Error('killed')
    return put(...args)
  })
}

describe('an interrupted publish', () => {
  it('leaves every document old or new, never a link to a missing page, and the next run completes it', async () => {
    await publishContent(generatedContent(30, SIZES))
    const bigger = generatedContent(43, SIZES)
    const failing = killedAfterPuts(20)
    await expect(
      publish(bigger, { db: env.DB, bucket: failing }, { origin: ORIGIN, codeVersion: 'test', batchSize: 8 }),
    ).rejects.toThrow('killed')
    const feeds = ['/feed.json', '/tags/alpha/feed.json', '/tags/beta/feed.json', '/tags/gamma/feed.json']
    await everyLinkResolves(feeds)
    const completed = await publishContent(bigger)
    expect(completed.articles.added).toBe(13)
    expect((await feedIds('/feed.json'))[0]).toBe('tag:newswire.example,2026:article:gen-42')
    await everyLinkResolves([...feeds, '/archive/3/feed.json'])
    const again = await publishContent(bigger)
    expect(again.documents.written).toBe(0)
  })

  it('then content as it was before: only a run that plans everything (no publish receipt) removes what it wrote', async () => {
    const before = generatedContent(43, SIZES)
    // The first 24 puts (3 codings a document) complete: the new article's page, a group of its own, first, row and all.
    const failing = killedAfterPuts(24)
    await expect(
      publish(
        generatedContent(44, SIZES),
        { db: env.DB, bucket: failing },
        { origin: ORIGIN, codeVersion: 'test', batchSize: 8 },
      ),
    ).rejects.toThrow('killed')
    expect((await get('/articles/article-43')).status).toBe(200)
    // The scope rows are written last, so they still describe 43 articles: planning from them
    // finds nothing changed, and the page of an article that is not in the content stays.
    const fromScopes = await publishContent(before)
    expect(fromScopes.documents).toEqual({ written: 0, unchanged: 0, removed: 0 })
    expect((await get('/articles/article-43')).status).toBe(200)
    // What npm run publish does when storage holds no receipt of a complete publish.
    const everything = await publishContent(before, 'test', { planAll: true })
    expect(everything.documents.removed).toBeGreaterThan(0)
    expect(everything.changedPaths).toContain('/articles/article-43')
    expect((await get('/articles/article-43')).status).toBe(410)
    expect((await publishContent(before)).documents).toEqual({ written: 0, unchanged: 0, removed: 0 })
  })
})

describe('storage faults', () => {
  it('answers 503 with Retry-After, logged, when the object of a published document is missing', async () => {
    await publishContent(generatedContent(12, SIZES))
    await env.ARCHIVE.delete('/articles/article-0')
    const response = await get('/articles/article-0')
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBe('30')
    expect(await response.text()).toMatch(/^Service Unavailable: \/articles\/article-0 is published but its object/)
    // Publishing trusts the index; `npm run publish -- --force` rewrites every document.
    const repaired = await publishContent(generatedContent(12, SIZES), 'test', { force: true })
    expect(repaired.changedPaths).toContain('/articles/article-0')
    expect((await get('/articles/article-0')).status).toBe(200)
  })

  it('answers 503 with Retry-After, never a 500 or a partial document, when R2 fails', async () => {
    const broken = {
      ...env,
      ARCHIVE: {
        get: () => Promise.reject(new Error('R2 is down')),
      } as unknown as R2Bucket,
    }
    const response = await app.request(`${ORIGIN}/feed.xml`, {}, broken)
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBe('30')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
  })

  it('still answers 404 for paths that were never published', async () => {
    expect((await get('/articles/never-published')).status).toBe(404)
    expect((await get('/tags/never/feed.xml')).status).toBe(404)
  })
})
