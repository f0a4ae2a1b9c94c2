/**
 * @module
 * What a publish is made of, as one hash: every article file, picture, module of code and setting
 * that can change what storage holds, each by its path, size and modification time (the same
 * trust as the publish cache: a file that changes gets a new modification time). When storage's
 * receipt (src/archive/publish-receipt.ts) holds the same hash, the publish has nothing to do,
 * and it stops before reading any article: what remains is listing and stat-ing the files.
 *
 * It errs on the side of publishing: any file of the code (src/, scripts/, migrations/,
 * content/'s own modules), a library (package-lock.json) or wrangler.toml touched, and the
 * publish runs as before and writes only what differs.
 */
import { createHash } from 'node:crypto'
import { type Dirent, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { ROOT } from '../files/content-files.ts'
import type { FileStat } from './stat-files.ts'

/** The project's own files a publish runs or reads besides the articles and pictures. */
const CODE = ['src', 'scripts', 'migrations', 'content', 'package-lock.json', 'wrangler.toml'] as const

export type PublishInputs = {
  /** The hash a receipt holds. */
  readonly hash: string
  /** Files stat-ed in all. */
  readonly files: number
}

export type InputsOptions = {
  /** The article files (project-relative paths, content-files.ts `articleFiles`). */
  readonly articles: readonly string[]
  /** Their stats (stat-files.ts `statFiles`, started early: it runs in a worker thread). */
  readonly articleStats: ReadonlyMap<string, FileStat>
  /** Absolute folders of article files and pictures: skipped in the code walk, the pictures walked. */
  readonly articlesDir: string
  readonly mediaDir: string
  /** Whatever else decides what is written: origin, hub, environment, the storage it goes to. */
  readonly settings: unknown
}

const projectPath = (path: string): string => relative(ROOT, path).split(sep).join('/')

/** Every file under `path` (or `path` itself), skipping the folders in `skip`. */
const walk = (path: string, skip: ReadonlySet<string>, found: string[]): void => {
  if (skip.has(path)) return
  let entries: Dirent[]
  try {
    entries = readdirSync(path, { withFileTypes: true })
  } catch {
    if (statSync(path, { throwIfNoEntry: false })?.isFile()) found.push(path)
    return
  }
  for (const entry of entries)
    if (entry.isDirectory()) walk(join(path, entry.name), skip, found)
    else if (entry.isFile()) found.push(join(path, entry.name))
}

const line = (path: string, stat: FileStat | undefined): string =>
  stat ? `${path}\t${stat.size}\t${stat.mtimeMs}` : `${path}\tmissing`

/** Stats the code and the pictures, and hashes them with the article files' stats (given), in a fixed order. */
export const publishInputs = ({
  articles,
  articleStats,
  articlesDir,
  mediaDir,
  settings,
}: InputsOptions): PublishInputs => {
  const hash = createHash('sha256').update(JSON.stringify(settings)).update('\n')
  const skip = new Set([articlesDir, mediaDir])
  const others: string[] = []
  for (const part of CODE) walk(join(ROOT, part), skip, others)
  walk(mediaDir, new Set(), others)
  for (const path of others.map(projectPath).sort())
    hash.update(line(path, statSync(join(ROOT, path), { throwIfNoEntry: false }))).update('\n')
  hash.update('articles\n')
  // One update of every line (the same bytes as one per line): 200,000 calls into the hash cost
  // ~0.1 s at 100,000 articles.
  hash.update(articles.map((file) => `${line(file, articleStats.get(file))}\n`).join(''))
  return { hash: hash.digest('hex'), files: others.length + articles.length }
}
