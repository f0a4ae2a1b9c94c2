/**
 * @module
 * Every published document — feeds, pages, archive pages, sitemaps, robots.txt, assets —
 * answered from R2 under its storage key (src/archive/paths.ts), in the content coding the
 * reader accepts (stored at publish time, src/archive/encodings.ts). The request path is read
 * once; the resource it names is passed along. Feeds are readable cross-origin (CORS); RSS and
 * Atom go to browsers as application/xml (negotiation.ts); a removed document answers 410.
 * A cold read streams from R2 to the reader; only an answer the fast path will remember is read
 * into memory.
 */
import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import { cacheTagsOf } from '../../archive/cache-tags.ts'
import { XML } from '../../archive/media-types.ts'
import { fromStoredMetadata } from '../../archive/metadata.ts'
import { isFeed, type ResolvedPath, resolvePath } from '../../archive/paths.ts'
import { readCoded, StorageUnavailable, type StoredBody } from '../../archive/read.ts'
import { CONFIG } from '../config-binding.ts'
import type { AppEnv } from '../env.ts'
import type { Representation } from '../representation.ts'
import { AbsentKeys } from './absent.ts'
import { codingFor } from './accept-encoding.ts'
import { isBrowserNavigation } from './negotiation.ts'
import { ALLOW, allowOnOptions } from './options.ts'
import { respond } from './respond.ts'

type DocumentsEnv = AppEnv & { Variables: { resolved?: ResolvedPath } }

export const documents = new Hono<DocumentsEnv>()

/** Keys nothing is published at, remembered for MEMORY_SECONDS (absent.ts). */
export const absentKeys = new AbsentKeys({ seconds: CONFIG.memorySeconds, maxKeys: 4096 })

const feedCORS = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposeHeaders: ['ETag', 'Last-Modified', 'Link'],
  maxAge: 86400,
})

/** A language prefix without its slash (`/ru`): what people type for a language's home. */
const BARE_LANGUAGE_PREFIX = /^\/[a-z]{2,3}$/

/**
 * `/ru` → 301 `/ru/` when that language's home is published (a 200 document, not a tombstone);
 * undefined otherwise (404). A prefix nothing is published at is remembered like any unknown key,
 * so guesses cost one R2 head and one D1 lookup, then nothing for MEMORY_SECONDS.
 */
const languageHomeRedirect = async (c: Context<DocumentsEnv>): Promise<Response | undefined> => {
  if (!BARE_LANGUAGE_PREFIX.test(c.req.path) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return undefined
  const home = `${c.req.path}/`
  if (absentKeys.isAbsent(home)) return undefined
  const head = await c.env.ARCHIVE.head(home)
  if (head && fromStoredMetadata(head)?.status === 200) return c.redirect(home, 301)
  if (!head) await absentKeys.problem(c.env.DB, home)
  return undefined
}

documents.use('*', async function resolve(c, next) {
  const resolved = resolvePath(c.req.path)
  if (!resolved) return (await languageHomeRedirect(c)) ?? c.notFound()
  c.set('resolved', resolved)
  if (!isFeed(resolved.resource)) return next()
  await allowOnOptions(c, async () => {
    const preflight = await feedCORS(c, next)
    if (preflight) c.res = preflight
  })
})

const answer = (c: Context<DocumentsEnv>, key: string, stored: StoredBody): Response => {
  // WebSub §4 discovery: hub and self as Link headers, on GET and HEAD — as the document names them.
  if (stored.status === 200 && stored.link) c.header('Link', stored.link)
  const browser = stored.browserETag !== undefined && isBrowserNavigation(c.req.header('Accept'))
  const representation: Representation = {
    body: stored.body,
    size: stored.size,
    coding: stored.coding,
    contentType: browser ? XML : stored.contentType,
    etag: (browser ? stored.browserETag : stored.etag) as string,
    lastModified: stored.lastModified,
    lastModifiedTime: stored.lastModified === undefined ? undefined : Date.parse(stored.lastModified),
    cacheTags: cacheTagsOf(key, stored.tags),
    source: stored.source,
  }
  return respond(c, representation, {
    status: stored.status,
    immutable: stored.immutable,
    vary: stored.browserETag === undefined ? undefined : 'Accept-Encoding, Accept',
  })
}

documents.get('*', async (c) => {
  const { key } = c.get('resolved') as ResolvedPath
  if (absentKeys.isAbsent(key)) return c.notFound()
  // HEAD (routed here by Hono, which drops the body): an R2 head, so no body is opened for nothing.
  const stored = await readCoded(c.env.ARCHIVE, key, codingFor(c.req.raw), {
    bytes: c.get('keepBytes') === true,
    head: c.req.method === 'HEAD',
  })
  if (stored) return answer(c, key, stored)
  const problem = await absentKeys.problem(c.env.DB, key)
  if (problem) throw new StorageUnavailable(problem)
  return c.notFound()
})

/** OPTIONS on a document answers 204 with Allow (RFC 9110 §9.3.7); feeds answered the CORS preflight above. */
documents.options('*', (c) => c.body(null, 204, { Allow: ALLOW }))

/** Any other method on a document: 405 with Allow (RFC 9110 §15.5.6). */
documents.all('*', (c) => c.body(null, 405, { Allow: ALLOW }))
