/**
 * @module
 * The three feeds. Each is rendered once per isolate and origin (published.ts), then served
 * with its validators; CORS lets programs in browsers read them.
 */
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { AppEnv } from '../env.ts'
import { renderAtom } from '../feed/atom.ts'
import { renderJSONFeed } from '../feed/json-feed.ts'
import type { FeedModel } from '../feed/model.ts'
import { renderRSS } from '../feed/rss.ts'
import { respond } from './respond.ts'
import { siteFor } from './site.ts'

type FeedRoute = { readonly path: string; readonly contentType: string; readonly render: (model: FeedModel) => string }

export const FEED_ROUTES: readonly FeedRoute[] = [
  { path: '/feed.xml', contentType: 'application/rss+xml; charset=utf-8', render: renderRSS },
  { path: '/atom.xml', contentType: 'application/atom+xml; charset=utf-8', render: renderAtom },
  // JSON Feed 1.1: "application/feed+json".
  { path: '/feed.json', contentType: 'application/feed+json; charset=utf-8', render: renderJSONFeed },
]

export const feeds = new Hono<AppEnv>()

const feedCORS = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Last-Modified'],
  maxAge: 86400,
})

for (const { path, contentType, render } of FEED_ROUTES) {
  feeds.use(path, feedCORS)
  feeds.get(path, async (c) => {
    const site = siteFor(c)
    const document = await site.document(path, contentType, () => ({
      body: render(site.model),
      lastModified: site.model.updated,
    }))
    return respond(c, document)
  })
  // Answered by feedCORS before this handler; registered so that 405 responses list it in Allow.
  feeds.options(path, (c) => c.body(null, 204))
}
