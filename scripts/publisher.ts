/**
 * @module
 * The publishing code for Node: src/publish bundled by esbuild (the pages are hono/jsx, which
 * Node does not run), and the version of the code that renders, which every fingerprint holds.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import type * as Publisher from '../src/publish/index.ts'
import { ROOT } from './content-files.ts'

/** Hash of every source file that renders and of the lockfile (feed, hono): new code, new fingerprints. */
export const codeVersion = (): string => {
  const hash = createHash('sha256')
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).sort()
  for (const file of files)
    if (/\.(ts|tsx|js)$/.test(file)) hash.update(file).update(readFileSync(join(ROOT, 'src', file)))
  hash.update(readFileSync(join(ROOT, 'package-lock.json')))
  return hash.digest('hex').slice(0, 16)
}

export const loadPublisher = async (): Promise<typeof Publisher> => {
  const outdir = join(ROOT, '.wrangler/tmp')
  mkdirSync(outdir, { recursive: true })
  const outfile = join(outdir, `publisher-${process.pid}.mjs`)
  await build({
    entryPoints: [join(ROOT, 'src/publish/index.ts')],
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    alias: { 'xml-js': join(ROOT, 'src/vendor/xml-js-writer.js') },
    outfile,
    logLevel: 'error',
  })
  return import(pathToFileURL(outfile).href)
}
