/**
 * @module
 * The content as the files hold it: every `*.ts` under content/articles/, in any folders (a
 * newsroom may shard by year and month). The list of articles is the list of files — nothing
 * to register, nothing parsed back out of source text. Node imports each module as it is.
 */
import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Problem } from '../content/errors.ts'
import type { ArticleEntry } from '../content/load.ts'
import type { ArticleInput, SiteInput } from '../content/schema.ts'

export const ROOT = join(import.meta.dirname, '..')
export const ARTICLES_DIR = join(ROOT, 'content/articles')
export const SITE_FILE = join(ROOT, 'content/site.ts')

/** Project-relative paths (with `/`) of every article file, sorted, so that order never depends on the disk. */
export const articleFiles = (dir = ARTICLES_DIR): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => relative(ROOT, join(dir, name)).split(sep).join('/'))
    .sort()

/** The URL slug of an article file: its base name without `.ts`, whatever folder it is in. */
export const slugOfFile = (file: string): string => (file.split('/').at(-1) as string).slice(0, -'.ts'.length)

export type LoadedFiles = {
  readonly site: SiteInput
  readonly entries: ArticleEntry[]
  /** Files that could not be imported at all (a syntax error, a throw): named with the error. */
  readonly problems: Problem[]
}

/** Imports the site and every article file, `concurrency` at a time. */
export const importContentFiles = async (files = articleFiles(), concurrency = 256): Promise<LoadedFiles> => {
  const site = (await import(pathToFileURL(SITE_FILE).href)).default as SiteInput
  const entries: ArticleEntry[] = []
  const problems: Problem[] = []
  for (let i = 0; i < files.length; i += concurrency) {
    const chunk = files.slice(i, i + concurrency)
    const modules = await Promise.allSettled(chunk.map((file) => import(pathToFileURL(join(ROOT, file)).href)))
    modules.forEach((module, k) => {
      const file = chunk[k] as string
      if (module.status === 'fulfilled') entries.push([slugOfFile(file), module.value.default as ArticleInput, file])
      else
        problems.push({
          file,
          field: 'module',
          message: `cannot be loaded: ${String(module.reason?.message ?? module.reason).split('\n')[0]}`,
          fix: 'fix the TypeScript in this file (npm run typecheck shows where).',
        })
    })
  }
  return { site, entries, problems }
}
