/**
 * @module
 * The bodies of article files as last imported and normalised, kept in one JSON shard per folder
 * (sharded-cache.ts) under the file's size and modification time and the version of the rules
 * that normalised them (content-cache.ts). A publish renders the bodies of the articles its
 * documents show; reading one back from here is parsing JSON, where importing the file is
 * resolving, stripping and compiling a module (~1 ms, and Node keeps every module it loaded). A
 * publish that re-renders every document (new rendering code) reads each body several times (an
 * article page, then the archive pages that show it): from here, at the cost of a parse.
 *
 * A file changed since is imported again and its entry replaced; entries of removed files stay
 * in their folder's shard until the folder is written again.
 */
import type { Block } from '../../../content/schema.ts'
import type { FileStat } from '../node/stat-files.ts'
import { folderOf, readFolderShard, writeFolderShard } from './sharded-cache.ts'

type CachedBody = { readonly mtimeMs: number; readonly size: number; readonly body: readonly Block[] }

export type BodyCache = {
  /** The bodies of `files` that the cache holds for their current stat, by file. */
  readonly read: (files: readonly string[]) => Map<string, readonly Block[]>
  /** Keeps these bodies (by file), imported now, under the files' stats: their folders' shards are rewritten. */
  readonly write: (bodies: ReadonlyMap<string, readonly Block[]>) => void
}

const byFolder = (files: Iterable<string>): Map<string, string[]> => {
  const folders = new Map<string, string[]>()
  for (const file of files) {
    const folder = folderOf(file)
    const inFolder = folders.get(folder)
    if (inFolder) inFolder.push(file)
    else folders.set(folder, [file])
  }
  return folders
}

/** The body cache kept in `dir` under `version`, trusted for files whose stat is in `stats`. */
export const bodyCache = (dir: string, version: string, stats: ReadonlyMap<string, FileStat>): BodyCache => ({
  read: (files) => {
    const bodies = new Map<string, readonly Block[]>()
    for (const [folder, inFolder] of byFolder(files)) {
      const shard = readFolderShard<CachedBody>(dir, folder, version)
      for (const file of inFolder) {
        const cached = shard.get(file)
        const stat = stats.get(file)
        if (cached && stat && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size)
          bodies.set(file, cached.body)
      }
    }
    return bodies
  },
  write: (bodies) => {
    for (const [folder, inFolder] of byFolder(bodies.keys())) {
      const shard = readFolderShard<CachedBody>(dir, folder, version)
      for (const file of inFolder) {
        const stat = stats.get(file)
        if (stat) shard.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body: bodies.get(file) ?? [] })
      }
      writeFolderShard(dir, folder, version, shard)
    }
  },
})
