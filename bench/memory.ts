/**
 * @module
 * `node bench/memory.ts [articles]`: how the isolate's memory after a crawl depends on
 * MEMORY_BUDGET_MIB — the same crawl as `npm run bench` (10,000 article pages and every archive
 * page) of an archive `npm run bench` published, served with budgets of 0, 4, 16 and 64 MiB.
 * What does not move with the budget is not the document cache.
 */
import { join } from 'node:path'
import { crawl, heapUsage, serveWorker, untilOK } from './serve.ts'

const ROOT = join(import.meta.dirname, '..')
const count = Number(process.argv[2] ?? 10_000)
const total = count + 1
const pages = Math.floor(Math.max(0, total - 50) / 50) + 1
const rows: string[] = []
for (const budget of ['0', '4', '16', '64']) {
  const worker = await serveWorker({
    scriptPath: join(ROOT, 'bench/.out/dist/index.js'),
    port: 9251,
    inspectorPort: 9451,
    persistTo: join(ROOT, `bench/.out/state-${count}`),
    vars: { MEMORY_BUDGET_MIB: budget, MEMORY_SECONDS: '3600' },
  })
  try {
    await untilOK(`${worker.origin}/feed.xml`)
    const urls = [
      ...Array.from(
        { length: Math.min(10_000, total) },
        (_, k) => `${worker.origin}/articles/article-${total - 1 - k}`,
      ),
      ...Array.from({ length: pages }, (_, p) =>
        ['', '/feed.xml', '/atom.xml', '/feed.json'].map((f) => `${worker.origin}/archive/${p + 1}${f}`),
      ).flat(),
    ]
    await crawl(urls)
    const first = await heapUsage(9451)
    await new Promise((resolve) => setTimeout(resolve, 5000))
    const later = await heapUsage(9451)
    rows.push(
      `| ${budget} | ${first.heapMiB.toFixed(1)} | ${first.arrayBuffersMiB.toFixed(1)} | ${later.arrayBuffersMiB.toFixed(1)} |`,
    )
    console.log(rows.at(-1))
  } finally {
    await worker.stop()
  }
}
console.log(
  [
    `\n| MEMORY_BUDGET_MIB | V8 heap (MiB) | ArrayBuffers after the crawl (MiB) | 5 s later (MiB) |`,
    '| ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n'),
)
