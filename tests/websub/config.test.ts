/** WEBSUB_HUB and WEBSUB_ALLOW_LOOPBACK: parsed once with the configuration's one policy. */
import { describe, expect, it } from 'vitest'
import { ConfigError, hubURL, parseConfig } from '../../src/config.ts'
import { renderAtom } from '../../src/feed/atom.ts'
import { buildFeedModel } from '../../src/feed/build.ts'
import { buildCatalog } from '../../src/feed/catalog.ts'
import { renderJSONFeed } from '../../src/feed/json-feed.ts'
import { renderRSS } from '../../src/feed/rss.ts'
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
