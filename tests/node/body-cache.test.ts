/**
 * The bodies of article files kept by the publisher (src/publisher/files/body-cache.ts): a
 * publish that renders an article it did not read this time takes the body from the cache,
 * trusted under the file's size and modification time like the publish cache, and imports the
 * file only when the cache does not hold it for that stat.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { Block } from '../../content/schema.ts'
import { bodyCache } from '../../src/publisher/files/body-cache.ts'
import { loadContentCached } from '../../src/publisher/files/content-cache.ts'
import { articleFiles } from '../../src/publisher/files/content-files.ts'
import type { FileStat } from '../../src/publisher/node/stat-files.ts'
import { article, articleFile } from '../fixtures/article.ts'

// The file imports, counted: a body the cache holds must not be imported again.
const imports = vi.hoisted(() => ({ files: [] as string[] }))
vi.mock('../../src/publisher/files/content-files.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/publisher/files/content-files.ts')>()
  return {
    ...actual,
    importContentFiles: (files: readonly string[]) => {
      imports.files.push(...files)
      return actual.importContentFiles([...files])
    },
  }
})

const ROOT = join(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'body-cache-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const stat = (mtimeMs: number, size = 100): FileStat => ({ mtimeMs, size })

describe('the body cache', () => {
  it('gives back the bodies written, for the same stat and version only, folder by folder', () => {
    const dir = join(work, 'unit')
    const one: Block[] = [
      ['Он сказал: ', { quote: '«Мы готовы»' }, ' — and left.'],
      { figure: { src: '2024/01/a.jpg', alt: 'A harbour', credit: 'TASS' } },
    ]
    const two: Block[] = [['Two.'], ['Three.']]
    const stats = new Map([
      ['a/2024/01/one.ts', stat(1)],
      ['a/2024/02/two.ts', stat(2)],
    ])
    bodyCache(dir, 'v1', stats).write(
      new Map([
        ['a/2024/01/one.ts', one],
        ['a/2024/02/two.ts', two],
      ]),
    )
    expect(bodyCache(dir, 'v1', stats).read(['a/2024/01/one.ts', 'a/2024/02/two.ts', 'a/2024/02/none.ts'])).toEqual(
      new Map([
        ['a/2024/01/one.ts', one],
        ['a/2024/02/two.ts', two],
      ]),
    )
    // The file changed since (another modification time, another size): not trusted.
    expect(bodyCache(dir, 'v1', new Map([['a/2024/01/one.ts', stat(5)]])).read(['a/2024/01/one.ts']).size).toBe(0)
    expect(bodyCache(dir, 'v1', new Map([['a/2024/01/one.ts', stat(1, 7)]])).read(['a/2024/01/one.ts']).size).toBe(0)
    // Other normalising rules: nothing.
    expect(bodyCache(dir, 'v2', stats).read(['a/2024/01/one.ts']).size).toBe(0)
    // Writing one folder keeps what the other holds.
    bodyCache(dir, 'v1', stats).write(new Map([['a/2024/02/two.ts', [['Four.']] as Block[]]]))
    expect(bodyCache(dir, 'v1', stats).read(['a/2024/01/one.ts', 'a/2024/02/two.ts'])).toEqual(
      new Map([
        ['a/2024/01/one.ts', one],
        ['a/2024/02/two.ts', [['Four.']]],
      ]),
    )
  })

  it('serves a publish the body it kept, and imports the file again once it changed', async () => {
    const folder = join(work, 'articles')
    const path = join(folder, '2024/01/kept.ts')
    mkdirSync(join(path, '..'), { recursive: true })
    // Two sources of the same length: only the stat tells them apart.
    const source = (word: string) => articleFile(article({ body: [[word]] }), join(ROOT, 'content/schema.ts'))
    const when = new Date('2024-01-02T10:00:00Z')
    const write = (word: string, mtime: Date) => {
      writeFileSync(path, source(word))
      utimesSync(path, mtime, mtime)
    }
    const bodyNow = async (): Promise<unknown> => {
      const loaded = await loadContentCached(articleFiles(folder), { folder, useCache: true })
      expect(loaded.problems).toEqual([])
      const kept = loaded.content?.articles[0]
      await loaded.loadBodies([kept?.slug as string])
      return kept?.body
    }
    const importsOf = async (run: () => Promise<unknown>): Promise<number> => {
      const before = imports.files.length
      await run()
      return imports.files.length - before
    }
    write('First.', when)
    // Read this time (new file): its body is the file's.
    expect(await bodyNow()).toEqual([['First.']])
    // Unchanged since: the body is imported once, then kept, and not imported again.
    expect(await importsOf(bodyNow)).toBe(1)
    expect(await importsOf(bodyNow)).toBe(0)
    expect(await bodyNow()).toEqual([['First.']])
    // Other text, the same size and time: the publish trusts the stat, so the kept body is what it renders.
    write('Other.', when)
    expect(statSync(path).size).toBe(Buffer.byteLength(source('First.')))
    expect(await importsOf(bodyNow)).toBe(0)
    // A real edit moves the modification time: the file is read again, and so is its body.
    write('Other.', new Date('2024-01-02T10:00:01Z'))
    expect(await bodyNow()).toEqual([['Other.']])
    expect(await importsOf(bodyNow)).toBe(1)
    expect(await bodyNow()).toEqual([['Other.']])
  })
})
