/**
 * @module
 * The publishing code for Node: src/publish bundled by esbuild (the pages are hono/jsx, which
 * Node does not run), and the version of the code that renders, which every fingerprint holds.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import type * as Publisher from '../src/publish/index.ts'
import { ROOT } from './content-files.ts'

/**
 * The code that decides the bytes of documents — the model, the renderers, the pages, the plan,
 * the vendored writer — and the lockfile (feed, hono): a change there re-renders everything
 * (and writes what differs). Other code (routes, the publish loop, the hub) changes no document,
 * so it is left out: a fix there must not re-render 100,000 documents.
 */
const RENDERING_CODE = ['src/feed', 'src/pages', 'src/vendor', 'src/publish/plan.ts']

export const codeVersion = (): string => {
  const hash = createHash('sha256')
  for (const entry of RENDERING_CODE) {
    const path = join(ROOT, entry)
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((file) => join(entry, file))
      : [entry]
    for (const file of files.sort())
      if (/\.(ts|tsx|js)$/.test(file)) hash.update(file).update(readFileSync(join(ROOT, file)))
  }
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
