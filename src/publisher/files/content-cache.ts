/**
 * @module
 * The publish cache: what `npm run publish` learnt of each article file when it last read it —
 * everything but the body, and the hash of its content — kept under the file's size and
 * modification time, and under a hash of the checking code (content/*.ts). A file unchanged
 * since is neither imported nor checked again (the checks across articles still see it), and
 * its body is imported only if a document that shows it is rendered: one more article in an
 * archive of 100,000 reads one file. `npm run check` and `npm run publish -- --force` read
 * every file. A file that changes gets a new modification time, so a stale entry is never used.
 * The cache is kept in one shard per sub-folder (sharded-cache.ts): a publish rewrites only the
 * shards of folders where a file was read or removed.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { type ArticleImage, articleImages } from '../../../content/article-images.ts'
import { ContentError, type Problem } from '../../../content/errors.ts'
import {
  type Article,
  type ArticleEntry,
  type CheckedDates,
  type Content,
  checkedDatesOf,
  loadContent,
} from '../../../content/load.ts'
import { nfc, normalizeArticle } from '../../../content/normalize.ts'
import type { ArticleInput, SiteInput } from '../../../content/schema.ts'
import { hashModuleGraph } from '../node/module-graph.ts'
import { nextTurn } from '../node/next-turn.ts'
import { type FileStat, statFiles } from '../node/stat-files.ts'
import { articleHash } from '../publish/article-hash.ts'
import { phaseTimer } from '../publish/phase-timer.ts'
import { bodyCache } from './body-cache.ts'
import { importContentFiles, ROOT, slugOfFile } from './content-files.ts'
import { folderOf, readShardsYielding, writeShards } from './sharded-cache.ts'

/** One cache per folder of articles (tests and benchmarks publish other folders), sharded by sub-folder. */
const cacheDir = (folder: string): string =>
  join(ROOT, '.wrangler/cache', `content-${createHash('sha256').update(folder).digest('hex').slice(0, 12)}`)

type Metadata = Omit<ArticleInput, 'body'>
type CachedFile = {
  readonly mtimeMs: number
  readonly size: number
  readonly article: Metadata
  readonly hash: string
  /** Its pictures, figures included (the body is not cached): checked and published without reading the file. */
  readonly images: readonly ArticleImage[]
  /** Its dates as checked: not parsed again (content/load.ts `checked`). */
  readonly dates: CheckedDates
}

/** The code that checks and normalises content, and the site: new rules, every file read again. */
const RULES_ENTRIES = ['content/load.ts', 'content/normalize.ts', 'content/site.ts'] as const

export type LoadedContent = {
  readonly content?: Content
  /** Files that could not be imported, or content that breaks a rule: nothing may be published. */
  readonly problems: readonly Problem[]
  readonly knownHashes: ReadonlyMap<string, string>
  readonly loadBodies: (slugs: readonly string[]) => Promise<void>
  /** Takes back the bodies `loadBodies` gave (of articles whose documents are written): memory stays bounded. */
  readonly releaseBodies: (slugs: readonly string[]) => void
  /** Files read this time (the others came from the cache). */
  readonly read: number
  /** Each article's pictures (lead, then figures), by slug: also of articles whose body was not read. */
  readonly images: ReadonlyMap<string, readonly ArticleImage[]>
}

/**
 * The publish cache of a folder as read (`readContentCache`), under the rules version it was read
 * for. `loadContentCached` takes its entries over: they become the cache it writes.
 */
export type ContentCache = { readonly rules: string; readonly entries: Map<string, CachedFile> }

/** Reads the publish cache of `folder` (nothing when `useCache` is false). */
export const readContentCache = async (folder: string, useCache: boolean): Promise<ContentCache> => {
  const rules = await hashModuleGraph(RULES_ENTRIES)
  return { rules, entries: useCache ? await readShardsYielding<CachedFile>(cacheDir(folder), rules) : new Map() }
}

export type CacheOptions = {
  /** Logs the time of each phase (`npm run publish -- --profile`). */
  readonly log?: (message: string) => void
  /** The folder of article files (content/articles by default): its own cache. */
  readonly folder: string
  /** False: read and check every file (and write the cache anew). */
  readonly useCache: boolean
  /** The cache when the caller has read it already (`readContentCache`). */
  readonly cache?: ContentCache
  /** The files' stats when the caller has them already (stat-files.ts); otherwise they are stat-ed here. */
  readonly stats?: ReadonlyMap<string, FileStat>
}

/** The content of `files`, reading only those changed since the cache was written. */
export const loadContentCached = async (
  files: readonly string[],
  { folder, useCache, log, cache: known, stats: knownStats }: CacheOptions,
): Promise<LoadedContent> => {
  const timer = phaseTimer()
  const { rules, entries: cache } = known ?? (await readContentCache(folder, useCache))
  const dir = cacheDir(folder)
  timer.lap('read cache')
  const stats = knownStats ?? (await statFiles(ROOT, files))
  timer.lap('stat files')
  // After each phase, a turn for the storage proxy starting beside (next-turn.ts).
  await nextTurn()
  const cachedEntry = (file: string): CachedFile | undefined => {
    const cached = cache.get(file)
    const stat = stats.get(file)
    return cached !== undefined &&
      stat !== undefined &&
      cached.mtimeMs === stat.mtimeMs &&
      cached.size === stat.size &&
      // Written before pictures or dates were cached: read again.
      Array.isArray(cached.images) &&
      cached.dates !== undefined
      ? cached
      : undefined
  }
  // One pass: each file is either unchanged since it was cached (a stub, not read, its hash and
  // pictures known) or read now. Slugs as content/load.ts makes them: the file name in NFC.
  const toRead: string[] = []
  const stubs: ArticleEntry[] = []
  const checked = new Map<string, CheckedDates>()
  const knownHashes = new Map<string, string>()
  const images = new Map<string, readonly ArticleImage[]>()
  for (const file of files) {
    const cached = cachedEntry(file)
    if (cached === undefined) toRead.push(file)
    else {
      const slug = nfc(slugOfFile(file))
      stubs.push([slug, { ...cached.article, body: [] }, file])
      checked.set(file, cached.dates)
      knownHashes.set(slug, cached.hash)
      images.set(slug, cached.images)
    }
  }
  const imported = await importContentFiles(toRead)
  timer.lap('import changed files')
  await nextTurn()
  const none = {
    knownHashes: new Map(),
    loadBodies: async () => {},
    releaseBodies: () => {},
    read: toRead.length,
    images: new Map(),
  }
  if (imported.problems.length > 0) return { ...none, problems: imported.problems }
  const content = loadContent(imported.site as SiteInput, [...stubs, ...imported.entries], { checked })
  timer.lap('check content')
  await nextTurn()

  // The folders whose shard changes: a file read (new or changed) or gone. Unchanged files keep
  // their entries as they are; only the changed folders' shards are rewritten (sharded-cache.ts).
  // The cache as read becomes the cache to write: gone files out, files read this time in.
  const listed = new Set(files)
  const gone = [...cache.keys()].filter((file) => !listed.has(file))
  const changed = new Set([...toRead.map(folderOf), ...gone.map(folderOf)])
  for (const file of gone) cache.delete(file)
  const read = new Set(toRead)
  for (const article of content.articles) {
    if (!read.has(article.file)) continue
    const pictures = articleImages(article)
    images.set(article.slug, pictures)
    const stat = stats.get(article.file)
    if (!stat) {
      cache.delete(article.file)
      continue
    }
    const {
      body: _body,
      slug: _slug,
      file: _file,
      publishedAt: _p,
      updatedAt: _u,
      correctionsAt: _c,
      ...metadata
    } = article
    const hash = await articleHash(article)
    cache.set(article.file, {
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      article: metadata,
      hash,
      images: pictures,
      dates: checkedDatesOf(article),
    })
  }
  if (changed.size > 0) writeShards(dir, rules, cache, changed)
  timer.lap('write cache')
  await nextTurn()
  log?.(`content phases: ${timer.report()}`)

  const bySlug = new Map(content.articles.map((article) => [article.slug, article]))
  // Bodies given back (loaded), by slug: only those of articles not read this time (`checked`).
  const loaded = new Set<string>()
  const bodies = bodyCache(join(dir, 'bodies'), rules, stats)
  const loadBodies = async (slugs: readonly string[]): Promise<void> => {
    const wanted = slugs
      .map((slug) => bySlug.get(slug))
      .filter((a): a is Article => !!a && checked.has(a.file) && !loaded.has(a.slug))
    const cached = bodies.read(wanted.map((article) => article.file))
    const missing = wanted.filter((article) => !cached.has(article.file))
    // Many files are imported in worker threads that end after their batch (content-files.ts):
    // this thread keeps the bodies, not the modules.
    const imported = missing.length > 0 ? await importContentFiles(missing.map((article) => article.file)) : undefined
    if (imported && imported.problems.length > 0) throw new ContentError(imported.problems)
    const fresh = new Map<string, Article['body']>()
    imported?.entries.forEach(([, input], i) => {
      fresh.set((missing[i] as Article).file, normalizeArticle(input).body)
    })
    if (fresh.size > 0) bodies.write(fresh)
    for (const article of wanted) {
      // The article objects are ours: the catalog reads the body when it renders.
      ;(article as { body: Article['body'] }).body = cached.get(article.file) ?? fresh.get(article.file) ?? []
      loaded.add(article.slug)
    }
  }
  const releaseBodies = (slugs: readonly string[]): void => {
    for (const slug of slugs) {
      const article = bySlug.get(slug)
      if (!article || !loaded.delete(slug)) continue
      ;(article as { body: Article['body'] }).body = []
    }
  }
  return { content, problems: [], knownHashes, loadBodies, releaseBodies, read: toRead.length, images }
}
