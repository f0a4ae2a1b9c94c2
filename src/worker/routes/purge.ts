/**
 * @module
 * POST /purge, `tag=<cache tag>&tag=…` (form): after a publish, `npm run publish` names the tags
 * of what changed (src/archive/cache-tags.ts) and Workers Cache drops the answers that carry
 * them (`ctx.cache.purge`). Only the publisher may (publisher.ts). Where there is no Workers
 * Cache — `wrangler dev` and Miniflare do not simulate it (workers-sdk discussion #14734),
 * `ctx.cache` is undefined — there is nothing to purge, and the answer says so.
 */
import { type Context, Hono } from 'hono'
import { PURGE_TAGS_PER_REQUEST } from '../../archive/cache-tags.ts'
import type { AppEnv } from '../env.ts'
import { refusePublisher } from './publisher.ts'

export const purge = new Hono<AppEnv>()

/** Tags per purge call (a publish of everything names its paths in several requests of PURGE_PURGE_TAGS_PER_REQUEST). */
export const TAGS_PER_CALL = 100

const FORM = 'application/x-www-form-urlencoded'

const cacheOf = (c: Context<AppEnv>): CacheContext | undefined => {
  try {
    // Hono's ExecutionContext type predates ctx.cache; workerd's has it (undefined locally).
    return (c.executionCtx as { cache?: CacheContext }).cache
  } catch {
    // Hono throws when the app runs without an execution context (app.request in tests).
    return undefined
  }
}

purge.post('/', async (c) => {
  const refusal = await refusePublisher(c, 'purge the cache')
  if (refusal) return refusal
  const headers = { 'Cache-Control': 'no-store' }
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== FORM) return c.text(`Send the tags as ${FORM}\n`, 415, headers)
  const text = new TextDecoder().decode(await c.req.arrayBuffer())
  const tags = [...new Set(new URLSearchParams(text).getAll('tag').filter((tag) => tag !== ''))]
  if (tags.length === 0) return c.text('Name at least one tag=\n', 400, headers)
  if (tags.length > PURGE_TAGS_PER_REQUEST)
    return c.text(`At most ${PURGE_TAGS_PER_REQUEST} tags per request\n`, 413, headers)
  const cache = cacheOf(c)
  if (!cache)
    return c.text(`No Workers Cache here (ctx.cache is absent): ${tags.length} tags, nothing to purge\n`, 200, headers)
  for (let i = 0; i < tags.length; i += TAGS_PER_CALL) {
    const result = await cache.purge({ tags: tags.slice(i, i + TAGS_PER_CALL) })
    if (!result.success) {
      console.error('cache purge failed:', result.errors)
      return c.text(`Purge failed: ${JSON.stringify(result.errors)}\n`, 502, headers)
    }
  }
  return c.text(`Purged ${tags.length} tags\n`, 200, headers)
})

/** RFC 9110 §15.5.6: POST only. */
purge.all('/', (c) => c.text('POST the tags to purge\n', 405, { Allow: 'POST', 'Cache-Control': 'no-store' }))
