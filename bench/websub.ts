/**
 * @module
 * `npm run bench:websub`: WebSub delivery latency and rate over `wrangler dev` (local D1, R2 and
 * Queues): SUBSCRIBERS callbacks on one local HTTP server (signatures checked), all subscribed
 * to /feed.xml; each round adds one article and runs `npm run publish`'s script; measured per
 * delivery from the start of the publish command and from its end (when it has notified the
 * hub), p50/p99, and deliveries per second from the first arrival to the last.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const BIN = join(ROOT, 'node_modules/.bin')
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const SECRET = 'bench secret'
const TOPIC = '/feed.xml'

const dir = mkdtempSync(join(tmpdir(), 'websub-bench-'))
const state = join(dir, 'state')
mkdirSync(join(dir, 'content/articles'), { recursive: true })

const writeArticle = (n: number) =>
  writeFileSync(
    join(dir, 'content/articles', `bench-${n}.ts`),
    `export default ${JSON.stringify({
      id: `bench-${n}`,
      title: `Bench article ${n}`,
      standfirst: `Standfirst ${n}`,
      dateline: 'Geneva',
      source: 'Wire',
      published: new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString().replace('.000Z', 'Z'),
      tags: ['Alpha'],
      body: [[`Paragraph ${n}.`]],
    })}\n`,
  )

// The subscribers: one server, one callback path each; every delivery's arrival time is kept.
const arrivals: { path: string; at: number; valid: boolean }[] = []
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://bench')
  if (request.method === 'GET') {
    response.end(url.searchParams.get('hub.challenge') ?? '')
    return
  }
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    const expected = createHmac('sha256', SECRET).update(Buffer.concat(chunks)).digest()
    const given = Buffer.from(String(request.headers['x-hub-signature'] ?? '').replace(/^sha256=/, ''), 'hex')
    arrivals.push({
      path: url.pathname,
      at: Date.now(),
      valid: given.length === expected.length && timingSafeEqual(given, expected),
    })
    response.writeHead(204).end()
  })
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const subscriberBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

const freePort = async (): Promise<number> => {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}
const port = await freePort()
const origin = `http://127.0.0.1:${port}`

const PUBLISH_SECRET = 'bench-publish-secret'

const publish = () =>
  execFileSync(
    join(BIN, 'node'),
    [
      'scripts/publish.ts',
      '--articles',
      join(dir, 'content', 'articles'),
      '--var',
      `PUBLIC_ORIGIN:${origin}`,
      '--persist-to',
      state,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true', PUBLISH_SECRET } },
  )

writeArticle(0)
publish()

// Subscriptions seeded straight into D1, verified, as if each had subscribed through the hub (whose
// per-host limit is far below 1,000 on one address) and already had the current version.
const now = Date.now()
const rows = Array.from(
  { length: SUBSCRIBERS },
  (_, i) =>
    `('${TOPIC}', '${subscriberBase}/s/${i}', '${new URL(subscriberBase).host}', 'verified', '${SECRET}', 864000, ${now + 864_000_000}, (SELECT etag FROM documents WHERE path = '${TOPIC}'), ${now})`,
)
// SQLite takes at most 500 rows per VALUES list: one INSERT per 200.
const inserts: string[] = []
for (let i = 0; i < rows.length; i += 200)
  inserts.push(
    `INSERT INTO websub_subscriptions (topic, callback, callback_host, state, secret, lease_seconds, expires_at, delivered_etag, created_at) VALUES\n${rows.slice(i, i + 200).join(',\n')};`,
  )
writeFileSync(
  join(dir, 'seed.sql'),
  `${inserts.join('\n')}\nINSERT OR REPLACE INTO websub_topics SELECT path, etag, ${now} FROM documents WHERE path = '${TOPIC}';\n`,
)
execFileSync(
  join(BIN, 'wrangler'),
  ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--file', join(dir, 'seed.sql')],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CI: 'true' } },
)

const wrangler: ChildProcess = spawn(
  join(BIN, 'wrangler'),
  [
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    state,
    '--var',
    'WEBSUB_ALLOW_LOOPBACK:true',
    '--var',
    `PUBLIC_ORIGIN:${origin}`,
    // The secret the publish ping carries (src/worker/routes/publisher.ts).
    '--var',
    `PUBLISH_SECRET:${PUBLISH_SECRET}`,
    '--show-interactive-dev-session=false',
  ],
  { cwd: ROOT, detached: true, stdio: 'ignore', env: { ...process.env, CI: 'true' } },
)
const stopAll = () => {
  if (wrangler.pid && wrangler.exitCode === null) process.kill(-wrangler.pid, 'SIGTERM')
  server.close()
  rmSync(dir, { recursive: true, force: true })
}

const until = async (check: () => boolean | Promise<boolean>, ms: number, what: string) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    try {
      if (await check()) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number

type Round = { fromStart: number[]; fromEnd: number[]; perSecond: number; invalid: number; publishMs: number }
const results: Round[] = []
try {
  await until(async () => (await fetch(`${origin}${TOPIC}`)).ok, 90_000, 'wrangler dev')
  for (let round = 1; round <= ROUNDS; round++) {
    arrivals.length = 0
    writeArticle(round)
    const started = Date.now()
    publish()
    const published = Date.now()
    await until(() => arrivals.length >= SUBSCRIBERS, 300_000, `${SUBSCRIBERS} deliveries`)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const times = arrivals.map((a) => a.at).sort((a, b) => a - b)
    const first = times[0] as number
    const last = times.at(-1) as number
    results.push({
      fromStart: times.map((t) => t - started),
      fromEnd: times.map((t) => t - published),
      perSecond: (SUBSCRIBERS - 1) / Math.max(0.001, (last - first) / 1000),
      invalid: arrivals.filter((a) => !a.valid).length + Math.abs(arrivals.length - SUBSCRIBERS),
      publishMs: published - started,
    })
    console.log(
      `round ${round}: ${arrivals.length} deliveries; publish command ${published - started} ms; ` +
        `p50 ${percentile(
          times.map((t) => t - published),
          50,
        )} ms, p99 ${percentile(
          times.map((t) => t - published),
          99,
        )} ms after it; ` +
        `${Math.round((results.at(-1) as Round).perSecond)} deliveries/s`,
    )
  }
} finally {
  stopAll()
}

const all = (key: 'fromStart' | 'fromEnd') => results.flatMap((r) => r[key]).sort((a, b) => a - b)
console.log(
  `\nWebSub over wrangler dev, ${SUBSCRIBERS} subscribers of ${TOPIC}, ${ROUNDS} rounds, ${cpus().length} CPUs`,
)
console.log('| measured from | p50 (ms) | p99 (ms) | max (ms) |')
console.log('| --- | ---: | ---: | ---: |')
for (const [label, key] of [
  ['start of `npm run publish`', 'fromStart'],
  ['end of `npm run publish` (hub notified)', 'fromEnd'],
] as const) {
  const sorted = all(key)
  console.log(`| ${label} | ${percentile(sorted, 50)} | ${percentile(sorted, 99)} | ${sorted.at(-1)} |`)
}
const rates = results.map((r) => r.perSecond).sort((a, b) => a - b)
console.log(
  `\ndeliveries/s (first to last arrival): median ${Math.round(percentile(rates, 50))}; ` +
    `bad or missing deliveries: ${results.reduce((n, r) => n + r.invalid, 0)}; ` +
    `publish command: ${results.map((r) => r.publishMs).join(', ')} ms`,
)
