/**
 * One measurement of the work content costs, in a fresh Node process (V8, as in workerd, where
 * a Worker cannot read its own CPU clock): start-up (checking all content), then the first
 * request (catalog, model, one feed rendered and hashed), then the rest of the home page's
 * documents. Prints one JSON line. Run by bench/run.ts, bundled by esbuild.
 */
import { loadContent } from '../content/load.ts'
import site from '../content/site.ts'
import { renderAtom } from '../src/feed/atom.ts'
import { buildFeedModel } from '../src/feed/build.ts'
import { buildCatalog } from '../src/feed/catalog.ts'
import { renderJSONFeed } from '../src/feed/json-feed.ts'
import type { FeedModel } from '../src/feed/model.ts'
import { renderRSS } from '../src/feed/rss.ts'
import { ListPage } from '../src/pages/list-page.tsx'
import { realisticArticle } from './generate.ts'

const count = Number(process.argv[2])
// Through JSON, so that the strings are flat like the literals of a bundled article module
// (generated strings are ropes, which every first scan would flatten, inflating the check).
const entries = JSON.parse(
  JSON.stringify(Array.from({ length: count }, (_, i) => [`article-${i}`, realisticArticle(i)])),
)
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(since)
  return (user + system) / 1000
}

// Collect the generator's garbage first: in a Worker the articles are module literals, and
// each phase should pay only for its own garbage.
gc()
const start = process.cpuUsage()
const content = loadContent(site, entries)
const startupMs = cpuMs(start)

gc()
const first = process.cpuUsage()
const catalog = buildCatalog(content)
const model = buildFeedModel(catalog, { origin: 'https://news.example.com' }) as FeedModel
const rss = renderRSS(model)
await crypto.subtle.digest('SHA-256', new TextEncoder().encode(rss))
const firstRequestMs = cpuMs(first)

const rest = process.cpuUsage()
renderAtom(model)
renderJSONFeed(model)
await (<ListPage site={{ title: 't', homeURL: '/', language: 'en' }} model={model} heading="h" intro="i" />).toString()
const otherDocumentsMs = cpuMs(rest)

gc()
// Everything the isolate keeps: the articles themselves (as the bundle's modules would hold
// them), the checked content, the catalog and the rendered documents.
const heapMiB = process.memoryUsage().heapUsed / 1024 / 1024
console.log(
  JSON.stringify({ count, startupMs, firstRequestMs, otherDocumentsMs, heapMiB, keep: catalog.entries.length }),
)
