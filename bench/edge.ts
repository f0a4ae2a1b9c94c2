/**
 * @module
 * `node bench/edge.ts [articles]` (default 10,000): the edge work of issue 18, measured on a
 * generated archive published into bench/.out/edge-<n> (reused when there):
 * - bytes on the wire of each feed and an article page, identity vs gzip vs br (the stored variants);
 * - what a conditional request with each coding's ETag gets;
 * - the isolate's memory (JS heap + ArrayBuffers, after a full GC forced by heap snapshots) after a
 *   crawl of up to 10,000 distinct article pages and every archive page in all four formats.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { dirname, join, relative } from 'node:path'
import { articleFileSource, realisticArticle } from './generate.ts'
import { crawl, heapUsage, serveWorker, untilOK } from './serve.ts'

const ROOT = join(import.meta.dirname, '..')
const count = Number(process.argv[2] ?? 10_000)
const dir = join(ROOT, `bench/.out/edge-${count}`)
const articles = join(dir, 'articles')
const state = join(dir, 'state')
const PORT = 9261
const INSPECTOR = 9461
const origin = `http://127.0.0.1:${PORT}`

if (!existsSync(state)) {
  for (let i = 0; i < count; i++) {
    const article = realisticArticle(i)
    const file = join(articles, article.published.slice(0, 4), article.published.slice(5, 7), `article-${i}.ts`)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, articleFileSource(article, relative(dirname(file), join(ROOT, 'content/schema.ts'))))
  }
  const started = performance.now()
  execFileSync(
    process.execPath,
    [
      'scripts/publish.ts',
      '--articles',
      articles,
      '--persist-to',
      state,
      '--var',
      `PUBLIC_ORIGIN:${origin}`,
      '--no-notify',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  )
  console.log(
    `published ${count} articles with gzip and br variants in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}
const dist = join(ROOT, 'bench/.out/dist')
execFileSync(join(ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', dist], {
  cwd: ROOT,
  stdio: 'ignore',
})

/** One raw HTTP exchange (Node's fetch would decode the body): status, headers, bytes on the wire. */
const raw = (path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }>(
    (resolve, reject) => {
      const req = request(`${origin}${path}`, { headers }, (response) => {
        let bytes = 0
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.byteLength
        })
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }))
      })
      req.on('error', reject)
      req.end()
    },
  )

const worker = await serveWorker({
  scriptPath: join(dist, 'index.js'),
  port: PORT,
  inspectorPort: INSPECTOR,
  persistTo: state,
})
try {
  await untilOK(`${origin}/feed.xml`)
  const newest = `/articles/article-${count - 1}`
  console.log('\n| Document | identity (bytes) | gzip (bytes) | br (bytes) | br / identity |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  const conditional: string[] = []
  for (const path of ['/feed.xml', '/atom.xml', '/feed.json', '/', newest]) {
    const sizes: number[] = []
    for (const coding of ['identity', 'gzip', 'br']) {
      const answer = await raw(path, { 'Accept-Encoding': coding })
      const sent = String(answer.headers['content-encoding'] ?? 'identity')
      if (sent !== coding) throw new Error(`${path}: asked ${coding}, got ${sent}`)
      sizes.push(answer.bytes)
      const again = await raw(path, { 'Accept-Encoding': coding, 'If-None-Match': String(answer.headers.etag) })
      conditional.push(`${path} ${coding} ETag ${answer.headers.etag} → ${again.status}, ${again.bytes} bytes`)
    }
    const [identity = 0, gzip = 0, br = 0] = sizes
    console.log(
      `| \`${path === newest ? '/articles/<slug>' : path}\` | ${identity.toLocaleString('en')} | ${gzip.toLocaleString('en')} | ${br.toLocaleString('en')} | ${(br / identity).toFixed(3)} |`,
    )
  }
  console.log(`\n${conditional.join('\n')}`)

  const total = count
  const pages = Math.floor(Math.max(0, total - 50) / 50) + 1
  const urls = [
    ...Array.from({ length: Math.min(10_000, total) }, (_, k) => `${origin}/articles/article-${total - 1 - k}`),
    ...(total > 50
      ? Array.from({ length: pages }, (_, p) =>
          ['', '/feed.xml', '/atom.xml', '/feed.json'].map((f) => `${origin}/archive/${p + 1}${f}`),
        ).flat()
      : []),
  ]
  const before = await heapUsage(INSPECTOR)
  await crawl(urls)
  const after = await heapUsage(INSPECTOR)
  // And the same again, asked for a second time: now the answers are kept (within MEMORY_BUDGET_MIB).
  await crawl(urls)
  const twice = await heapUsage(INSPECTOR)
  const row = (label: string, usage: { heapMiB: number; arrayBuffersMiB: number }) =>
    `| ${label} | ${usage.heapMiB.toFixed(1)} | ${usage.arrayBuffersMiB.toFixed(1)} | ${(usage.heapMiB + usage.arrayBuffersMiB).toFixed(1)} |`
  console.log(
    `\nMemory at ${count.toLocaleString('en')} articles, ${urls.length.toLocaleString('en')} pages crawled (16 concurrent), after a full GC:`,
  )
  console.log('| When | JS heap (MiB) | ArrayBuffers (MiB) | total (MiB) |\n| --- | ---: | ---: | ---: |')
  console.log(row('started, /feed.xml read', before))
  console.log(row('after the crawl', after))
  console.log(row('after the same crawl again', twice))
} finally {
  await worker.stop()
}
