/**
 * @module
 * `npm run soak`: the production bundle under workerd on loopback, driven at a fixed concurrency
 * for a fixed time across every kind of route, with conditional, HEAD, browser, redirect and
 * not-found requests mixed in. Reports requests, errors (any status other than the one each
 * request must get; must be 0), latency percentiles and workerd's memory before and after, and
 * writes them to BENCHMARKS.md. SOAK_SECONDS and SOAK_CONNECTIONS change the defaults (60, 64).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { bundle } from './bundle.ts'
import { serve } from './workerd.ts'

const ROOT = join(import.meta.dirname, '..')
const OUT = join(ROOT, 'bench/.out/soak')
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60)
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 64)
const PORT = 9301
const ORIGIN = `http://127.0.0.1:${PORT}`
const ARTICLE = '/articles/china-russia-security-cooperation'

rmSync(OUT, { recursive: true, force: true })
const size = bundle(join(OUT, 'main'))
const compatibilityDate =
  /compatibility_date = "([^"]+)"/.exec(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8'))?.[1] ?? ''
const workerd = await serve(OUT, [{ name: 'main', module: 'main/index.js', port: PORT }], compatibilityDate)

/** Resident memory of the workerd process, MiB (Linux /proc). */
const rssMiB = (): number => {
  const status = readFileSync(`/proc/${workerd.pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024
}

const etag = async (path: string, headers: Record<string, string> = {}) =>
  (await fetch(`${ORIGIN}${path}`, { headers })).headers.get('etag') ?? ''

type Check = { method?: string; path: string; headers?: Record<string, string>; status: number }
const checks: Check[] = [
  { path: '/feed.xml', status: 200 },
  { path: '/atom.xml', status: 200 },
  { path: '/feed.json', status: 200 },
  { path: '/', status: 200 },
  { path: ARTICLE, status: 200 },
  { path: '/tags/sco', status: 200 },
  { path: '/tags/china/feed.xml', status: 200 },
  { path: '/sitemap.xml', status: 200 },
  { path: '/feed.css', status: 200 },
  { path: '/feed.xml', headers: { 'if-none-match': await etag('/feed.xml') }, status: 304 },
  { path: '/feed.json', headers: { 'if-none-match': `"x", ${await etag('/feed.json')}` }, status: 304 },
  { path: '/atom.xml', headers: { 'if-modified-since': 'Mon, 18 Sep 2023 00:00:00 GMT' }, status: 304 },
  { path: ARTICLE, headers: { 'if-none-match': await etag(ARTICLE) }, status: 304 },
  {
    path: '/feed.xml',
    headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    status: 200,
  },
  // No HEAD here: autocannon waits for the body a HEAD response announces and stalls.
  { path: '/rss', status: 301 },
  { path: '/no/such/page', status: 404 },
  { method: 'POST', path: '/feed.xml', status: 405 },
]

let mismatches = 0
const seen: Record<string, number> = {}
const wrong: Record<string, number> = {}
const requests = checks.map((check) => ({
  method: (check.method ?? 'GET') as 'GET',
  path: check.path,
  // Always a headers object: autocannon would otherwise reuse the previous request's.
  headers: check.headers ?? {},
  body: check.method === 'POST' ? 'x' : undefined,
  onResponse: (status: number) => {
    seen[status] = (seen[status] ?? 0) + 1
    if (status === check.status) return
    mismatches++
    const key = `${check.method ?? 'GET'} ${check.path} → ${status} (expected ${check.status})`
    wrong[key] = (wrong[key] ?? 0) + 1
  },
}))

// Warm up every route once, then measure memory before the soak.
for (const check of checks)
  await fetch(`${ORIGIN}${check.path}`, {
    method: check.method,
    headers: check.headers,
    body: check.method === 'POST' ? 'x' : undefined,
  })
const before = rssMiB()
// Sampled through the run, to tell a leak (keeps growing) from a heap that grows to its working size.
const samples: number[] = []
const sampler = setInterval(() => samples.push(rssMiB()), 5000)
const result = await autocannon({ url: ORIGIN, connections: CONNECTIONS, duration: SECONDS, requests })
clearInterval(sampler)
const after = rssMiB()
workerd.kill()

const errors = mismatches + result.errors + result.timeouts
const round = (n: number, digits = 1) => n.toFixed(digits)
const report = [
  '<!-- soak:start -->',
  `## Soak (\`npm run soak\`, ${new Date().toISOString().slice(0, 10)})`,
  '',
  `${CONNECTIONS} connections for ${SECONDS} s against the production bundle (${round(size.gzipKiB)} KiB gzip) in workerd on loopback, cycling through ${checks.length} requests: the feeds, pages, a tag feed, the sitemap, 304s by If-None-Match and If-Modified-Since, a browser navigation, a redirect, a 404 and a 405.`,
  '',
  '| Requests | Errors | req/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | workerd RSS before → after (MiB) |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  `| ${result.requests.total} | ${errors} | ${round(result.requests.average, 0)} | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p99} | ${result.latency.max} | ${round(before)} → ${round(after)} |`,
  '',
  `workerd RSS every 5 s: ${samples.map((m) => round(m, 0)).join(', ')} MiB.`,
  '',
  `Statuses seen: ${Object.entries(seen)
    .map(([status, count]) => `${status} × ${count}`)
    .join(
      ', ',
    )}. Errors count every response whose status differs from the one its request must get, plus connection errors and timeouts.`,
  '<!-- soak:end -->',
].join('\n')
console.log(report)

const file = join(ROOT, 'BENCHMARKS.md')
const current = readFileSync(file, 'utf8')
const start = current.indexOf('<!-- soak:start -->')
const end = current.indexOf('<!-- soak:end -->')
writeFileSync(
  file,
  start >= 0 && end > start
    ? `${current.slice(0, start)}${report}${current.slice(end + '<!-- soak:end -->'.length)}`
    : `${current.trimEnd()}\n\n${report}\n`,
)
if (errors > 0) {
  console.error(`✗ ${errors} errors`, wrong)
  process.exit(1)
}
