/**
 * @module
 * Every published document — feeds, pages, archive pages, sitemaps, robots.txt, assets —
 * answered from R2 under its storage key (src/archive/paths.ts). The request path is read
 * once; the resource it names is passed along. Feeds are readable cross-origin (CORS); RSS and
 * Atom go to browsers as application/xml (negotiation.ts); a removed document answers 410.
 */
import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import { XML } from '../../archive/media-types.ts'
import { isFeed, type ResolvedPath, resolvePath } from '../../archive/paths.ts'
import { missingFromIndex, readStored, StorageUnavailable, type StoredDocument } from '../../archive/read.ts'
import type { AppEnv } from '../env.ts'
import { isBrowserNavigation } from './negotiation.ts'
import { ALLOW, allowOnOptions } from './options.ts'
import { respond } from './respond.ts'

type DocumentsEnv = AppEnv & { Variables: { resolved?: ResolvedPath } }

export const documents = new Hono<DocumentsEnv>()

const feedCORS = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Last-Modified', 'Link'],
  maxAge: 86400,
})

documents.use('*', async function resolve(c, next) {
  const resolved = resolvePath(c.req.path)
  if (!resolved) return c.notFound()
  c.set('resolved', resolved)
  if (!isFeed(resolved.resource)) return next()
  await allowOnOptions(c, async () => {
    const preflight = await feedCORS(c, next)
    if (preflight) c.res = preflight
  })
})

const answer = (c: Context<DocumentsEnv>, stored: StoredDocument): Response => {
  // WebSub §4 discovery: hub and self as Link headers, on GET and HEAD — as the document names them.
  if (stored.status === 200 && stored.link) c.header('Link', stored.link)
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
  const { key } = c.get('resolved') as ResolvedPath
  const stored = await readStored(c.env.ARCHIVE, key)
  if (stored) return answer(c, stored)
  const problem = await missingFromIndex(c.env.DB, key)
  if (problem) throw new StorageUnavailable(problem)
  return c.notFound()
})

/** OPTIONS on a document answers 204 with Allow (RFC 9110 §9.3.7); feeds answered the CORS preflight above. */
documents.options('*', (c) => c.body(null, 204, { Allow: ALLOW }))

/** Any other method on a document: 405 with Allow (RFC 9110 §15.5.6). */
documents.all('*', (c) => c.body(null, 405, { Allow: ALLOW }))
