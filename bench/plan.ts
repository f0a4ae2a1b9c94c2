/**
 * @module
 * `node bench/plan.ts <articles folder>`: the content phase of a publish (through the publish
 * cache, as `npm run publish` reads it) and the planner's phases for its last article, at the
 * folder's size, without storage. The folder must have been published once (its cache is used).
 */
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { loadContentCached } from '../src/publisher/files/content-cache.ts'
import { articleFiles, ROOT } from '../src/publisher/files/content-files.ts'
import { BUNDLE_OPTIONS } from '../src/publisher/node/module-graph.ts'
import type * as PlanPhases from './plan-phases.ts'

const folder = resolve(process.argv[2] ?? 'content/articles')
const outfile = join(ROOT, `.wrangler/tmp/plan-phases-${process.pid}.mjs`)
await build({ ...BUNDLE_OPTIONS, entryPoints: [join(ROOT, 'bench/plan-phases.ts')], outfile })
const { measurePlanPhases } = (await import(pathToFileURL(outfile).href)) as typeof PlanPhases

let started = performance.now()
const files = articleFiles(folder)
console.log(`list ${files.length} files: ${Math.round(performance.now() - started)} ms`)
started = performance.now()
const loaded = await loadContentCached(files, { folder, useCache: true, log: console.log })
console.log(`content: ${Math.round(performance.now() - started)} ms (${loaded.read} files read)`)
if (!loaded.content) throw new Error(`${folder}: content has problems (npm run check)`)
console.log(await measurePlanPhases(loaded.content, loaded.knownHashes, 'http://127.0.0.1:9201'))
