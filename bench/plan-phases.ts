/**
 * @module
 * The publish planner at any archive size, in one process and without storage: what one more
 * article costs to plan when the index holds each scope's rows for one article fewer (touched
 * planning), against planning and fingerprinting every document. Bundled by bench/plan.ts (the
 * pages are hono/jsx, which Node does not run).
 */
import type { Content } from '../content/load.ts'
import { sha256Hex } from '../src/archive/entity-tag.ts'
import type { ScopeRow } from '../src/archive/index-rows.ts'
import { buildCatalog } from '../src/publisher/feed/catalog.ts'
import {
  articleDocument,
  listDocuments,
  pageContext,
  planDocuments,
  sitemapDocuments,
} from '../src/publisher/publish/plan.ts'
import { findTouched } from '../src/publisher/publish/touched.ts'

const CONTEXT = 'bench'

const fingerprints = async (sources: readonly string[]): Promise<void> => {
  for (let i = 0; i < sources.length; i += 1000)
    await Promise.all(sources.slice(i, i + 1000).map((source) => sha256Hex(`${CONTEXT}\u0000${source}`)))
}

/** Milliseconds of each planning phase for the last article of `content`. */
export const measurePlanPhases = async (content: Content, hashes: ReadonlyMap<string, string>, origin: string) => {
  const fewer = buildCatalog({ ...content, articles: content.articles.slice(0, -1) })
  const stored = new Map<string, ScopeRow>(
    findTouched(fewer, new Map(), hashes, CONTEXT).rows.map((row) => [row.scope, row]),
  )
  const lap = (() => {
    let last = performance.now()
    return () => {
      const now = performance.now()
      const ms = Math.round(now - last)
      last = now
      return ms
    }
  })()
  const catalog = buildCatalog(content)
  const catalogMs = lap()
  const touched = findTouched(catalog, stored, hashes, CONTEXT)
  const scopesMs = lap()
  const context = pageContext(catalog, origin)
  const planned = [
    ...touched.entries.map((entry) => articleDocument(context, entry, hashes)),
    ...touched.lists.flatMap((ref) => [...listDocuments(catalog, context, ref, hashes, undefined)]),
    ...(touched.changed ? sitemapDocuments(catalog, origin, touched.digestOf) : []),
  ]
  const planMs = lap()
  await fingerprints(planned.map((document) => document.source))
  const fingerprintsMs = lap()
  const touchedPhases = { catalogMs, scopesMs, planMs, fingerprintsMs, documents: planned.length }
  // BENCH_TOUCHED_ONLY=1: the touched planner alone (planning everything takes ten times as long).
  if (process.env.BENCH_TOUCHED_ONLY === '1') return { touched: touchedPhases }
  const everything = [...planDocuments(buildCatalog(content), origin, hashes)]
  const fullPlanMs = lap()
  await fingerprints(everything.map((document) => document.source))
  const fullFingerprintsMs = lap()
  return {
    touched: touchedPhases,
    everything: { planMs: fullPlanMs, fingerprintsMs: fullFingerprintsMs, documents: everything.length },
  }
}
