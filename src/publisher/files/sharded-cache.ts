/**
 * @module
 * A cache of what the publisher learnt of each file (an article's metadata, a picture's plan),
 * kept as one JSON shard per folder of those files, under a version (the code that learnt it).
 *
 * Why shards: one JSON file for the whole archive grew with it — ~65 MB at 100,000 articles,
 * ~650 MB at 1,000,000, past V8's longest string (2^29 − 24 characters), where reading it fails
 * and writing it throws. And one more article rewrote all of it (~3 s at 100,000). A shard holds
 * one folder (articles are sharded by year and month, pictures by their folders), and a publish
 * rewrites only the shards of the folders where a file was read or removed.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { nextTurn } from '../node/next-turn.ts'

type Shard<T> = { readonly version: string; readonly folder: string; readonly entries: Readonly<Record<string, T>> }

/** The folder a file's entry is kept with. */
export const folderOf = (file: string): string => dirname(file)

const shardName = (folder: string): string => `${createHash('sha256').update(folder).digest('hex').slice(0, 16)}.json`

const shardFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.json'))
  } catch {
    return []
  }
}

/** Every entry of `dir`'s shards written under `version`, by file; a shard of another version or unreadable is ignored. */
export const readShards = <T>(dir: string, version: string): Map<string, T> => {
  const entries = new Map<string, T>()
  for (const name of shardFiles(dir)) readShard(dir, name, version, entries)
  return entries
}

/** `readShards`, with a turn of the event loop after each shard for work beside it (next-turn.ts). */
export const readShardsYielding = async <T>(dir: string, version: string): Promise<Map<string, T>> => {
  const entries = new Map<string, T>()
  for (const name of shardFiles(dir)) {
    readShard(dir, name, version, entries)
    await nextTurn()
  }
  return entries
}

/** The entries of one folder's shard written under `version` (none from another version, or unreadable). */
export const readFolderShard = <T>(dir: string, folder: string, version: string): Map<string, T> => {
  const entries = new Map<string, T>()
  readShard(dir, shardName(folder), version, entries)
  return entries
}

/** Writes one folder's shard (`entries`: its files' only), whatever the other shards hold. */
export const writeFolderShard = <T>(
  dir: string,
  folder: string,
  version: string,
  entries: ReadonlyMap<string, T>,
): void => {
  mkdirSync(dir, { recursive: true })
  const shard: Shard<T> = { version, folder, entries: Object.fromEntries(entries) }
  writeFileSync(join(dir, shardName(folder)), JSON.stringify(shard))
}

/** Adds one shard's entries to `entries`: none from a shard of another version, or unreadable. */
const readShard = <T>(dir: string, name: string, version: string, entries: Map<string, T>): void => {
  try {
    const shard = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Shard<T>
    if (shard.version !== version) return
    for (const [file, entry] of Object.entries(shard.entries)) entries.set(file, entry)
  } catch {}
}

/**
 * Writes the shards of `changed` folders from `entries` (all of them, by file), and removes every
 * shard of a folder no entry is in any more (or written under another version, which
 * `readShards` would ignore anyway).
 */
export const writeShards = <T>(
  dir: string,
  version: string,
  entries: ReadonlyMap<string, T>,
  changed: ReadonlySet<string>,
): void => {
  mkdirSync(dir, { recursive: true })
  const byFolder = new Map<string, Record<string, T>>()
  const folders = new Set<string>()
  for (const [file, entry] of entries) {
    const folder = folderOf(file)
    folders.add(folder)
    if (!changed.has(folder)) continue
    const shard = byFolder.get(folder) ?? {}
    shard[file] = entry
    byFolder.set(folder, shard)
  }
  for (const [folder, shard] of byFolder)
    writeFileSync(join(dir, shardName(folder)), JSON.stringify({ version, folder, entries: shard } satisfies Shard<T>))
  const kept = new Set([...folders].map(shardName))
  for (const name of shardFiles(dir)) if (!kept.has(name)) rmSync(join(dir, name), { force: true })
}
