/**
 * @module
 * The feeds in three formats, for the whole site and for each tag, as the subscription
 * document and its RFC 5005 archive pages. Each is rendered once per isolate and origin
 * (published.ts); CORS lets programs in browsers read them.
 */
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { AppEnv } from '../env.ts'
import { renderAtom } from '../feed/atom.ts'
import { isFullArchivePage } from '../feed/build.ts'
import { renderJSONFeed } from '../feed/json-feed.ts'
import type { FeedModel } from '../feed/model.ts'
import { renderRSS } from '../feed/rss.ts'
import { DOCUMENT_PREFIXES, documentRef } from './document-ref.ts'
import { BROWSER_XML, isBrowserNavigation } from './negotiation.ts'
import { allowOnOptions, answerOptions } from './options.ts'
import { respond } from './respond.ts'
import { siteFor } from './site.ts'

type FeedFormat = {
  readonly file: string
  readonly contentType: string
  readonly render: (model: FeedModel) => string
  /** XML with a stylesheet: shown to browsers as application/xml (negotiation.ts). */
  readonly styled: boolean
}

export const FEED_FORMATS: readonly FeedFormat[] = [
  { file: '/feed.xml', contentType: 'application/rss+xml; charset=utf-8', render: renderRSS, styled: true },
  { file: '/atom.xml', contentType: 'application/atom+xml; charset=utf-8', render: renderAtom, styled: true },
  // JSON Feed 1.1: "application/feed+json".
  { file: '/feed.json', contentType: 'application/feed+json; charset=utf-8', render: renderJSONFeed, styled: false },
]

export const feeds = new Hono<AppEnv>()

const feedCORS = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Last-Modified'],
  maxAge: 86400,
})

for (const prefix of DOCUMENT_PREFIXES)
  for (const { file, contentType, render, styled } of FEED_FORMATS) {
    const path = `${prefix}${file}`
    feeds.use(path, allowOnOptions, feedCORS)
    feeds.get(path, async (c) => {
      const site = siteFor(c)
      const ref = documentRef(c)
      const model = ref && site.model(ref)
      if (!ref || !model) return c.notFound()
      const browser = styled && isBrowserNavigation(c.req.header('Accept'))
      const type = browser ? BROWSER_XML : contentType
      const document = await site.document(`${c.req.path}\u0000${type}`, type, () => ({
        body: render(model),
        lastModified: model.updated,
      }))
      const immutable = isFullArchivePage(site.catalog, ref)
      return respond(c, document, { immutable, vary: styled ? 'Accept-Encoding, Accept' : undefined })
    })
    // Answered by feedCORS before this handler; registered so that 405 responses list it in Allow.
    feeds.options(path, answerOptions)
  }
