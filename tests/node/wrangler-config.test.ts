/**
 * The publisher reads wrangler.toml without wrangler (src/publisher/node/wrangler-config.ts) and
 * opens local storage with Miniflare alone (local-storage.ts): what it reads must be what wrangler
 * reads — `[vars]` as `unstable_readConfig` gives them, of the top level and of an environment,
 * and the local ids wrangler dev keeps D1 and R2 under — and what it writes must be what wrangler's
 * own `getPlatformProxy` then finds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { getPlatformProxy, unstable_readConfig } from 'wrangler'
import { parseConfig } from '../../src/config.ts'
import { openLocalStorage } from '../../src/publisher/node/local-storage.ts'
import { loadConfig, localStorageIds, WRANGLER_TOML } from '../../src/publisher/node/wrangler-config.ts'

const work = mkdtempSync(join(tmpdir(), 'wrangler-config-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

// A configuration with an environment of its own, and a preview database for local work.
const withEnvironment = join(work, 'wrangler.toml')
writeFileSync(
  withEnvironment,
  `name = "x"
main = "index.js"
compatibility_date = "2026-11-01"

[vars]
PUBLIC_ORIGIN = "https://news.example"
CACHE_MAX_AGE = "300"

[[d1_databases]]
binding = "DB"
database_name = "x"
database_id = "11111111-1111-1111-1111-111111111111"
preview_database_id = "22222222-2222-2222-2222-222222222222"

[[r2_buckets]]
binding = "ARCHIVE"
bucket_name = "x-archive"

[env.staging.vars]
PUBLIC_ORIGIN = "https://staging.news.example"

[[env.staging.d1_databases]]
binding = "DB"
database_name = "x-staging"
database_id = "33333333-3333-3333-3333-333333333333"

[[env.staging.r2_buckets]]
binding = "ARCHIVE"
bucket_name = "x-staging-archive"
`,
)

const wranglersVars = (path: string, env?: string) =>
  parseConfig(unstable_readConfig({ config: path, env }).vars as Record<string, string>)

describe('wrangler.toml read without wrangler', () => {
  it('gives the [vars] wrangler gives, for the project and for an environment', () => {
    expect(loadConfig()).toEqual(wranglersVars(WRANGLER_TOML))
    expect(loadConfig(undefined, {}, withEnvironment)).toEqual(wranglersVars(withEnvironment))
    expect(loadConfig('staging', {}, withEnvironment)).toEqual(wranglersVars(withEnvironment, 'staging'))
    expect(loadConfig('staging', {}, withEnvironment).publicOrigin).toBe('https://staging.news.example')
    expect(() => loadConfig('nowhere', {}, withEnvironment)).toThrow(/no \[env\.nowhere\] section/)
  })

  it('names local D1 and R2 as wrangler dev does: the preview database first, the bucket name', () => {
    expect(localStorageIds(undefined, withEnvironment)).toEqual({
      d1: '22222222-2222-2222-2222-222222222222',
      r2: 'x-archive',
    })
    expect(localStorageIds('staging', withEnvironment)).toEqual({
      d1: '33333333-3333-3333-3333-333333333333',
      r2: 'x-staging-archive',
    })
    const { d1_databases, r2_buckets } = unstable_readConfig({ config: WRANGLER_TOML })
    expect(localStorageIds()).toEqual({ d1: d1_databases[0]?.database_id, r2: r2_buckets[0]?.bucket_name })
  })
})

describe('local storage opened with Miniflare alone', () => {
  it("writes where wrangler's getPlatformProxy (as wrangler dev) reads, and reads what it wrote", async () => {
    const persistTo = join(work, 'state')
    const ours = await openLocalStorage({ persistTo })
    await ours.env.ARCHIVE.put('/probe', 'written by Miniflare alone', { customMetadata: { status: '200' } })
    await ours.env.DB.exec('CREATE TABLE probe (value TEXT)')
    await ours.env.DB.prepare('INSERT INTO probe VALUES (?)').bind('row').run()
    await ours.dispose()

    const wranglers = await getPlatformProxy<{ DB: D1Database; ARCHIVE: R2Bucket }>({
      configPath: WRANGLER_TOML,
      persist: { path: join(persistTo, 'v3') },
    })
    try {
      expect(await (await wranglers.env.ARCHIVE.get('/probe'))?.text()).toBe('written by Miniflare alone')
      expect(await wranglers.env.DB.prepare('SELECT value FROM probe').first('value')).toBe('row')
      await wranglers.env.ARCHIVE.put('/back', 'written by wrangler')
    } finally {
      await wranglers.dispose()
    }

    const again = await openLocalStorage({ persistTo })
    try {
      expect(await (await again.env.ARCHIVE.get('/back'))?.text()).toBe('written by wrangler')
    } finally {
      await again.dispose()
    }
  })

  it('answers D1 statements, batches and errors as the D1 binding does (d1-over-fetch.ts)', async () => {
    const storage = await openLocalStorage({ persistTo: join(work, 'd1-state') })
    try {
      const db = storage.env.DB
      await db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER)')
      const insert = db.prepare('INSERT INTO t VALUES (?, ?)')
      const results = await db.batch([
        insert.bind('a', 1),
        insert.bind('b', null),
        db.prepare('SELECT k FROM t ORDER BY k'),
      ])
      expect(results.map((result) => result.success)).toEqual([true, true, true])
      expect(results[2]?.results).toEqual([{ k: 'a' }, { k: 'b' }])
      expect((await db.prepare('SELECT * FROM t WHERE k = ?').bind('b').all()).results).toEqual([{ k: 'b', n: null }])
      expect(await db.prepare('SELECT n FROM t WHERE k = ?').bind('a').first('n')).toBe(1)
      expect(await db.prepare('SELECT * FROM t WHERE k = ?').bind('z').first()).toBeNull()
      expect(await db.prepare('SELECT k, n FROM t ORDER BY k').raw({ columnNames: true })).toEqual([
        ['k', 'n'],
        ['a', 1],
        ['b', null],
      ])
      expect((await db.prepare('DELETE FROM t WHERE k = ?').bind('a').run()).meta.changes).toBe(1)
      await expect(insert.bind('b', 2).run()).rejects.toThrow(/UNIQUE constraint failed: t.k/)
    } finally {
      await storage.dispose()
    }
  })
})
