/** @module /sitemap.xml and the /robots.txt that points to it. */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { renderSitemap } from '../feed/sitemap.ts'
import { answerOptions } from './options.ts'
import { respond } from './respond.ts'
import { siteFor } from './site.ts'

export const sitemap = new Hono<AppEnv>()

sitemap.get('/sitemap.xml', async (c) => {
  const site = siteFor(c)
  const updated = site.model()?.updated ?? new Date(0)
  const document = await site.document('/sitemap.xml', 'application/xml; charset=utf-8', () => ({
    body: renderSitemap(site.catalog, site.origin),
    lastModified: updated,
  }))
  return respond(c, document)
})

sitemap.get('/robots.txt', async (c) => {
  const site = siteFor(c)
  const updated = site.model()?.updated ?? new Date(0)
  const document = await site.document('/robots.txt', 'text/plain; charset=utf-8', () => ({
    body: `User-agent: *\nAllow: /\n\nSitemap: ${site.origin}/sitemap.xml\n`,
    lastModified: updated,
  }))
  return respond(c, document)
})

sitemap.options('/sitemap.xml', answerOptions)
sitemap.options('/robots.txt', answerOptions)
