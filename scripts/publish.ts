/**
 * @module
 * `npm run publish [-- --remote] [-- --env <name>]`: checks the content, then writes what changed
 * to the archive's storage — local by default (.wrangler/state, what `wrangler dev` serves), the
 * deployed Worker's D1 and R2 with --remote. Invalid content writes nothing. Then it tells the
 * WebSub hub which feeds changed (scripts/notify-hub.ts); `--no-notify` leaves the hub to find the
 * changes itself (its cron, within a minute).
 *
 * `--force` renders and writes every document whatever the index says: it repairs storage that
 * lost objects (the Worker answers 503 for a document the index lists but R2 lacks).
 *
 * For local work and tests: `--articles <dir>` publishes the article files of another folder,
 * `--media <dir>` takes its pictures from another folder than content/media,
 * `--persist-to <dir>` writes to another local state folder (as `wrangler dev --persist-to`),
 * `--var NAME:VALUE` overrides a `[vars]` value as `wrangler dev --var` does (`npm run dev`
 * passes the same to both, e.g. PUBLIC_ORIGIN for the address it serves at).
 *
 * Pictures (README, "Pictures"): every file the articles name is checked before anything is
 * written; the site icon's files are made from content/icon.png; variants are encoded here, in
 * Node (sharp), only for files storage does not hold yet.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { getPlatformProxy } from 'wrangler'
import { ContentError, type Problem } from '../content/errors.ts'
import { MEDIA_DIR } from '../content/image-rules.ts'
import { type Content, findFutureDates } from '../content/load.ts'
import { hubURL, originOf } from '../src/config.ts'
import { type LoadedContent, loadContentCached } from '../src/publisher/files/content-cache.ts'
import { ARTICLES_DIR, articleFiles, ROOT } from '../src/publisher/files/content-files.ts'
import { ICON_SOURCE, renderSiteIcons } from '../src/publisher/images/icons.ts'
import { pictureCacheFile, preparePictures } from '../src/publisher/images/prepare-pictures.ts'
import { changedTopics, notifyHub } from '../src/publisher/node/notify-hub.ts'
import { printAdvice, printProblems } from '../src/publisher/node/problems.ts'
import { codeVersion, loadPublisher } from '../src/publisher/node/publisher.ts'
import { remoteConfig } from '../src/publisher/node/remote-config.ts'
import { loadConfig, parseVarArguments, WRANGLER_TOML } from '../src/publisher/node/wrangler-config.ts'

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
  },
})
if (values.remote && (values['persist-to'] || values.var.length > 0 || values.articles || values.media)) {
  console.error('✗ --articles, --media, --persist-to and --var are for local publishing only.')
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

// Pictures: checked before anything is written; a file unchanged since the last publish is not read.
const mediaDir = values.media === undefined ? join(ROOT, MEDIA_DIR) : resolve(values.media)
const pictures = await preparePictures(
  loaded.images,
  new Map(content.articles.map((article) => [article.slug, article.file])),
  { mediaDir, cacheFile: values.force ? undefined : pictureCacheFile(ROOT, mediaDir) },
)
printAdvice(pictures.advice)
if (pictures.problems.length > 0) fail(pictures.problems)
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
      log: (message) => console.log(`  ${message}`),
      pictures: pictures.source,
      icons,
    },
  )
  const { articles, documents } = summary
  changedPaths = summary.changedPaths
  console.log(
    `✓ published to ${values.remote ? 'the deployed Worker' : 'local storage'} for ${origin} in ${seconds()} s: ` +
      `articles ${articles.added} added, ${articles.changed} changed, ${articles.removed} removed; ` +
      `documents ${documents.written} written, ${documents.removed} removed` +
      (documents.unchanged > 0 ? ` (${documents.unchanged} re-rendered to the same bytes)` : '') +
      `; pictures ${summary.pictures?.encoded ?? 0} encoded, ${summary.pictures?.written ?? 0} variants written ` +
      `(${summary.pictures?.bytesWritten ?? 0} bytes)`,
  )
} finally {
  await proxy.dispose()
}

if (hub !== undefined && !values['no-notify']) {
  const result = await notifyHub(hub, origin, changedTopics(changedPaths))
  if ('skipped' in result) console.log(`  WebSub: hub not notified (its cron will catch up): ${result.skipped}`)
  else console.log(`✓ WebSub: ${hub} notified of ${result.notified} changed feeds (${result.answer})`)
}
