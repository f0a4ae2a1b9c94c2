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
 * `--media <dir>` takes its pictures from another folder than content/media,
 * `--persist-to <dir>` writes to another local state folder (as `wrangler dev --persist-to`),
 * `--var NAME:VALUE` overrides a `[vars]` value as `wrangler dev --var` does (`npm run dev`
 * passes the same to both, e.g. PUBLIC_ORIGIN for the address it serves at). `--profile` logs the
 * time of each phase.
 *
 * Pictures (README, "Pictures"): every file the articles name is checked before anything is
 * written; the site icon's files are made from content/icon.png; variants are encoded here, in
 * Node (sharp), only for files storage does not hold yet.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { enableCompileCache } from 'node:module'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ContentError, type Problem } from '../content/errors.ts'
import { MEDIA_DIR } from '../content/image-rules.ts'
import { type Content, findFutureDates } from '../content/load.ts'
import { purgeTagsOf, SITE_TAG } from '../src/archive/cache-tags.ts'
import { clearReceipt, readReceipt, writeReceipt } from '../src/archive/publish-receipt.ts'
import { hubURL, originOf } from '../src/config.ts'
import { type LoadedContent, loadContentCached, readContentCache } from '../src/publisher/files/content-cache.ts'
import { ARTICLES_DIR, articleFiles, ROOT } from '../src/publisher/files/content-files.ts'
import { openLocalStorage, type StorageBindings } from '../src/publisher/node/local-storage.ts'
import { nextTurn } from '../src/publisher/node/next-turn.ts'
import { changedTopics, notifyHub } from '../src/publisher/node/notify-hub.ts'
import { pendingMigrations } from '../src/publisher/node/pending-migrations.ts'
import { printAdvice, printProblems } from '../src/publisher/node/problems.ts'
import { publishInputs } from '../src/publisher/node/publish-inputs.ts'
import { publishSecret } from '../src/publisher/node/publish-secret.ts'
import { codeVersion, loadPublisher } from '../src/publisher/node/publisher.ts'
import { purgeCache } from '../src/publisher/node/purge-cache.ts'
import { receiptHint, rememberReceipt } from '../src/publisher/node/receipt-hint.ts'
import { remoteConfig } from '../src/publisher/node/remote-config.ts'
import { statFiles } from '../src/publisher/node/stat-files.ts'
import { loadConfig, parseVarArguments, WRANGLER_TOML } from '../src/publisher/node/wrangler-config.ts'
import { NODE_COMPRESSORS } from '../src/publisher/node/zlib-compressors.ts'

// V8's code cache for what is imported from here on (Miniflare, sharp, the publisher bundle, the
// article files whose bodies are rendered), kept on disk and reused while the sources are the same:
// ~0.2 s of compiling per publish (Node's module.enableCompileCache).
enableCompileCache(join(ROOT, '.wrangler/cache/node-compile'))

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    env: { type: 'string' },
    articles: { type: 'string' },
    media: { type: 'string' },
    'persist-to': { type: 'string' },
    var: { type: 'string', multiple: true, default: [] },
    'no-notify': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'purge-site': { type: 'boolean', default: false },
  },
})
if (values.remote && (values['persist-to'] || values.var.length > 0 || values.articles || values.media)) {
  console.error('✗ --articles, --media, --persist-to and --var are for local publishing only.')
  process.exit(2)
}
const started = performance.now()
// performance.now() counts from the process's start: what loading the modules (wrangler's above all) took.
if (values.profile) console.log(`  modules loaded in ${(started / 1000).toFixed(1)} s`)
const seconds = () => ((performance.now() - started) / 1000).toFixed(1)

const config = loadConfig(values.env, parseVarArguments(values.var))
if (values.remote && !config.publicOrigin) {
  console.error('✗ Set PUBLIC_ORIGIN in wrangler.toml [vars] before publishing to the deployed Worker.')
  process.exit(1)
}
const origin = originOf(config)
const persistTo = values['persist-to'] === undefined ? undefined : resolve(values['persist-to'])

const lap = (what: string) => {
  if (values.profile) console.log(`  ${what} at ${seconds()} s`)
}
const where = values.remote ? '--remote' : '--local'
const applyMigrations = () =>
  execFileSync(
    'wrangler',
    [
      ...['d1', 'migrations', 'apply', 'DB', where, '--config', WRANGLER_TOML],
      ...(values.env ? ['--env', values.env] : []),
      ...(persistTo ? ['--persist-to', persistTo] : []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: 'true' } },
  )
// Local storage is opened with Miniflare alone (local-storage.ts: seconds faster than importing
// wrangler); the deployed D1 and R2 only through wrangler's remote bindings (`wrangler login`).
const storageProxy = async (): Promise<StorageBindings> => {
  if (!values.remote) return openLocalStorage({ persistTo, environment: values.env })
  const { getPlatformProxy } = await import('wrangler')
  return getPlatformProxy<StorageBindings['env']>({
    configPath: remoteConfig(WRANGLER_TOML),
    environment: values.env,
    remoteBindings: true,
  })
}
// Started before the content is checked: workerd (the storage proxy) and esbuild (the publisher
// bundle, the code version) start in processes of their own, in parallel with the checks.
const starting = storageProxy()
const publisherLoading = loadPublisher()
const versionComputing = codeVersion()
for (const promise of [starting, publisherLoading, versionComputing]) promise.catch(() => {})

const fail = async (problems: readonly Problem[]): Promise<never> => {
  await (await starting.catch(() => undefined))?.dispose()
  printProblems(problems, '; nothing was published')
  process.exit(1)
}

const folder = values.articles === undefined ? ARTICLES_DIR : resolve(values.articles)
const mediaDir = values.media === undefined ? join(ROOT, MEDIA_DIR) : resolve(values.media)
const files = articleFiles(folder)
// The article files are stat-ed in a worker thread while this one reads the publish cache: at
// 100,000 articles each takes ~0.6 s, and a publish with something to do needs both (one with
// nothing to do reads the cache for nothing, in the time the stats take anyway).
const statting = statFiles(ROOT, files)
const cache = await readContentCache(folder, !values.force)
lap('publish cache read')
const stats = await statting
// Between long synchronous stretches, a turn for the storage proxy starting beside (next-turn.ts).
await nextTurn()
const hub = hubURL(config, origin)
// Where this publish goes, and what it is made of (publish-inputs.ts): when storage's receipt
// says its last complete publish was made of the same, there is nothing to do.
const destination = values.remote ? 'the deployed Worker' : 'local storage'
const target = values.remote ? `remote ${values.env ?? ''}` : `local ${persistTo ?? join(ROOT, '.wrangler/state')}`
const inputs = publishInputs({
  articles: files,
  articleStats: stats,
  articlesDir: folder,
  mediaDir,
  settings: { target, environment: values.env, config, origin, hub },
})
lap(`${inputs.files} input files stat-ed`)
// --purge-site asks for the purge whatever changed: it never stops at the receipt.
if (!values.force && !values['purge-site'] && receiptHint(target) === inputs.hash) {
  const proxy = await starting
  if ((await readReceipt(proxy.env.DB)) === inputs.hash) {
    await proxy.dispose()
    console.log(
      `✓ ${files.length} article file${files.length === 1 ? '' : 's'}, the pictures, the code and the settings are ` +
        `those of the last complete publish to ${destination} ` +
        `(its receipt says so; 0 files read, ${seconds()} s)`,
    )
    console.log(
      `✓ ${destination} for ${origin} is up to date: ` +
        'articles 0 added, 0 changed, 0 removed; documents 0 written, 0 removed',
    )
    process.exit(0)
  }
  lap('receipt differs')
}
let loaded: LoadedContent
try {
  loaded = await loadContentCached(files, {
    folder,
    cache,
    stats,
    useCache: !values.force,
    log: values.profile ? (message) => console.log(`  ${message}`) : undefined,
  })
} catch (error) {
  if (!(error instanceof ContentError)) throw error
  loaded = await fail(error.problems)
}
if (loaded.problems.length > 0 || !loaded.content) await fail(loaded.problems)
const content = loaded.content as Content
const future = findFutureDates(content, new Date())
if (future.length > 0) await fail(future)

// Pictures: checked before anything is written; a file unchanged since the last publish is not read.
// sharp is loaded only now (~0.2 s): a publish that finds nothing to do never needs it.
const [{ ICON_SOURCE, renderSiteIcons }, { pictureCacheDir, preparePictures }] = await Promise.all([
  import('../src/publisher/images/icons.ts'),
  import('../src/publisher/images/prepare-pictures.ts'),
])
const pictures = await preparePictures(
  loaded.images,
  new Map(content.articles.map((article) => [article.slug, article.file])),
  { mediaDir, cacheDir: values.force ? undefined : pictureCacheDir(ROOT, mediaDir) },
)
printAdvice(pictures.advice)
if (pictures.problems.length > 0) await fail(pictures.problems)
const icons = await renderSiteIcons(readFileSync(join(ROOT, ICON_SOURCE)), {
  name: content.site.title,
  language: content.site.language,
  background: '#fdfdfb',
})
console.log(
  `✓ ${pictures.source.plans.size} picture${pictures.source.plans.size === 1 ? '' : 's'} checked ` +
    `(${pictures.read} read, the others unchanged since the last publish)`,
)
console.log(
  `✓ ${content.articles.length} article${content.articles.length === 1 ? '' : 's'} checked ` +
    `(${seconds()} s; ${loaded.read} file${loaded.read === 1 ? '' : 's'} read, ` +
    'the others unchanged since the last publish)',
)

const { publish } = await publisherLoading
lap('publisher bundled')
let proxy = await starting
lap('storage proxy started')
// wrangler applies migrations in a process of its own, which takes seconds to start: only when one is pending.
if ((await pendingMigrations(proxy.env.DB)).length > 0) {
  await proxy.dispose()
  applyMigrations()
  proxy = await storageProxy()
  lap('migrations applied')
}
let changedPaths: readonly string[] = []
try {
  // No receipt: the last publish to this storage did not complete (or predates receipts), and
  // the index's scope rows may not describe what it wrote, so everything is planned (publish.ts).
  const planAll = (await readReceipt(proxy.env.DB)) === undefined
  if (planAll) console.log('  no receipt of a complete publish in this storage: every document is planned')
  // Cleared before the first write, written after the last: a run that stops half-way leaves none.
  await clearReceipt(proxy.env.DB)
  const summary = await publish(
    content,
    { db: proxy.env.DB, bucket: proxy.env.ARCHIVE },
    {
      origin,
      hub,
      codeVersion: await versionComputing,
      force: values.force,
      planAll,
      knownHashes: loaded.knownHashes,
      loadBodies: loaded.loadBodies,
      releaseBodies: loaded.releaseBodies,
      compressors: NODE_COMPRESSORS,
      log: (message) => console.log(`  ${message}`),
      profile: values.profile,
      pictures: pictures.source,
      icons,
    },
  )
  const { articles, documents } = summary
  changedPaths = summary.changedPaths
  await writeReceipt(proxy.env.DB, inputs.hash)
  rememberReceipt(target, inputs.hash)
  console.log(
    `✓ published to ${destination} for ${origin} in ${seconds()} s: ` +
      `articles ${articles.added} added, ${articles.changed} changed, ${articles.removed} removed; ` +
      `documents ${documents.written} written, ${documents.removed} removed` +
      (documents.unchanged > 0 ? ` (${documents.unchanged} re-rendered to the same bytes)` : '') +
      `; pictures ${summary.pictures?.encoded ?? 0} encoded, ${summary.pictures?.written ?? 0} variants written ` +
      `(${summary.pictures?.bytesWritten ?? 0} bytes)`,
  )
} finally {
  await proxy.dispose()
  lap('storage proxy closed')
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
lap('done')
