/**
 * @module
 * `npm run bench`: side by side, in one run, on the production bundle served by workerd —
 * requests/s of our routes against a Worker returning the same bytes as constants (the limit)
 * and against naive per-request rendering; CPU and heap against article count; bundle sizes.
 * Prints a table and writes BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { bundle, bundleWithGeneratedContent } from './bundle.ts'
import { requestsPerSecond } from './load.ts'
import { serve } from './workerd.ts'

const ROOT = join(import.meta.dirname, '..')
const OUT = join(ROOT, 'bench/.out')
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const COUNTS = [1, 100, 1_000, 10_000]
const PORTS = { main: 9101, constant: 9102, naive: 9103 }
const ROUTES = ['/feed.xml', '/atom.xml', '/feed.json', '/articles/china-russia-security-cooperation']

const compatibilityDate =
  /compatibility_date = "([^"]+)"/.exec(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8'))?.[1] ?? ''
const version = (pkg: string): string =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version
const round = (n: number, digits = 2): string => n.toFixed(digits)

// Not emptied first: deleting the last run's 10,000-file variants keeps the kernel busy for a while,
// which doubled the CPU times measured next. Each variant folder is replaced when it is rebuilt.
mkdirSync(OUT, { recursive: true })

// Cost first, on a quiet machine: after the bundling and load runs, CPU times come out up to 3x higher.
console.log('Measuring build cost against article count…')
await build({
  entryPoints: [join(ROOT, 'bench/build-cost.tsx')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  outfile: join(OUT, 'build-cost.mjs'),
  logLevel: 'error',
})
type Cost = { count: number; startupMs: number; firstRequestMs: number; otherDocumentsMs: number; heapMiB: number }
const median = (values: number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0
const costs: Cost[] = COUNTS.map((count) => {
  const runs: Cost[] = [0, 1, 2, 3, 4].map(() =>
    JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', join(OUT, 'build-cost.mjs'), String(count)], { encoding: 'utf8' }),
    ),
  )
  return {
    count,
    startupMs: median(runs.map((r) => r.startupMs)),
    firstRequestMs: median(runs.map((r) => r.firstRequestMs)),
    otherDocumentsMs: median(runs.map((r) => r.otherDocumentsMs)),
    heapMiB: median(runs.map((r) => r.heapMiB)),
  }
})

console.log('Bundling the Worker, the naive baseline and the generated-content variants…')
const sizes = {
  'the Worker, real content (1 article)': bundle(join(OUT, 'main')),
  'code only (0 articles)': bundleWithGeneratedContent(join(OUT, 'variant-0'), 0),
  'with 1,000 generated articles': bundleWithGeneratedContent(join(OUT, 'variant-1000'), 1_000),
  'with 10,000 generated articles': bundleWithGeneratedContent(join(OUT, 'variant-10000'), 10_000),
}
bundle(join(OUT, 'naive'), ROOT, 'bench/naive-worker.ts')

// The generated-content bundles, served: how long workerd takes to start them (parse, compile,
// check the content) and how much memory the process holds once the home page's documents are out.
const rssMiB = (pid: number | undefined): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
type Served = { articles: number; readyMs: number; firstMs: number; rssMiB: number }
const served: Served[] = []
for (const [articles, port] of [
  [1, 9111],
  [1_000, 9112],
  [10_000, 9113],
] as const) {
  const started = Date.now()
  const module = articles === 1 ? 'main/index.js' : `variant-${articles}/dist/index.js`
  const worker = await serve(OUT, [{ name: 'sized', module, port }], compatibilityDate)
  const readyMs = Date.now() - started
  const first = Date.now()
  await (await fetch(`http://127.0.0.1:${port}/feed.xml`)).text()
  const firstMs = Date.now() - first
  for (const path of ['/atom.xml', '/feed.json', '/']) await (await fetch(`http://127.0.0.1:${port}${path}`)).text()
  served.push({ articles, readyMs, firstMs, rssMiB: rssMiB(worker.pid) })
  worker.kill()
}

// The limit: a Worker that answers each route with the bytes and headers ours sent, as constants.
const main = await serve(OUT, [{ name: 'main', module: 'main/index.js', port: PORTS.main }], compatibilityDate)
const recorded: Record<string, { body: string; headers: Record<string, string> }> = {}
for (const route of ROUTES) {
  const response = await fetch(`http://127.0.0.1:${PORTS.main}${route}`)
  recorded[route] = { body: await response.text(), headers: Object.fromEntries(response.headers) }
}
main.kill()
mkdirSync(join(OUT, 'constant'), { recursive: true })
writeFileSync(
  join(OUT, 'constant/index.js'),
  `const ROUTES = ${JSON.stringify(recorded)};
// Keyed by the exact URL the load generator requests: no parsing, the cheapest lookup there is.
const ENCODED = Object.fromEntries(Object.entries(ROUTES).map(([path, r]) => ['http://127.0.0.1:${PORTS.constant}' + path, { ...r, bytes: new TextEncoder().encode(r.body) }]));
export default { fetch(request) {
  const route = ENCODED[request.url];
  return route ? new Response(route.bytes, { headers: route.headers }) : new Response('Not Found', { status: 404 });
} };
`,
)

const workerd = await serve(
  OUT,
  [
    { name: 'main', module: 'main/index.js', port: PORTS.main },
    { name: 'constant', module: 'constant/index.js', port: PORTS.constant },
    { name: 'naive', module: 'naive/naive-worker.js', port: PORTS.naive },
  ],
  compatibilityDate,
)

type Row = { route: string; ours: number; constant: number; naive: number }
const rows: Row[] = []
try {
  const load = { connections: CONNECTIONS, seconds: SECONDS }
  const cases = [
    ...ROUTES.map((route) => ({ label: route, route, headers: undefined as Record<string, string> | undefined })),
    {
      label: '/feed.xml → 304',
      route: '/feed.xml',
      headers: { 'If-None-Match': recorded['/feed.xml']?.headers.etag ?? '' },
    },
  ]
  for (const { label, route, headers } of cases) {
    const measure = (port: number, h = headers) =>
      requestsPerSecond(`http://127.0.0.1:${port}${route}`, { ...load, headers: h })
    // Warm up every isolate, then alternate the order to spread drift over all three.
    for (const port of Object.values(PORTS))
      await requestsPerSecond(`http://127.0.0.1:${port}${route}`, { connections: 4, seconds: 1 })
    const naiveHeaders = headers && {
      'If-None-Match': (await fetch(`http://127.0.0.1:${PORTS.naive}${route}`)).headers.get('etag') ?? '',
    }
    const a: number[] = [
      await measure(PORTS.constant, undefined),
      await measure(PORTS.main),
      await measure(PORTS.naive, naiveHeaders),
    ]
    const b: number[] = [
      await measure(PORTS.naive, naiveHeaders),
      await measure(PORTS.main),
      await measure(PORTS.constant, undefined),
    ]
    const mean = (x: number | undefined, y: number | undefined) => ((x ?? 0) + (y ?? 0)) / 2
    rows.push({ route: label, constant: mean(a[0], b[2]), ours: mean(a[1], b[1]), naive: mean(a[2], b[0]) })
    console.log(`  ${label}: ${round(rows.at(-1)?.ours ?? 0, 0)} req/s`)
  }
} finally {
  workerd.kill()
}

const cpu = cpus()[0]?.model ?? 'unknown CPU'
const machine = `${cpu}, ${cpus().length} cores, ${round(totalmem() / 2 ** 30, 1)} GiB; Node ${process.version}; workerd ${version('workerd')}; wrangler ${version('wrangler')}; hono ${version('hono')}; feed ${version('feed')}`
const perArticleGzip =
  (sizes['with 10,000 generated articles'].gzipKiB - sizes['code only (0 articles)'].gzipKiB) / 10_000
const perArticleRaw = (sizes['with 10,000 generated articles'].rawKiB - sizes['code only (0 articles)'].rawKiB) / 10_000

const table = [
  `## Requests per second (autocannon, ${CONNECTIONS} connections, 2 × ${SECONDS} s per Worker, loopback, workerd)`,
  '',
  '| Route | ours (req/s) | constant (req/s) | naive (req/s) | ours / constant | ours / naive |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| \`${r.route}\` | ${round(r.ours, 0)} | ${round(r.constant, 0)} | ${round(r.naive, 0)} | ${round(r.ours / r.constant)}x | ${round(r.ours / r.naive)}x |`,
  ),
  '',
  'The constant Worker answers each route with the same bytes and headers as ours, for a 200 (also on the 304 row: the limit for serving the feed at all).',
  '',
  '## Cost against article count (median of 5 fresh single-threaded Node processes, V8 CPU time)',
  '',
  '| Articles | start-up: check content (ms) | first request: catalog + model + RSS + hash (ms) | Atom + JSON + home page (ms) | heap in use after (MiB) |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...costs.map(
    (c) =>
      `| ${c.count.toLocaleString('en')} | ${round(c.startupMs, 1)} | ${round(c.firstRequestMs, 1)} | ${round(c.otherDocumentsMs, 1)} | ${round(c.heapMiB, 1)} |`,
  ),
  '',
  '## Bundle size (`wrangler deploy --dry-run`, minified)',
  '',
  '| Bundle | raw (KiB) | gzip (KiB) |',
  '| --- | ---: | ---: |',
  ...Object.entries(sizes).map(([name, s]) => `| ${name} | ${round(s.rawKiB)} | ${round(s.gzipKiB)} |`),
  '',
  `Generated articles are the length of the TASS article (about 6 KB of text); each adds about ${round(perArticleRaw, 2)} KiB raw, ${round(perArticleGzip, 2)} KiB gzip.`,
  '',
  '## Generated content served by workerd (wall clock on loopback; memory of the whole workerd process)',
  '',
  '| Articles | start until the first answer (ms) | first /feed.xml (ms) | RSS after feeds and home (MiB) |',
  '| ---: | ---: | ---: | ---: |',
  ...served.map((s) => `| ${s.articles.toLocaleString('en')} | ${s.readyMs} | ${s.firstMs} | ${round(s.rssMiB, 0)} |`),
].join('\n')

console.log(`\n${table}\n`)
const benchmarks = join(ROOT, 'BENCHMARKS.md')
const previous = (() => {
  try {
    return readFileSync(benchmarks, 'utf8')
  } catch {
    return ''
  }
})()
const marker = '<!-- bench:end -->'
const notes = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`
writeFileSync(
  benchmarks,
  `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.\n\n${table}\n\n${notes}`,
)
console.log('Wrote BENCHMARKS.md')
