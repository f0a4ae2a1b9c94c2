/**
 * @module
 * The Worker bundle holds no builder code (issue 16: the builder and the Worker share the archive
 * format and nothing else). The Worker is bundled exactly as `npm run deploy` bundles it —
 * `wrangler deploy --dry-run` with wrangler.toml — and esbuild's metafile names every module in it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'worker-bundle-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

/** Project-relative paths of every module wrangler put into the Worker bundle. */
let inputs: string[] = []
beforeAll(() => {
  const metafile = join(out, 'meta.json')
  execFileSync(
    join(ROOT, 'node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--outdir', out, '--metafile', metafile],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } },
  )
  // esbuild names inputs relative to its working directory, the project root.
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as { inputs: Record<string, unknown> }
  inputs = Object.keys(meta.inputs).map((input) => relative(ROOT, resolve(ROOT, input)))
}, 60_000)

describe('the Worker bundle', () => {
  it('is built from the Worker entry and the archive format it reads', () => {
    expect(inputs).toContain('src/worker/index.ts')
    expect(inputs).toContain('src/archive/read.ts')
  })

  it('holds no builder module and no content module', () => {
    expect(inputs.filter((input) => input.startsWith('src/publisher/') || input.startsWith('content/'))).toEqual([])
  })

  it('holds no renderer library (feed, xml-js) and no page renderer (hono/jsx)', () => {
    const libraries = inputs.filter((input) =>
      /node_modules\/(feed|xml-js)\/|node_modules\/hono\/dist\/jsx\//.test(input),
    )
    expect(libraries).toEqual([])
  })
})
