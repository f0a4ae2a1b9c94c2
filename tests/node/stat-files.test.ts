/**
 * The publisher's stats of the article files (src/publisher/node/stat-files.ts): the same size
 * and modification time as `statSync`, by path, whether found in the main thread (few files) or in
 * a worker thread (thousands); a file that is gone has none.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { statFiles } from '../../src/publisher/node/stat-files.ts'

// The worker threads started, counted through the real Worker class: which path ran is observed,
// not assumed from the number of files.
const threads = vi.hoisted(() => ({ started: 0 }))
vi.mock('node:worker_threads', async (original) => {
  const actual = await original<typeof import('node:worker_threads')>()
  class CountedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args)
      threads.started++
    }
  }
  return { ...actual, Worker: CountedWorker }
})
beforeEach(() => {
  threads.started = 0
})

const root = mkdtempSync(join(tmpdir(), 'stat-files-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** `count` files of different sizes under root/<folder>/, by root-relative path. */
const makeFiles = (folder: string, count: number): string[] => {
  mkdirSync(join(root, folder), { recursive: true })
  return Array.from({ length: count }, (_, i) => {
    const file = `${folder}/article-${i}.ts`
    writeFileSync(join(root, file), 'x'.repeat(i % 97))
    return file
  })
}

const expected = (files: readonly string[]) =>
  new Map(
    files.map((file) => {
      const stat = statSync(join(root, file))
      return [file, { size: stat.size, mtimeMs: stat.mtimeMs }]
    }),
  )

describe('statFiles', () => {
  it.each([
    ['in the main thread', 'few', 10, 0],
    ['in a worker thread', 'many', 2500, 1],
  ])('%s: each file’s size and mtime, and none for a missing file', async (_, folder, count, workers) => {
    const files = makeFiles(folder, count)
    const missing = `${folder}/gone.ts`
    const stats = await statFiles(root, [...files, missing])
    expect(stats.has(missing)).toBe(false)
    expect(stats).toEqual(expected(files))
    expect(threads.started).toBe(workers)
  })
})
