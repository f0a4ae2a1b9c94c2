/**
 * @module
 * The content as the files hold it: every `*.ts` under content/articles/, in any folders (a
 * newsroom may shard by year and month). The list of articles is the list of files — nothing
 * to register, nothing parsed back out of source text. Node imports each module as it is, in
 * worker threads (import-articles.ts), or in this thread for a few (import-article.ts).
 */
import { readdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Problem } from '../../../content/errors.ts'
import { type ArticleEntry, SITE_FILE } from '../../../content/load.ts'
import type { ArticleInput, SiteInput } from '../../../content/schema.ts'
import { type ImportedFile, importArticle } from './import-article.ts'

export const ROOT = join(import.meta.dirname, '../../..')
export const ARTICLES_DIR = join(ROOT, 'content/articles')

/**
 * Project-relative paths (with `/`) of every article file, sorted, so that order never depends on
 * the disk. Walked folder by folder with entry types (readdirSync's `recursive` took 4 s for
 * 100,000 files, measured).
 */
export const articleFiles = (dir = ARTICLES_DIR): string[] => {
  const files: string[] = []
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(prefix + entry.name)
    }
  }
  const base = relative(ROOT, dir).split(sep).join('/')
  walk(dir, base === '' ? '' : `${base}/`)
  return files.sort()
}

/** The URL slug of an article file: its base name without `.ts`, whatever folder it is in. */
export const slugOfFile = (file: string): string => file.slice(file.lastIndexOf('/') + 1, -'.ts'.length)

export type LoadedFiles = {
  readonly site: SiteInput
  readonly entries: ArticleEntry[]
  /** Files that could not be imported at all (a syntax error, a throw): named with the error. */
  readonly problems: Problem[]
}

/** Files per worker thread, and worker threads at once (this machine has 2 cores). */
const BATCH = 4000
/**
 * Up to this many files are imported in the main thread: a worker thread takes ~0.5 s to start
 * (measured: one changed file, 728 ms through a worker), and a publish of one more article imports
 * one file, then the bodies of the few dozen articles the documents it rewrites show.
 */
const IN_MAIN_THREAD = 64
const THREADS = Math.max(1, Math.min(4, availableParallelism()))

const importBatch = (files: readonly string[]): Promise<ImportedFile[]> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(join(import.meta.dirname, 'import-articles.ts'), { workerData: { root: ROOT, files } })
    worker.once('message', resolve)
    worker.once('error', reject)
  })

/** Imports `files` in worker threads of BATCH files each, THREADS at once. */
const importInWorkers = async (files: readonly string[]): Promise<ImportedFile[]> => {
  const batches = Array.from({ length: Math.ceil(files.length / BATCH) }, (_, i) =>
    files.slice(i * BATCH, (i + 1) * BATCH),
  )
  const imported: ImportedFile[][] = new Array(batches.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(THREADS, batches.length) }, async () => {
      while (next < batches.length) {
        const index = next++
        imported[index] = await importBatch(batches[index] as string[])
      }
    }),
  )
  return imported.flat()
}

/** Imports the site and every article file: a few in the main thread, more in worker threads. */
export const importContentFiles = async (files = articleFiles()): Promise<LoadedFiles> => {
  const site = (await import(pathToFileURL(join(ROOT, SITE_FILE)).href)).default as SiteInput
  const imported =
    files.length <= IN_MAIN_THREAD
      ? await Promise.all(files.map((file) => importArticle(ROOT, file)))
      : await importInWorkers(files)
  const entries: ArticleEntry[] = []
  const problems: Problem[] = []
  for (const { file, article, error } of imported) {
    if (error === undefined) entries.push([slugOfFile(file), article as ArticleInput, file])
    else
      problems.push({
        file,
        field: 'module',
        message: `cannot be loaded: ${error}`,
        fix: 'fix the TypeScript in this file (npm run typecheck shows where).',
      })
  }
  return { site, entries, problems }
}
