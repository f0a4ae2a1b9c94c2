/**
 * @module
 * A version of code taken from its real module graph: esbuild bundles the entry points (nothing
 * is written) and reports every module they reach, our own and the libraries' (its metafile);
 * the version is a hash of those modules' paths and bytes. No hand list can forget a module that
 * a renderer imports indirectly, and code nothing reaches changes nothing.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { ROOT } from '../files/content-files.ts'

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

/** A hash of every module the entry points reach (paths and bytes), 16 hex digits. */
export const hashModuleGraph = async (entryPoints: readonly string[]): Promise<string> => {
  const hash = createHash('sha256')
  for (const module of await reachedModules(entryPoints))
    hash
      .update(module)
      .update('\0')
      .update(readFileSync(join(ROOT, module)))
  return hash.digest('hex').slice(0, 16)
}
