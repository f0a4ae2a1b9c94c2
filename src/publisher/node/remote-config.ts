/**
 * @module
 * For `npm run publish -- --remote`: a copy of wrangler.toml whose DB and ARCHIVE bindings are
 * marked `remote = true`, so that getPlatformProxy reaches the deployed D1 and R2 (wrangler's
 * remote bindings; needs `wrangler login`). Not exercised by the tests: there is no network here.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const remoteConfig = (configPath: string): string => {
  const source = readFileSync(configPath, 'utf8')
  const marked = source
    .replace(/(\[\[d1_databases\]\]\nbinding = "DB"\n)/, '$1remote = true\n')
    .replace(/(\[\[r2_buckets\]\]\nbinding = "ARCHIVE"\n)/, '$1remote = true\n')
  if (marked.split('remote = true').length !== 3) throw new Error(`${configPath}: DB and ARCHIVE bindings not found`)
  const path = join(configPath, '../.wrangler/tmp/wrangler.remote.toml')
  writeFileSync(path, marked.replaceAll('migrations_dir = "migrations"', 'migrations_dir = "../../migrations"'))
  return path
}
