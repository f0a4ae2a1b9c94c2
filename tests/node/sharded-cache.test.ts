/**
 * The publisher's caches, one JSON shard per folder (src/publisher/files/sharded-cache.ts): read
 * back whole, only changed folders rewritten, a folder's shard gone with its last file, and a
 * shard of another version never used.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readShards, writeShards } from '../../src/publisher/files/sharded-cache.ts'

const work = mkdtempSync(join(tmpdir(), 'sharded-cache-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const entries = (pairs: [string, number][]) => new Map(pairs)
const shardsOf = (dir: string) => readdirSync(dir).sort()

describe('sharded cache', () => {
  it('keeps one shard per folder and reads every entry back', () => {
    const dir = join(work, 'a')
    const all = entries([
      ['articles/2024/01/a.ts', 1],
      ['articles/2024/01/b.ts', 2],
      ['articles/2024/02/c.ts', 3],
    ])
    writeShards(dir, 'v1', all, new Set(['articles/2024/01', 'articles/2024/02']))
    expect(shardsOf(dir)).toHaveLength(2)
    expect(readShards<number>(dir, 'v1')).toEqual(all)
    // Each shard holds its own folder's entries only.
    const texts = shardsOf(dir).map((name) => readFileSync(join(dir, name), 'utf8'))
    expect(
      texts.filter((text) => text.includes('a.ts') && text.includes('b.ts') && !text.includes('c.ts')),
    ).toHaveLength(1)
  })

  it('rewrites only the changed folders, and removes the shard of a folder left empty', () => {
    const dir = join(work, 'b')
    writeShards(
      dir,
      'v1',
      entries([
        ['x/1/a.ts', 1],
        ['x/2/b.ts', 2],
        ['x/3/c.ts', 3],
      ]),
      new Set(['x/1', 'x/2', 'x/3']),
    )
    const before = new Map(shardsOf(dir).map((name) => [name, statSync(join(dir, name)).mtimeMs]))
    const text = (name: string) => readFileSync(join(dir, name), 'utf8')
    const unchangedBefore = new Map(shardsOf(dir).map((name) => [name, text(name)]))
    // x/1 changes (a file edited: its entry is 10), x/3's only file is gone; x/2 is untouched.
    const next = entries([
      ['x/1/a.ts', 10],
      ['x/2/b.ts', 99], // not in a changed folder: what is on disk (2) stays
    ])
    writeShards(dir, 'v1', next, new Set(['x/1', 'x/3']))
    expect(shardsOf(dir)).toHaveLength(2)
    expect(readShards<number>(dir, 'v1')).toEqual(
      entries([
        ['x/1/a.ts', 10],
        ['x/2/b.ts', 2],
      ]),
    )
    const untouched = shardsOf(dir).find((name) => text(name).includes('b.ts')) as string
    expect(text(untouched)).toBe(unchangedBefore.get(untouched))
    expect(statSync(join(dir, untouched)).mtimeMs).toBe(before.get(untouched))
  })

  it('ignores shards written under another version, and an unreadable shard', () => {
    const dir = join(work, 'c')
    writeShards(dir, 'v1', entries([['f/a.ts', 1]]), new Set(['f']))
    expect(readShards<number>(dir, 'v2').size).toBe(0)
    expect(readShards<number>(join(work, 'missing'), 'v1').size).toBe(0)
    writeShards(dir, 'v1', entries([['g/b.ts', 2]]), new Set(['g']))
    // f's shard was removed (no entry in f any more); g's is cut short, as by a crash mid-write.
    const [name] = shardsOf(dir)
    writeFileSync(join(dir, name as string), '{"version":"v1","folder":"g","entr')
    expect(readShards<number>(dir, 'v1').size).toBe(0)
  })
})
