/** The configuration: read once, with one policy — unset takes the default, set and wrong is an error naming the variable. */
import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULTS, parseConfig } from '../src/config.ts'
import { CONFIG } from '../src/worker/config-binding.ts'

describe('configuration', () => {
  it('takes the defaults for variables that are unset or empty', () => {
    expect(parseConfig({})).toEqual({
      publicOrigin: undefined,
      cacheMaxAge: DEFAULTS.cacheMaxAge,
      memoryBudgetBytes: DEFAULTS.memoryBudgetMiB * 1024 * 1024,
      memorySeconds: DEFAULTS.memorySeconds,
      websubHub: { kind: 'ours' },
      websubAllowLoopback: false,
    })
    expect(parseConfig({ PUBLIC_ORIGIN: '', CACHE_MAX_AGE: '' })).toEqual(parseConfig({}))
  })

  it('reads valid values, an origin without its trailing slash', () => {
    expect(
      parseConfig({
        PUBLIC_ORIGIN: 'https://news.example.com/',
        CACHE_MAX_AGE: '900',
        MEMORY_BUDGET_MIB: '8',
        MEMORY_SECONDS: '0',
      }),
    ).toEqual({
      publicOrigin: 'https://news.example.com',
      cacheMaxAge: 900,
      memoryBudgetBytes: 8 * 1024 * 1024,
      memorySeconds: 0,
      websubHub: { kind: 'ours' },
      websubAllowLoopback: false,
    })
  })

  it.each([
    ['PUBLIC_ORIGIN', 'news.example.com'],
    ['PUBLIC_ORIGIN', 'https://news.example.com/feeds'],
    ['PUBLIC_ORIGIN', 'ftp://news.example.com'],
    ['CACHE_MAX_AGE', 'ten minutes'],
    ['CACHE_MAX_AGE', '-1'],
    ['CACHE_MAX_AGE', '1.5'],
    ['MEMORY_BUDGET_MIB', '200'],
    ['MEMORY_SECONDS', 'soon'],
  ])('refuses %s = %j with an error naming it, never a silent default', (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => parseConfig({ [name]: value })).toThrow(`${name} = ${JSON.stringify(value)} in wrangler.toml [vars]`)
  })

  it('is what wrangler.toml says for the Worker under test', () => {
    expect(CONFIG.cacheMaxAge).toBe(600)
    expect(CONFIG.memoryBudgetBytes).toBe(16 * 1024 * 1024)
  })
})
