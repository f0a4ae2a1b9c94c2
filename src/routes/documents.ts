/**
 * @module
 * Every published document — feeds, pages, archive pages, sitemaps, robots.txt — answered from
 * R2 under its canonical path (src/feed/paths.ts). Feeds are readable cross-origin (CORS); RSS
 * and Atom go to browsers as application/xml (negotiation.ts); a removed document answers 410.
 */
import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import { CONFIG } from '../config-binding.ts'
import type { AppEnv } from '../env.ts'
import { XML } from '../feed/media-types.ts'
import { canonicalPath, parsePath } from '../feed/paths.ts'
import { discoveryLinks } from '../websub/discovery.ts'
import { isBrowserNavigation } from './negotiation.ts'
import { ALLOW, allowOnOptions } from './options.ts'
import { respond } from './respond.ts'
import { missingFromIndex, readStored, StorageUnavailable, type StoredDocument } from './stored.ts'

export const documents = new Hono<AppEnv>()

/** A feed document in any format (not its HTML page). */
const isFeed = (path: string): boolean => {
  const resource = parsePath(path)
  return resource?.kind === 'list' && resource.format !== 'html'
}

const feedCORS = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Last-Modified', 'Link'],
  maxAge: 86400,
})

documents.use('*', async (c, next) => {
  if (!isFeed(c.req.path)) return next()
  await allowOnOptions(c, async () => {
    const preflight = await feedCORS(c, next)
    if (preflight) c.res = preflight
  })
})

const answer = (c: Context<AppEnv>, path: string, stored: StoredDocument): Response => {
  // WebSub §4 discovery: hub and self as Link headers, on GET and HEAD.
  const links = stored.status === 200 ? discoveryLinks(path, CONFIG) : undefined
  if (links) c.header('Link', links)
  const browser = stored.browserETag !== undefined && isBrowserNavigation(c.req.header('Accept'))
  const representation = {
    bytes: stored.bytes,
    contentType: browser ? XML : stored.contentType,
    etag: (browser ? stored.browserETag : stored.etag) as string,
    lastModified: stored.lastModified,
    lastModifiedTime: stored.lastModified === undefined ? undefined : Date.parse(stored.lastModified),
  }
  return respond(c, representation, {
    status: stored.status,
    immutable: stored.immutable,
    vary: stored.browserETag === undefined ? undefined : 'Accept-Encoding, Accept',
  })
}

documents.get('*', async (c) => {
  const path = canonicalPath(c.req.path)
  if (path === undefined) return c.notFound()
  const stored = await readStored(c.env.ARCHIVE, path)
  if (stored) return answer(c, path, stored)
  const problem = await missingFromIndex(c.env.DB, path)
  if (problem) throw new StorageUnavailable(problem)
  return c.notFound()
})

/** OPTIONS on a document answers 204 with Allow (RFC 9110 §9.3.7); feeds answered the CORS preflight above. */
documents.options('*', (c) => (canonicalPath(c.req.path) ? c.body(null, 204, { Allow: ALLOW }) : c.notFound()))

/** Any other method on a document: 405 with Allow (RFC 9110 §15.5.6). */
documents.all('*', (c) => (canonicalPath(c.req.path) ? c.body(null, 405, { Allow: ALLOW }) : c.notFound()))
