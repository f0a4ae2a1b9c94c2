/**
 * @module
 * A version of code taken from its real module graph: esbuild bundles the entry points (nothing
 * is written) and reports every module they reach, our own and the libraries' (its metafile);
 * the version is a hash of those modules' paths and bytes. No hand list can forget a module that
 * a renderer imports indirectly, and code nothing reaches changes nothing.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { ROOT } from '../files/content-files.ts'
import { replaceFile } from '../files/replace-file.ts'

/** How the builder's code is bundled (hono/jsx pages; `feed` needs only xml-js's writer). */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'neutral',
  format: 'esm',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  alias: { 'xml-js': join(ROOT, 'src/publisher/vendor/xml-js-writer.js') },
  logLevel: 'error',
} as const

/** Project-relative paths of every module the entry points reach, sorted. */
export const reachedModules = async (entryPoints: readonly string[]): Promise<string[]> => {
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: entryPoints.map((entry) => join(ROOT, entry)),
    absWorkingDir: ROOT,
    outdir: join(ROOT, '.wrangler/tmp/graph'),
    write: false,
    metafile: true,
  })
  return Object.keys(result.metafile.inputs).sort()
}

/** Where the graphs last hashed are kept, with each module's size and modification time. */
const GRAPH_CACHE = join(ROOT, '.wrangler/cache/module-graphs.json')

type CachedGraph = { readonly hash: string; readonly modules: readonly (readonly [string, number, number])[] }

const statOf = (module: string): readonly [string, number, number] | undefined => {
  const stat = statSync(join(ROOT, module), { throwIfNoEntry: false })
  return stat && [module, stat.mtimeMs, stat.size]
}

const readGraphCache = (): Record<string, CachedGraph> => {
  try {
    return JSON.parse(readFileSync(GRAPH_CACHE, 'utf8'))
  } catch {
    return {}
  }
}

/**
 * A hash of every module the entry points reach (paths and bytes), 16 hex digits. Kept with the
 * size and modification time of each module it read: while none of those changed, the graph is
 * the same (an import added or removed changes a module that was read), so the hash is reused
 * without starting esbuild — a second or more of every publish on a busy machine.
 */
export const hashModuleGraph = async (entryPoints: readonly string[]): Promise<string> => {
  const key = entryPoints.join('\n')
  const cached = readGraphCache()[key]
  if (
    cached?.modules.every(([module, mtimeMs, size]) => {
      const now = statOf(module)
      return now?.[1] === mtimeMs && now[2] === size
    })
  )
    return cached.hash
  const hash = createHash('sha256')
  const modules: (readonly [string, number, number])[] = []
  for (const module of await reachedModules(entryPoints)) {
    const stat = statOf(module)
    if (stat) modules.push(stat)
    hash
      .update(module)
      .update('\0')
      .update(readFileSync(join(ROOT, module)))
  }
  const result = hash.digest('hex').slice(0, 16)
  // Read again: publishes hash several graphs at once.
  replaceFile(GRAPH_CACHE, JSON.stringify({ ...readGraphCache(), [key]: { hash: result, modules } }))
  return result
}
