/**
 * The publisher's stats of the article files (src/publisher/node/stat-files.ts): the same size
 * and modification time as `statSync`, by path, whether found in the main thread (few files) or in
 * a worker thread (thousands); a file that is gone has none.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { statFiles } from '../../src/publisher/node/stat-files.ts'

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
    ['in the main thread', 'few', 10],
    ['in a worker thread', 'many', 2500],
  ])('%s: each file’s size and mtime, and none for a missing file', async (_, folder, count) => {
    const files = makeFiles(folder, count)
    const missing = `${folder}/gone.ts`
    const stats = await statFiles(root, [...files, missing])
    expect(stats.has(missing)).toBe(false)
    expect(stats).toEqual(expected(files))
  })
})
