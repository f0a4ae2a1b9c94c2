/**
 * @module
 * `npm run bench`: the archive at 1, 10,000 and 100,000 generated articles (BENCH_COUNTS), each
 * published into its own local storage and served by workerd (Miniflare, as `wrangler dev` runs it):
 * - publish: full backfill (articles/s), then one more article and the same again with nothing
 *   changed, BENCH_ADDS times (median and range of the wall times, documents written);
 * - start until the first `/feed.xml`, and the isolate's memory after a crawl of 10,000 article
 *   pages and every archive page (workerd's inspector, after a full GC);
 * - requests/s of our routes against a Worker answering the same bytes as constants, side by
 *   side in one run: warm (memory) and cold (storage);
 * - the bundle's size, which holds code only.
 * Prints the tables and writes them to BENCHMARKS.md. Generated articles never enter content/.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { articleFileSource, realisticArticle } from './generate.ts'
import { requestsPerSecond } from './load.ts'
import { crawl, heapUsage, serveWorker, untilOK } from './serve.ts'

const ROOT = join(import.meta.dirname, '..')
const OUT = join(ROOT, 'bench/.out')
const COUNTS = (process.env.BENCH_COUNTS ?? '1,10000,100000').split(',').map(Number)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
/** Rounds of the three Workers side by side for each warm route (BENCH_ROUNDS). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const PORT = 9201
const CONSTANT_PORT = 9202
// Not 9229, which wrangler dev takes by default for its own inspector.
const INSPECTOR_PORT = 9431
const round = (n: number, digits = 0): string => n.toLocaleString('en', { maximumFractionDigits: digits })
mkdirSync(OUT, { recursive: true })

/** Article files sharded by year and month, as a newsroom would keep them. */
const articlePath = (dir: string, i: number): string => {
  const published = realisticArticle(i).published
  return join(dir, published.slice(0, 4), published.slice(5, 7), `article-${i}.ts`)
}
const writeArticle = (dir: string, i: number): void => {
  const file = articlePath(dir, i)
  mkdirSync(dirname(file), { recursive: true })
  const schema = relative(dirname(file), join(ROOT, 'content/schema.ts'))
  writeFileSync(file, articleFileSource(realisticArticle(i), schema))
}

const publishOutput = (articles: string, state: string, origin: string): { seconds: number; written: number } => {
  const started = performance.now()
  const output = execFileSync(
    process.execPath,
    [
      ...['scripts/publish.ts', '--articles', articles, '--persist-to', state, '--var', `PUBLIC_ORIGIN:${origin}`],
      // BENCH_PROFILE=1: each publish prints the time of its phases.
      ...(process.env.BENCH_PROFILE === '1' ? ['--profile'] : []),
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  )
  if (process.env.BENCH_PROFILE === '1') console.log(output)
  const written = Number(/documents (\d+) written/.exec(output)?.[1] ?? Number.NaN)
  return { seconds: (performance.now() - started) / 1000, written }
}

// The production bundle, served below: it holds code only.
const dist = join(OUT, 'dist')
execFileSync(join(ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', dist], {
  cwd: ROOT,
  stdio: 'ignore',
})
const script = readFileSync(join(dist, 'index.js'))
const bundle = { rawKiB: script.byteLength / 1024, gzipKiB: gzipSync(script).byteLength / 1024 }

/** Rounds of one more article (and of nothing changed) at each size: BENCH_ADDS. */
const ADDS = Number(process.env.BENCH_ADDS ?? 3)

/** Several runs of one publish: the median and the range of their times, and the documents the last wrote. */
type Spread = { readonly median: number; readonly min: number; readonly max: number; readonly written: number }
const spread = (runs: readonly { seconds: number; written: number }[]): Spread => {
  const seconds = runs.map((run) => run.seconds).sort((a, b) => a - b)
  const middle = Math.floor(seconds.length / 2)
  return {
    median:
      seconds.length % 2
        ? (seconds[middle] as number)
        : ((seconds[middle - 1] as number) + (seconds[middle] as number)) / 2,
    min: seconds[0] as number,
    max: seconds.at(-1) as number,
    written: runs.at(-1)?.written ?? Number.NaN,
  }
}

type Scale = {
  count: number
  backfillSeconds: number
  backfillDocuments: number
  add: Spread
  again: Spread
  firstFeedMs: number
  crawled: number
  startMs: number
  heapMiB: number
  arrayBuffersMiB: number
}
const scales: Scale[] = []
type Speed = { label: string; ours: number; constant: number; constantCF?: number }
const speeds: Speed[] = []

/**
 * What a backfill left, kept in its state folder: with BENCH_REUSE=1 a later run publishes one more
 * article into it instead of generating and publishing the whole archive again (the 100,000
 * backfill is the better part of an hour of local R2 puts). Each reuse adds the next article, so
 * "+1 article" stays one article.
 */
type Backfill = { count: number; seconds: number; written: number; published: number }
const BACKFILL_FILE = 'bench-backfill.json'

for (const count of COUNTS) {
  console.log(`${count.toLocaleString('en')} articles…`)
  const articles = join(OUT, `articles-${count}`)
  const state = join(OUT, `state-${count}`)
  const origin = `http://127.0.0.1:${PORT}`
  const kept = join(state, BACKFILL_FILE)
  let backfill: Backfill
  const reused = process.env.BENCH_REUSE === '1' && existsSync(kept)
  if (reused) {
    backfill = JSON.parse(readFileSync(kept, 'utf8'))
    console.log(
      `  reusing the backfill of ${backfill.published.toLocaleString('en')} articles in ${relative(ROOT, state)}`,
    )
  } else {
    rmSync(articles, { recursive: true, force: true })
    for (let i = 0; i < count; i++) writeArticle(articles, i)
    rmSync(state, { recursive: true, force: true })
    const { seconds, written } = publishOutput(articles, state, origin)
    backfill = { count, seconds, written, published: count }
    writeFileSync(kept, JSON.stringify(backfill))
    console.log(`  backfill: ${JSON.stringify(backfill)}`)
  }
  if (process.env.BENCH_BACKFILL_ONLY === '1') continue
  // A kept backfill may predate this code: its storage is brought to this code first (a pending
  // migration, a publish receipt), not measured. An unchanged code version writes nothing here.
  if (reused) {
    const catchUp = publishOutput(articles, state, origin)
    console.log(`  brought to this code: ${catchUp.written} documents written in ${catchUp.seconds.toFixed(1)} s`)
  }
  // BENCH_ADDS rounds of one more article, then the same again with nothing changed: the machine
  // drifts by ±15 % within minutes (BENCHMARKS.md), so one run of each says little.
  const adds: { seconds: number; written: number }[] = []
  const agains: { seconds: number; written: number }[] = []
  let published = backfill.published
  for (let round = 0; round < ADDS; round++) {
    writeArticle(articles, published)
    adds.push(publishOutput(articles, state, origin))
    published++
    writeFileSync(kept, JSON.stringify({ ...backfill, published }))
    agains.push(publishOutput(articles, state, origin))
  }
  const add = spread(adds)
  const again = spread(agains)
  // BENCH_PUBLISH_ONLY=1: the publish times alone, to iterate on the publisher against a kept backfill.
  if (process.env.BENCH_PUBLISH_ONLY === '1') {
    console.log(
      `  +1 article: ${adds.map((a) => a.seconds.toFixed(2)).join(' / ')} s, ${add.written} written; ` +
        `again: ${agains.map((a) => a.seconds.toFixed(2)).join(' / ')} s`,
    )
    continue
  }

  const started = performance.now()
  const dev = await serveWorker({
    scriptPath: join(dist, 'index.js'),
    port: PORT,
    inspectorPort: INSPECTOR_PORT,
    persistTo: state,
  })
  try {
    const startMs = performance.now() - started
    const firstFeedMs = await untilOK(`${origin}/feed.xml`)
    const total = published
    const pages = Math.floor(Math.max(0, total - 50) / 50) + 1
    const crawlURLs = [
      ...Array.from({ length: Math.min(10_000, total) }, (_, k) => `${origin}/articles/article-${total - 1 - k}`),
      ...(total > 50
        ? Array.from({ length: pages }, (_, p) =>
            ['', '/feed.xml', '/atom.xml', '/feed.json'].map((f) => `${origin}/archive/${p + 1}${f}`),
          ).flat()
        : []),
    ]
    await crawl(crawlURLs)
    const memory = await heapUsage(INSPECTOR_PORT)
    scales.push({
      count,
      backfillSeconds: backfill.seconds,
      backfillDocuments: backfill.written,
      add,
      again,
      startMs,
      firstFeedMs,
      crawled: crawlURLs.length,
      ...memory,
    })
    console.log(`  ${JSON.stringify(scales.at(-1))}`)

    if (count === Math.max(...COUNTS)) {
      // The limit: a Worker answering each route with the bytes and headers ours sent, as constants
      // (and 304 to its ETag). Recorded as autocannon gets them: identity (it asks for no coding).
      const routes = ['/feed.xml', '/atom.xml', '/feed.json', `/articles/article-${count}`]
      const recorded: Record<string, { body: string; headers: Record<string, string> }> = {}
      for (const route of routes) {
        const response = await fetch(`${origin}${route}`, { headers: { 'Accept-Encoding': 'identity' } })
        const headers = Object.fromEntries(response.headers)
        if (headers['content-encoding'])
          throw new Error(`${route}: asked for identity, got ${headers['content-encoding']}`)
        delete headers['content-length']
        recorded[route] = { body: await response.text(), headers }
      }
      // Two constants: one as plain as a Worker can be, and one that also reads request.cf — as
      // ours must, since behind Cloudflare (and Miniflare) the reader's own Accept-Encoding is
      // only in cf.clientAcceptEncoding (src/worker/routes/accept-encoding.ts), and workerd builds
      // cf from JSON on its first read in each request.
      const constantSource = (readsCF: boolean) => `const ROUTES = ${JSON.stringify(recorded)};
const ENCODED = Object.fromEntries(Object.entries(ROUTES).map(([p, r]) => [p, { ...r, bytes: new TextEncoder().encode(r.body) }]));
export default { fetch(request) {
  const route = ENCODED[new URL(request.url).pathname] ?? ENCODED['/articles/article-${count}'];
  ${readsCF ? 'globalThis.coding = request.cf?.clientAcceptEncoding;' : ''}
  if (request.headers.get('If-None-Match') === route.headers.etag) return new Response(null, { status: 304, headers: route.headers });
  return new Response(route.bytes, { headers: route.headers });
} };
`
      /** A constant Worker served from its own folder (`offset`: its port and inspector port after ours). */
      const serveConstant = async (folder: string, readsCF: boolean, offset: number) => {
        const dir = join(OUT, folder)
        mkdirSync(dir, { recursive: true })
        writeFileSync(join(dir, 'index.js'), constantSource(readsCF))
        return serveWorker({
          scriptPath: join(dir, 'index.js'),
          port: CONSTANT_PORT + offset,
          inspectorPort: INSPECTOR_PORT + 1 + offset,
        })
      }
      const constants = {
        plain: await serveConstant('constant', false, 0),
        cf: await serveConstant('constant-cf', true, 1),
      }
      try {
        const load = { connections: CONNECTIONS, seconds: SECONDS }
        const cases = [
          ...routes.map((route) => ({ label: route, route, headers: undefined as Record<string, string> | undefined })),
          {
            label: '/feed.xml → 304',
            route: '/feed.xml',
            headers: { 'If-None-Match': recorded['/feed.xml']?.headers.etag ?? '' },
          },
        ]
        const servers = { ours: origin, constant: constants.plain.origin, constantCF: constants.cf.origin }
        for (const { label, route, headers } of cases) {
          const expect = headers ? ('3xx' as const) : ('2xx' as const)
          for (const o of Object.values(servers))
            await requestsPerSecond(`${o}${route}`, { connections: 4, seconds: 1, headers, expect })
          // ROUNDS rounds, each in another order, so that drift falls on all three alike.
          const totals = { ours: 0, constant: 0, constantCF: 0 }
          for (let round = 0; round < ROUNDS; round++) {
            const names = Object.keys(servers) as (keyof typeof servers)[]
            for (const name of [...names.slice(round % 3), ...names.slice(0, round % 3)])
              totals[name] += await requestsPerSecond(`${servers[name]}${route}`, { ...load, headers, expect })
          }
          speeds.push({
            label: `${label} (warm)`,
            ours: totals.ours / ROUNDS,
            constant: totals.constant / ROUNDS,
            constantCF: totals.constantCF / ROUNDS,
          })
          console.log(`  ${JSON.stringify(speeds.at(-1))}`)
        }
        // Cold: article pages never requested before (older than the 10,000 the crawl read), each
        // read from R2. A smaller archive was crawled whole: its pages are only as cold as its oldest.
        const uncrawled = Math.max(1, count - 10_010)
        const cold = Array.from(
          { length: 3000 },
          (_, k) => `/articles/article-${Math.floor((k * 7919) % uncrawled) + Math.min(10, count - 1)}`,
        )
        const oursCold = await crawl(
          cold.map((p) => `${origin}${p}`),
          CONNECTIONS,
        )
        const constantCold = await crawl(
          cold.map((p) => `${constants.plain.origin}${p}`),
          CONNECTIONS,
        )
        speeds.push({ label: 'distinct article pages (cold: R2)', ours: oursCold, constant: constantCold })
        console.log(`  ${JSON.stringify(speeds.at(-1))}`)
      } finally {
        for (const served of Object.values(constants)) await served.stop()
      }
    }
  } finally {
    await dev.stop()
  }
}

const version = (pkg: string): string =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${round(totalmem() / 2 ** 30, 1)} GiB; Node ${process.version}; wrangler ${version('wrangler')}; hono ${version('hono')}; feed ${version('feed')}`
const spreadCell = (runs: Spread): string => `${round(runs.median, 1)} (${round(runs.min, 1)}–${round(runs.max, 1)})`
const table = [
  '## The archive at scale (generated articles of the TASS article’s length, sharded by year/month)',
  '',
  `| Articles | backfill (s) | backfill (articles/s) | documents written | +1 article (s: median, range of ${ADDS}) | documents written | again, nothing changed (s: median, range) | documents written | workerd start (ms) | then first /feed.xml (ms) | pages crawled | V8 heap after crawl (MiB) | ArrayBuffers (MiB) | heap + ArrayBuffers, after a full GC (bound: 32 MiB) |`,
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...scales.map(
    (s) =>
      `| ${round(s.count)} | ${round(s.backfillSeconds, 1)} | ${round(s.count / s.backfillSeconds)} | ${round(s.backfillDocuments)} | ${spreadCell(s.add)} | ${s.add.written} | ${spreadCell(s.again)} | ${s.again.written} | ${round(s.startMs)} | ${round(s.firstFeedMs, 1)} | ${round(s.crawled)} | ${round(s.heapMiB, 1)} | ${round(s.arrayBuffersMiB, 1)} | ${round(s.heapMiB + s.arrayBuffersMiB, 1)} ${s.heapMiB + s.arrayBuffersMiB <= 32 ? '(held)' : '(**over**)'} |`,
  ),
  '',
  `## Requests per second at ${round(Math.max(...COUNTS))} articles (autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${SECONDS} s each, the Workers in workerd via Miniflare, loopback)`,
  '',
  '| Route | ours (req/s) | constant (req/s) | ours / constant | constant reading `request.cf` (req/s) | ours / that |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...speeds.map(
    (s) =>
      `| \`${s.label}\` | ${round(s.ours)} | ${round(s.constant)} | ${(s.ours / s.constant).toFixed(2)}x | ` +
      (s.constantCF === undefined ? '– | – |' : `${round(s.constantCF)} | ${(s.ours / s.constantCF).toFixed(2)}x |`),
  ),
  '',
  '## Bundle (`wrangler deploy --dry-run`, minified): code only, the same at every archive size',
  '',
  `| raw (KiB) | gzip (KiB) |`,
  '| ---: | ---: |',
  `| ${bundle.rawKiB.toFixed(1)} | ${bundle.gzipKiB.toFixed(1)} |`,
].join('\n')

console.log(`\n${table}\n`)
// A partial run (backfills only, or publish times only) leaves BENCHMARKS.md as it is.
if (process.env.BENCH_BACKFILL_ONLY === '1' || process.env.BENCH_PUBLISH_ONLY === '1') process.exit(0)
const benchmarks = join(ROOT, 'BENCHMARKS.md')
const previous = existsSync(benchmarks) ? readFileSync(benchmarks, 'utf8') : ''
const marker = '<!-- bench:end -->'
const notes = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`
writeFileSync(
  benchmarks,
  `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.\n\n${table}\n\n${notes}`,
)
console.log('Wrote BENCHMARKS.md')
