/**
 * @module
 * The baseline: the same content rendered on every request, as a Worker written without
 * precomputation would — `feed` for RSS and Atom, the page through hono/jsx, and an ETag
 * hashed from each response body (what Hono's etag middleware does when none is set).
 */
import { content } from '../content/index.ts'
import { renderAtom } from '../src/feed/atom.ts'
import { buildFeedModel, toFeedItem } from '../src/feed/build.ts'
import { buildCatalog } from '../src/feed/catalog.ts'
import { renderJSONFeed } from '../src/feed/json-feed.ts'
import type { FeedModel } from '../src/feed/model.ts'
import { renderRSS } from '../src/feed/rss.ts'
import { ArticlePage } from '../src/pages/article.tsx'

const etagOf = async (body: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(body))
  return `"${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}"`
}

const render = async (path: string, origin: string): Promise<[string, string] | undefined> => {
  const catalog = buildCatalog(content)
  const model = buildFeedModel(catalog, { origin }) as FeedModel
  if (path === '/feed.xml') return [renderRSS(model), 'application/rss+xml; charset=utf-8']
  if (path === '/atom.xml') return [renderAtom(model), 'application/atom+xml; charset=utf-8']
  if (path === '/feed.json') return [renderJSONFeed(model), 'application/feed+json; charset=utf-8']
  const entry = catalog.bySlug.get(path.replace('/articles/', ''))
  if (!entry) return undefined
  const page = ArticlePage({
    site: { title: catalog.site.title, homeURL: `${origin}/`, language: catalog.site.language },
    publisher: catalog.site.publisher,
    item: toFeedItem(entry, origin),
    feeds: model.links,
    tagURL: (slug) => `${origin}/tags/${slug}`,
  })
  return [`<!DOCTYPE html>${await page.toString()}`, 'text/html; charset=utf-8']
}

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const rendered = await render(url.pathname, url.origin)
    if (!rendered) return new Response('Not Found', { status: 404 })
    const [body, type] = rendered
    const etag = await etagOf(body)
    if (request.headers.get('If-None-Match') === etag)
      return new Response(null, { status: 304, headers: { ETag: etag } })
    return new Response(body, { headers: { 'Content-Type': type, ETag: etag } })
  },
}
