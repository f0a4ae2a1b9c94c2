/**
 * @module
 * `npm run publish [-- --remote] [-- --env <name>]`: checks the content, then writes what changed
 * to the archive's storage — local by default (.wrangler/state, what `wrangler dev` serves), the
 * deployed Worker's D1 and R2 with --remote. Invalid content writes nothing. Then it tells the
 * WebSub hub which feeds changed (scripts/notify-hub.ts); `--no-notify` leaves the hub to find the
 * changes itself (its cron, within a minute). It also asks the Worker to purge the Workers Cache
 * tags of the documents that changed (`--purge-site`: every tag, after a deploy); both calls carry
 * PUBLISH_SECRET (environment, or `.dev.vars` locally).
 *
 * `--force` renders and writes every document whatever the index says: it repairs storage that
 * lost objects (the Worker answers 503 for a document the index lists but R2 lacks).
 *
 * For local work and tests: `--articles <dir>` publishes the article files of another folder,
 * `--persist-to <dir>` writes to another local state folder (as `wrangler dev --persist-to`),
 * `--var NAME:VALUE` overrides a `[vars]` value as `wrangler dev --var` does (`npm run dev`
 * passes the same to both, e.g. PUBLIC_ORIGIN for the address it serves at).
 */
import { execFileSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { getPlatformProxy } from 'wrangler'
import { ContentError, type Problem } from '../content/errors.ts'
import { type Content, findFutureDates } from '../content/load.ts'
import { purgeTagsOf, SITE_TAG } from '../src/archive/cache-tags.ts'
import { DEFAULT_COMPRESSORS } from '../src/archive/encodings.ts'
import { type LoadedContent, loadContentCached } from '../src/build/files/content-cache.ts'
import { ARTICLES_DIR, articleFiles, ROOT } from '../src/build/files/content-files.ts'
import { brotliMax } from '../src/build/node/brotli.ts'
import { changedTopics, notifyHub } from '../src/build/node/notify-hub.ts'
import { printProblems } from '../src/build/node/problems.ts'
import { publishSecret } from '../src/build/node/publish-secret.ts'
import { codeVersion, loadPublisher } from '../src/build/node/publisher.ts'
import { purgeCache } from '../src/build/node/purge-cache.ts'
import { remoteConfig } from '../src/build/node/remote-config.ts'
import { loadConfig, parseVarArguments, WRANGLER_TOML } from '../src/build/node/wrangler-config.ts'
import { hubURL, originOf } from '../src/config.ts'

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    env: { type: 'string' },
    articles: { type: 'string' },
    'persist-to': { type: 'string' },
    var: { type: 'string', multiple: true, default: [] },
    'no-notify': { type: 'boolean', default: false },
    'purge-site': { type: 'boolean', default: false },
  },
})
if (values.remote && (values['persist-to'] || values.var.length > 0 || values.articles)) {
  console.error('✗ --articles, --persist-to and --var are for local publishing only.')
  process.exit(2)
}
const started = performance.now()
const seconds = () => ((performance.now() - started) / 1000).toFixed(1)

const fail = (problems: readonly Problem[]): never => {
  printProblems(problems, '; nothing was published')
  process.exit(1)
}

const folder = values.articles === undefined ? ARTICLES_DIR : resolve(values.articles)
let loaded: LoadedContent
try {
  loaded = await loadContentCached(articleFiles(folder), { folder, useCache: !values.force })
} catch (error) {
  if (!(error instanceof ContentError)) throw error
  loaded = fail(error.problems)
}
if (loaded.problems.length > 0 || !loaded.content) fail(loaded.problems)
const content = loaded.content as Content
const future = findFutureDates(content, new Date())
if (future.length > 0) fail(future)
console.log(
  `✓ ${content.articles.length} article${content.articles.length === 1 ? '' : 's'} checked ` +
    `(${seconds()} s; ${loaded.read} file${loaded.read === 1 ? '' : 's'} read, ` +
    'the others unchanged since the last publish)',
)

const config = loadConfig(values.env, parseVarArguments(values.var))
if (values.remote && !config.publicOrigin) {
  console.error('✗ Set PUBLIC_ORIGIN in wrangler.toml [vars] before publishing to the deployed Worker.')
  process.exit(1)
}
const origin = originOf(config)
const persistTo = values['persist-to'] === undefined ? undefined : resolve(values['persist-to'])

const where = values.remote ? '--remote' : '--local'
execFileSync(
  'wrangler',
  [
    ...['d1', 'migrations', 'apply', 'DB', where, '--config', WRANGLER_TOML],
    ...(values.env ? ['--env', values.env] : []),
    ...(persistTo ? ['--persist-to', persistTo] : []),
  ],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: 'true' } },
)

const { publish } = await loadPublisher()
const proxy = await getPlatformProxy<{ DB: D1Database; ARCHIVE: R2Bucket }>({
  configPath: values.remote ? remoteConfig(WRANGLER_TOML) : WRANGLER_TOML,
  environment: values.env,
  remoteBindings: values.remote,
  // wrangler's --persist-to <dir> keeps its state in <dir>/v3.
  persist: persistTo ? { path: join(persistTo, 'v3') } : true,
})
let changedPaths: readonly string[] = []
const hub = hubURL(config, origin)
try {
  const summary = await publish(
    content,
    { db: proxy.env.DB, bucket: proxy.env.ARCHIVE },
    {
      origin,
      hub,
      codeVersion: await codeVersion(),
      force: values.force,
      knownHashes: loaded.knownHashes,
      loadBodies: loaded.loadBodies,
      compressors: { ...DEFAULT_COMPRESSORS, br: brotliMax },
      log: (message) => console.log(`  ${message}`),
    },
  )
  const { articles, documents } = summary
  changedPaths = summary.changedPaths
  console.log(
    `✓ published to ${values.remote ? 'the deployed Worker' : 'local storage'} for ${origin} in ${seconds()} s: ` +
      `articles ${articles.added} added, ${articles.changed} changed, ${articles.removed} removed; ` +
      `documents ${documents.written} written, ${documents.removed} removed` +
      (documents.unchanged > 0 ? ` (${documents.unchanged} re-rendered to the same bytes)` : ''),
  )
} finally {
  await proxy.dispose()
}

const secret = publishSecret(ROOT, values.remote)
if (!values['no-notify']) {
  // Workers Cache: exactly the documents that changed; --purge-site (npm run deploy) everything.
  const tags = values['purge-site'] ? [SITE_TAG] : purgeTagsOf(changedPaths)
  const result = await purgeCache(origin, tags, secret)
  if ('skipped' in result) console.log(`  Workers Cache: not purged: ${result.skipped}`)
  else console.log(`✓ Workers Cache: ${result.purged} tags sent to the Worker: ${result.answer}`)
}
if (hub !== undefined && !values['no-notify']) {
  const result = await notifyHub(hub, origin, changedTopics(changedPaths), secret)
  if ('skipped' in result) console.log(`  WebSub: hub not notified (its cron will catch up): ${result.skipped}`)
  else console.log(`✓ WebSub: ${hub} notified of ${result.notified} changed feeds (${result.answer})`)
}
