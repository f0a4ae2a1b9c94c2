/** @module /sitemap.xml and the /robots.txt that points to it. */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { newestUpdate } from '../feed/catalog.ts'
import { renderSitemap } from '../feed/sitemap.ts'
import { answerOptions } from './options.ts'
import { respond } from './respond.ts'
import { siteFor } from './site.ts'

export const sitemap = new Hono<AppEnv>()

sitemap.get('/sitemap.xml', async (c) => {
  const site = siteFor(c)
  const document = await site.document('/sitemap.xml', 'application/xml; charset=utf-8', () => ({
    body: renderSitemap(site.catalog, site.origin),
    // It lists every article: dated by the newest change anywhere, archived articles included.
    lastModified: newestUpdate(site.catalog.entries),
  }))
  return respond(c, document)
})

sitemap.get('/robots.txt', async (c) => {
  const site = siteFor(c)
  // Depends only on the origin: an ETag, no Last-Modified (as for stylesheets).
  const document = await site.document('/robots.txt', 'text/plain; charset=utf-8', () => ({
    body: `User-agent: *\nAllow: /\n\nSitemap: ${site.origin}/sitemap.xml\n`,
  }))
  return respond(c, document)
})

sitemap.options('/sitemap.xml', answerOptions)
sitemap.options('/robots.txt', answerOptions)
