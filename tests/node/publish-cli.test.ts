/**
 * `npm run publish` as a newsroom runs it, in Node: articles found in any folder, invalid content
 * refused with file and field before anything is written, and a second run writing nothing.
 * Each run publishes into its own temporary state folder, never the developer's .wrangler/.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ArticleInput } from '../../content/schema.ts'
import { articleFiles, slugOfFile } from '../../src/publisher/files/content-files.ts'
import { openLocalStorage } from '../../src/publisher/node/local-storage.ts'
import { article as anArticle, articleFile } from '../fixtures/article.ts'
import { type Run, runPublish } from '../helpers/publish-cli.ts'

const ROOT = join(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'publish-cli-'))
const articles = join(work, 'articles')
const state = join(work, 'state')
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** An article file with the fields these runs are about. */
const article = (id: string, title: string, fields: Partial<ArticleInput> = {}) =>
  articleFile(
    anArticle({
      id,
      title,
      published: `2026-11-0${id.length % 9}T10:00:00Z`,
      tags: ['Trade'],
      ...fields,
    }),
    join(ROOT, 'content/schema.ts'),
  )

/** `npm run publish` of these articles into this state folder. */
const PUBLISH_ARGS = ['--articles', articles, '--persist-to', state, '--var', 'PUBLIC_ORIGIN:http://127.0.0.1:8799']

const publish = (): Run => runPublish(...PUBLISH_ARGS)

const write = (path: string, source: string) => {
  mkdirSync(join(articles, path, '..'), { recursive: true })
  writeFileSync(join(articles, path), source)
}

describe('the article files', () => {
  it('are every .ts file under the folder, in any sub-folder, in a stable order; the file name is the slug', () => {
    write('2026/11/talks-end.ts', article('a1', 'Talks end'))
    write('2026/10/summit-opens.ts', article('a22', 'Summit opens'))
    write('notes.d.ts', 'export {}\n')
    write('2026/readme.txt', 'not an article')
    const files = articleFiles(articles)
    expect(files.map(slugOfFile)).toEqual(['summit-opens', 'talks-end'])
    expect(files[0]).toMatch(/2026\/10\/summit-opens\.ts$/)
  })
})

describe('npm run publish', () => {
  it('publishes every article, then writes nothing when run again', () => {
    const first = publish()
    expect(first.status, first.output).toBe(0)
    expect(first.output).toMatch(/articles 2 added, 0 changed, 0 removed; documents \d+ written, 0 removed/)
    expect(first.output).toContain('2 files read')
    const again = publish()
    expect(again.output).toMatch(/articles 0 added, 0 changed, 0 removed; documents 0 written, 0 removed/)
    // Unchanged files are neither imported nor checked again: storage's receipt says it holds
    // what these files, the code and the settings publish, and the run stops there.
    expect(again.output).toContain('0 files read')
    expect(again.output).toContain('its receipt says so')
    expect(again.output).not.toContain('articles checked')
  }, 60_000)

  it('reads again only a file that changed, and republishes what shows it', () => {
    write('2026/11/talks-end.ts', article('a1', 'Talks end without a deal'))
    const edited = publish()
    expect(edited.output).toContain('1 file read')
    expect(edited.output).toMatch(/articles 0 added, 1 changed, 0 removed; documents [1-9]\d* written/)
  }, 60_000)

  it('refuses invalid content with the file and the field, and writes nothing', () => {
    write('2026/11/broken.ts', article('a333', 'Broken', { updated: '2026-02-30' }))
    const refused = publish()
    expect(refused.status).toBe(1)
    expect(refused.output).toContain('nothing was published')
    expect(refused.output).toMatch(/articles\/2026\/11\/broken\.ts › updated: "2026-02-30" is not a real date/)
    rmSync(join(articles, '2026/11/broken.ts'))
    write('2026/11/unreadable.ts', "export default defineArticle({ id: 'x', title: 'Missing brace'\n")
    const unreadable = publish()
    expect(unreadable.status).toBe(1)
    expect(unreadable.output).toMatch(/articles\/2026\/11\/unreadable\.ts › module: cannot be loaded: /)
    rmSync(join(articles, '2026/11/unreadable.ts'))
    // Nothing was written: the storage still holds exactly the two articles.
    expect(publish().output).toMatch(/documents 0 written/)
  }, 60_000)

  it('checks and plans as usual when the receipt in storage is not the one this machine wrote', async () => {
    // As after a publish from another checkout: storage holds another receipt.
    const storage = await openLocalStorage({ persistTo: state })
    await storage.env.DB.prepare("UPDATE publish_receipt SET inputs = 'another checkout'").run()
    await storage.dispose()
    const checked = publish()
    expect(checked.output).toContain('2 articles checked')
    expect(checked.output).toMatch(/documents 0 written, 0 removed/)
    expect(publish().output).toContain('its receipt says so')
  }, 60_000)

  it('plans everything after a run stopped half-way, even when the files are back as they were', async () => {
    const extra = '2026/11/interrupted.ts'
    write(extra, article('a55555', 'Interrupted'))
    const child = spawn(
      process.execPath,
      ['scripts/publish.ts', ...PUBLISH_ARGS],
      // A process group of its own: the kill below takes its workerd (Miniflare's child) with it.
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true },
    )
    let output = ''
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk) => {
        output += chunk
        // Printed by publish() once the receipt is cleared, before anything is written.
        if (/documents, \d+ to render/.test(output) && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      })
      child.on('exit', () => resolve())
    })
    expect(output).toMatch(/to render/)
    rmSync(join(articles, extra))
    const next = publish()
    expect(next.output).not.toContain('its receipt says so')
    expect(next.output).toContain('no receipt of a complete publish in this storage: every document is planned')
    expect(next.status).toBe(0)
    expect(publish().output).toContain('its receipt says so')
  }, 60_000)

  it('publishes one more article by writing only the documents that show it', () => {
    write('2026/11/third.ts', article('a4444', 'Third'))
    const added = publish()
    expect(added.output).toMatch(/articles 1 added, 0 changed, 0 removed/)
    expect(added.output).toContain('1 file read')
    const written = Number(/documents (\d+) written/.exec(added.output)?.[1])
    // Its page; site and Trade feeds and pages (4 + 4); sitemap index and two parts; the news
    // sitemap, which lists the articles of the 48 hours before the newest.
    expect(written).toBe(1 + 4 + 4 + 3 + 1)
  }, 60_000)
})
