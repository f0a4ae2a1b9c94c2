/**
 * An imported agency story is an article like any other: IPTC's own ninjs example, imported
 * with `npm run import` and published, gives the very bytes — feeds in the three formats, the
 * article page, the sitemap — that the same article typed by hand into a file gives.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { getPlatformProxy } from 'wrangler'
import type { ArticleInput } from '../../content/schema.ts'
import { articleFile } from '../fixtures/article.ts'
import { runScript } from '../helpers/publish-cli.ts'

const ROOT = join(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'import-as-written-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Runs a script and expects it to succeed; what it printed. */
const run = (script: string, ...args: string[]): string => {
  const { status, output } = runScript(script, ...args)
  expect(status, output).toBe(0)
  return output
}

const publish = (articles: string, state: string): string =>
  run(
    'scripts/publish.ts',
    ...['--articles', articles, '--persist-to', state, '--var', 'PUBLIC_ORIGIN:http://127.0.0.1:8799'],
  )

/** The bytes of every stored document, by path. */
const storedBytes = async (state: string): Promise<Map<string, string>> => {
  const proxy = await getPlatformProxy<{ ARCHIVE: R2Bucket }>({
    configPath: join(ROOT, 'wrangler.toml'),
    persist: { path: join(state, 'v3') },
  })
  try {
    const bytes = new Map<string, string>()
    const listed = await proxy.env.ARCHIVE.list()
    for (const { key } of listed.objects)
      bytes.set(key, await ((await proxy.env.ARCHIVE.get(key)) as R2ObjectBody).text())
    return bytes
  } finally {
    await proxy.dispose()
  }
}

describe('an imported ninjs story', () => {
  it('is published exactly as the same article written by hand', async () => {
    const imported = join(work, 'imported')
    const written = join(work, 'written')
    mkdirSync(imported, { recursive: true })
    mkdirSync(written, { recursive: true })
    run(
      'scripts/import.ts',
      '--articles',
      imported,
      join(ROOT, 'tests/fixtures/ninjs/2.2/005_complex_text_article.json'),
    )
    const [file] = readdirSync(imported)
    expect(file).toMatch(/\.ts$/)
    // The same fields, typed by hand: another file, another layout, no import comments.
    const fields = (await import(pathToFileURL(join(imported, file as string)).href)).default as ArticleInput
    writeFileSync(join(written, file as string), articleFile(fields, join(ROOT, 'content/schema.ts')))

    expect(publish(imported, join(work, 'state-imported'))).toMatch(/articles 1 added/)
    expect(publish(written, join(work, 'state-written'))).toMatch(/articles 1 added/)
    const fromImport = await storedBytes(join(work, 'state-imported'))
    const byHand = await storedBytes(join(work, 'state-written'))
    expect([...fromImport.keys()].sort()).toEqual([...byHand.keys()].sort())
    for (const path of ['/feed.xml', '/atom.xml', '/feed.json', `/articles/${(file as string).slice(0, -3)}`])
      expect(fromImport.get(path), path).toBeDefined()
    for (const [path, bytes] of fromImport) expect(bytes, path).toBe(byHand.get(path))
    expect(fromImport.get('/feed.json')).toContain(fields.title)
  }, 180_000)
})
