/**
 * WEBSUB_HUB and WEBSUB_ALLOW_LOOPBACK, parsed with the configuration's one policy; the Link
 * headers they give; what `npm run publish` tells the hub.
 */
import { describe, expect, it, vi } from 'vitest'
import { ConfigError, hubURL, parseConfig } from '../../src/config.ts'
import { renderAtom } from '../../src/publisher/feed/atom.ts'
import { buildFeedModel } from '../../src/publisher/feed/build.ts'
import { buildCatalog } from '../../src/publisher/feed/catalog.ts'
import { renderJSONFeed } from '../../src/publisher/feed/json-feed.ts'
import { renderRSS } from '../../src/publisher/feed/rss.ts'
import { changedTopics, notifyHub } from '../../src/publisher/node/notify-hub.ts'
import { discoveryLinks } from '../../src/publisher/publish/discovery-links.ts'
import { generatedContent } from '../fixtures/generated.ts'

const ORIGIN = 'https://news.example.com'

describe('WEBSUB_HUB', () => {
  it('names our hub at <origin>/websub by default', () => {
    expect(hubURL(parseConfig({}), ORIGIN)).toBe(`${ORIGIN}/websub`)
    expect(hubURL(parseConfig({ WEBSUB_HUB: '' }), ORIGIN)).toBe(`${ORIGIN}/websub`)
  })

  it('names an external https hub, or none', () => {
    expect(hubURL(parseConfig({ WEBSUB_HUB: 'https://hub.example.net/' }), ORIGIN)).toBe('https://hub.example.net/')
    expect(hubURL(parseConfig({ WEBSUB_HUB: 'none' }), ORIGIN)).toBeUndefined()
  })

  it.each(['http://hub.example.net/', 'hub.example.net', 'https://u:p@hub.example.net/', 'None'])(
    'refuses %s with a ConfigError naming the variable',
    (value) => {
      expect(() => parseConfig({ WEBSUB_HUB: value })).toThrow(ConfigError)
      expect(() => parseConfig({ WEBSUB_HUB: value })).toThrow(/WEBSUB_HUB/)
    },
  )

  it('writes no hub into any format when there is none', () => {
    const model = buildFeedModel(buildCatalog(generatedContent(3)), { origin: ORIGIN })
    if (!model) throw new Error('no model')
    expect(model.hub).toBeUndefined()
    expect(renderRSS(model)).not.toContain('rel="hub"')
    expect(renderAtom(model)).not.toContain('rel="hub"')
    expect(JSON.parse(renderJSONFeed(model)).hubs).toBeUndefined()
  })
})

describe('WEBSUB_ALLOW_LOOPBACK', () => {
  it('is off unless "true"', () => {
    expect(parseConfig({}).websubAllowLoopback).toBe(false)
    expect(parseConfig({ WEBSUB_ALLOW_LOOPBACK: 'false' }).websubAllowLoopback).toBe(false)
    expect(parseConfig({ WEBSUB_ALLOW_LOOPBACK: 'true' }).websubAllowLoopback).toBe(true)
    expect(() => parseConfig({ WEBSUB_ALLOW_LOOPBACK: 'yes' })).toThrow(/WEBSUB_ALLOW_LOOPBACK/)
  })
})

describe('Link headers for discovery', () => {
  it('name our hub, an external one or none, and always one self URL, on subscription feeds', () => {
    const hub = (WEBSUB_HUB: string) => hubURL(parseConfig({ PUBLIC_ORIGIN: ORIGIN, WEBSUB_HUB }), ORIGIN)
    const config = (WEBSUB_HUB: string) => [ORIGIN, hub(WEBSUB_HUB)] as const
    expect(discoveryLinks('/tags/beta/feed.json', ...config(''))).toBe(
      `<${ORIGIN}/websub>; rel="hub", <${ORIGIN}/tags/beta/feed.json>; rel="self"`,
    )
    expect(discoveryLinks('/atom.xml', ...config('https://hub.example.net/'))).toBe(
      `<https://hub.example.net/>; rel="hub", <${ORIGIN}/atom.xml>; rel="self"`,
    )
    expect(discoveryLinks('/feed.xml', ...config('none'))).toBe(`<${ORIGIN}/feed.xml>; rel="self"`)
    expect(discoveryLinks('/archive/2/feed.xml', ...config(''))).toBe(`<${ORIGIN}/archive/2/feed.xml>; rel="self"`)
    expect(discoveryLinks('/tags/beta', ...config(''))).toBeUndefined()
    expect(discoveryLinks('/articles/x', ...config(''))).toBeUndefined()
  })
})

describe('the publish notification', () => {
  it('names only the subscription feeds among the changed paths', () => {
    expect(
      changedTopics([
        '/articles/a',
        '/archive/3/feed.xml',
        '/feed.xml',
        '/',
        '/tags/alpha/atom.xml',
        '/tags/alpha',
        '/feed.json',
        '/sitemap.xml',
      ]),
    ).toEqual(['/feed.xml', '/tags/alpha/atom.xml', '/feed.json'])
  })

  it('posts hub.mode=publish with one hub.url per topic', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response('Accepted: 2 deliveries queued\n', { status: 202 }))
    try {
      const result = await notifyHub(`${ORIGIN}/websub`, ORIGIN, ['/feed.xml', '/tags/alpha/atom.xml'])
      expect(result).toEqual({ notified: 2, answer: 'Accepted: 2 deliveries queued' })
      const [url, init] = fetch.mock.calls[0] as [string, RequestInit]
      expect(url).toBe(`${ORIGIN}/websub`)
      const form = new URLSearchParams(String(init.body))
      expect(form.get('hub.mode')).toBe('publish')
      expect(form.getAll('hub.url')).toEqual([`${ORIGIN}/feed.xml`, `${ORIGIN}/tags/alpha/atom.xml`])
      expect(await notifyHub(`${ORIGIN}/websub`, ORIGIN, [])).toMatchObject({ notified: 0 })
      expect(fetch).toHaveBeenCalledTimes(1)
      // Something else answers there: reported, not thrown (the publish itself succeeded).
      fetch.mockResolvedValueOnce(new Response('Not Found', { status: 404 }))
      expect(await notifyHub(`${ORIGIN}/websub`, ORIGIN, ['/feed.xml'])).toEqual({
        notified: 0,
        skipped: `${ORIGIN}/websub answered 404: Not Found`,
      })
    } finally {
      fetch.mockRestore()
    }
  })
})
