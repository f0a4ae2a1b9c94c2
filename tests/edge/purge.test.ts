/**
 * Workers Cache: every answer carries Cache-Tags, and after a publish exactly the tags of what
 * changed are purged — by the publisher only (PUBLISH_SECRET), as is the hub's publish ping.
 * `ctx.cache` is a double here: Miniflare does not simulate Workers Cache (workers-sdk #14734).
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import tass from '../../content/articles/china-russia-security-cooperation.ts'
import { loadContent } from '../../content/load.ts'
import { pathTag, purgeTagsOf, SITE_TAG } from '../../src/archive/cache-tags.ts'
import { generatedArticle } from '../fixtures/generated.ts'
import { fixtureSite } from '../fixtures/site.ts'
import { publishContent, seedContent } from '../helpers/publish.ts'
import { ORIGIN as LOCAL_ORIGIN } from '../helpers/worker.ts'
import { call, SECRET } from './handler.ts'

/** A Workers Cache double: records what it is asked to purge. */
const cacheDouble = () => {
  const purged: CachePurgeOptions[] = []
  const cache: CacheContext = {
    purge: async (options) => {
      purged.push(options)
      return { success: true, errors: [] }
    },
    invalidate: async () => ({ success: true, errors: [] }),
  }
  return { cache, purged, tags: () => purged.flatMap((options) => options.tags ?? []) }
}

const form = (tags: readonly string[]) => {
  const body = new URLSearchParams()
  for (const tag of tags) body.append('tag', tag)
  return body.toString()
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }

const purgeRequest = (tags: readonly string[], headers: Record<string, string>, cache?: CacheContext) =>
  call('/purge', { method: 'POST', headers: { ...FORM, ...headers }, body: form(tags), cache })

/** Every document key in R2 with its ETag (variants, under NUL-suffixed keys, left out). */
const storedETags = async (): Promise<Map<string, string>> => {
  const etags = new Map<string, string>()
  let cursor: string | undefined
  do {
    const page = await env.ARCHIVE.list({ cursor, include: ['customMetadata'] })
    for (const object of page.objects)
      if (!object.key.includes('\u0000')) etags.set(object.key, object.customMetadata?.etag ?? '')
    cursor = page.truncated ? page.cursor : undefined
  } while (cursor)
  return etags
}

// The seed article, published into this file's own storage.
beforeAll(() => publishContent(seedContent()))

describe('Cache-Tag', () => {
  it('tags an article with the site, its path, the site scope and its tags', async () => {
    const response = await call('/articles/china-russia-security-cooperation')
    expect(response.headers.get('Cache-Tag')?.split(',')).toEqual([
      SITE_TAG,
      'path:/articles/china-russia-security-cooperation',
      'topic:/',
      'tag:china',
      'tag:russia',
      'tag:sco',
      'tag:csto',
    ])
  })

  it('tags a tag feed with its scope and tag, in every coding and on the fast path', async () => {
    for (const encoding of ['gzip', 'identity', 'identity'])
      expect(
        (await call('/tags/sco/atom.xml', { headers: { 'Accept-Encoding': encoding } })).headers.get('Cache-Tag'),
      ).toBe('site,path:/tags/sco/atom.xml,topic:/tags/sco,tag:sco')
  })
})

describe('the purge', () => {
  it('refuses without the secret, with a wrong one, and when none is configured — and purges nothing', async () => {
    const double = cacheDouble()
    expect((await purgeRequest([SITE_TAG], {}, double.cache)).status).toBe(401)
    expect((await purgeRequest([SITE_TAG], { Authorization: 'Bearer wrong' }, double.cache)).status).toBe(401)
    expect((await purgeRequest([SITE_TAG], { Authorization: SECRET }, double.cache)).status).toBe(401)
    const unconfigured = await call('/purge', {
      method: 'POST',
      headers: { ...FORM, Authorization: `Bearer ${SECRET}` },
      body: form([SITE_TAG]),
      cache: double.cache,
      bindings: { PUBLISH_SECRET: '' } as Partial<typeof env>,
    })
    expect(unconfigured.status).toBe(403)
    expect(double.purged).toEqual([])
  })

  it('purges the tags it is given, and says so where there is no ctx.cache', async () => {
    const double = cacheDouble()
    const ok = await purgeRequest(['path:/feed.xml', 'tag:sco'], { Authorization: `Bearer ${SECRET}` }, double.cache)
    expect(ok.status).toBe(200)
    expect(double.tags()).toEqual(['path:/feed.xml', 'tag:sco'])
    const local = await purgeRequest(['path:/feed.xml'], { Authorization: `Bearer ${SECRET}` })
    expect(local.status).toBe(200)
    expect(await local.text()).toContain('nothing to purge')
  })

  it('after a publish, purges exactly the documents whose bytes changed', async () => {
    const before = await storedETags()
    const content = loadContent(fixtureSite, [
      ['china-russia-security-cooperation', tass],
      ['one-more', generatedArticle(1)],
    ])
    const summary = await publishContent(content)
    const after = await storedETags()
    const changed = [...after].filter(([key, etag]) => before.get(key) !== etag).map(([key]) => key)
    expect(changed.length).toBeGreaterThan(3)
    // What `npm run publish` sends (scripts/publish.ts), through the Worker.
    const double = cacheDouble()
    const tags = purgeTagsOf(summary.changedPaths)
    expect((await purgeRequest(tags, { Authorization: `Bearer ${SECRET}` }, double.cache)).status).toBe(200)
    expect(new Set(double.tags())).toEqual(new Set(changed.map(pathTag)))
    // And each purged tag is one the changed document's answers carry.
    for (const key of changed.filter((key) => key.startsWith('/')).slice(0, 8)) {
      const response = await call(key)
      expect(response.headers.get('Cache-Tag')?.split(','), key).toContain(pathTag(key))
    }
  })
})

describe('the hub’s publish ping', () => {
  const ping = (headers: Record<string, string>) =>
    call('/websub', {
      method: 'POST',
      headers: { ...FORM, ...headers },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': `${LOCAL_ORIGIN}/feed.xml` }).toString(),
    })

  it('needs the publisher’s secret', async () => {
    expect((await ping({})).status).toBe(401)
    expect((await ping({ Authorization: 'Bearer nope' })).status).toBe(401)
    const ok = await ping({ Authorization: `Bearer ${SECRET}` })
    expect(ok.status).toBe(202)
    expect(await ok.text()).toMatch(/^Accepted: \d+ deliveries queued for 1 topics/)
  })
})
