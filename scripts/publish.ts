/**
 * @module
 * `npm run publish [-- --remote] [-- --env <name>]`: checks the content, then writes what changed
 * to the archive's storage — local by default (.wrangler/state, what `wrangler dev` serves), the
 * deployed Worker's D1 and R2 with --remote. Invalid content writes nothing. Then it tells the
 * WebSub hub which feeds changed (scripts/notify-hub.ts).
 *
 * For tests and local work on other ports: `--content <dir>` reads articles from
 * `<dir>/articles` instead of content/articles, `--public-origin <origin>` replaces
 * PUBLIC_ORIGIN, `--persist-to <dir>` is wrangler's local state directory, `--no-notify` leaves the
 * hub to find the changes itself (its cron, within a minute).
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { getPlatformProxy } from 'wrangler'
import { ContentError, formatProblem, type Problem } from '../content/errors.ts'
import { findFutureDates, loadContent } from '../content/load.ts'
import { hubURL, LOCAL_ORIGIN, parseConfig } from '../src/config.ts'
import { loadConfig, WRANGLER_TOML } from './config.ts'
import { articleFiles, importContentFiles, ROOT } from './content-files.ts'
import { changedTopics, notifyHub } from './notify-hub.ts'
import { codeVersion, loadPublisher } from './publisher.ts'
import { remoteConfig } from './remote-config.ts'

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    env: { type: 'string' },
    content: { type: 'string' },
    'public-origin': { type: 'string' },
    'persist-to': { type: 'string' },
    'no-notify': { type: 'boolean', default: false },
  },
})
const started = performance.now()
const seconds = () => ((performance.now() - started) / 1000).toFixed(1)

const fail = (problems: readonly Problem[]): never => {
  console.error(`✗ ${problems.length} content problem${problems.length === 1 ? '' : 's'}; nothing was published:`)
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`)
  process.exit(1)
}

const { site, entries, problems } = await importContentFiles(
  values.content === undefined ? undefined : articleFiles(join(values.content, 'articles')),
)
if (problems.length > 0) fail(problems)
let content: ReturnType<typeof loadContent>
try {
  content = loadContent(site, entries)
} catch (error) {
  if (!(error instanceof ContentError)) throw error
  content = fail(error.problems)
}
const future = findFutureDates(content, new Date())
if (future.length > 0) fail(future)
console.log(`✓ ${content.articles.length} articles checked (${seconds()} s)`)

const config = {
  ...loadConfig(values.env),
  ...(values['public-origin'] !== undefined && {
    publicOrigin: parseConfig({ PUBLIC_ORIGIN: values['public-origin'] }).publicOrigin,
  }),
}
if (values.remote && !config.publicOrigin) {
  console.error('✗ Set PUBLIC_ORIGIN in wrangler.toml [vars] before publishing to the deployed Worker.')
  process.exit(1)
}
const origin = config.publicOrigin ?? LOCAL_ORIGIN

const where = values.remote ? '--remote' : '--local'
execFileSync(
  'wrangler',
  [
    'd1',
    'migrations',
    'apply',
    'DB',
    where,
    '--config',
    WRANGLER_TOML,
    ...(values.env ? ['--env', values.env] : []),
    ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : []),
  ],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: 'true' } },
)

const { publish } = await loadPublisher()
const proxy = await getPlatformProxy<{ DB: D1Database; ARCHIVE: R2Bucket }>({
  configPath: values.remote ? remoteConfig(WRANGLER_TOML) : WRANGLER_TOML,
  environment: values.env,
  remoteBindings: values.remote,
  ...(values['persist-to'] && { persist: { path: join(values['persist-to'], 'v3') } }),
})
let changedPaths: readonly string[] = []
try {
  const summary = await publish(
    content,
    { db: proxy.env.DB, bucket: proxy.env.ARCHIVE },
    { origin, hub: hubURL(config, origin), codeVersion: codeVersion(), log: (message) => console.log(`  ${message}`) },
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

const hub = hubURL(config, origin)
if (hub !== undefined && !values['no-notify']) {
  const result = await notifyHub(hub, origin, changedTopics(changedPaths))
  if ('skipped' in result) console.log(`  WebSub: hub not notified (its cron will catch up): ${result.skipped}`)
  else console.log(`✓ WebSub: ${hub} notified of ${result.notified} changed feeds (${result.answer})`)
}
