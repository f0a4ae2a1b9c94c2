/**
 * @module
 * The publishing code for Node: src/publisher/publish bundled by esbuild (the pages are hono/jsx,
 * which Node does not run), and the version of the code that renders, which every fingerprint holds.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { ROOT } from '../files/content-files.ts'
import type * as Publisher from '../publish/index.ts'
import { BUNDLE_OPTIONS, hashModuleGraph } from './module-graph.ts'

/**
 * What decides the bytes and stored validators of documents: the plan (which reaches the model,
 * the renderers, the pages, the content rules they use — tag slugs, dates — and the libraries)
 * and the archive format's metadata and entity-tag rules. A change anywhere in that graph
 * re-renders everything (and writes what differs); code outside it (the publish loop, the
 * Worker, the hub) changes no document, so a fix there re-renders nothing.
 */
export const RENDERING_ENTRIES = [
  'src/publisher/publish/plan.ts',
  // The pictures' URLs and lengths as documents show them, and the icon files' documents.
  'src/publisher/publish/pictures.ts',
  'src/publisher/publish/binary-files.ts',
  'src/archive/metadata.ts',
  'src/archive/entity-tag.ts',
] as const

export const codeVersion = (): Promise<string> => hashModuleGraph(RENDERING_ENTRIES)

/** The publishing code's entry point: everything a publish runs once content is checked. */
const PUBLISHER_ENTRY = 'src/publisher/publish/index.ts'

/**
 * The publisher, bundled once per version of its code: the bundle is named by the hash of its
 * module graph, so a publish with the code unchanged imports the bundle the last one built.
 */
export const loadPublisher = async (): Promise<typeof Publisher> => {
  // The options are part of what the bundle is: a change to them is a new name too.
  const options = createHash('sha256').update(JSON.stringify(BUNDLE_OPTIONS)).digest('hex').slice(0, 8)
  const outfile = join(ROOT, '.wrangler/tmp', `publisher-${await hashModuleGraph([PUBLISHER_ENTRY])}-${options}.mjs`)
  if (!existsSync(outfile)) {
    mkdirSync(dirname(outfile), { recursive: true })
    // Built beside and renamed: a publish running at the same time never imports half a file.
    const building = `${outfile}.${process.pid}`
    await build({ ...BUNDLE_OPTIONS, entryPoints: [join(ROOT, PUBLISHER_ENTRY)], outfile: building })
    renameSync(building, outfile)
  }
  return import(pathToFileURL(outfile).href)
}
