/**
 * @module
 * Imports one article file: what it exports (plain data), or why it could not be loaded. Used in
 * worker threads for many files (import-articles.ts) and in the main thread for a few.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export type ImportedFile = { readonly file: string; readonly article?: unknown; readonly error?: string }

/**
 * The module URL of an article file, versioned by its size and modification time: Node keeps a
 * module once imported, so a process that imports a file again after it changed (a test, a
 * script that writes then reads articles) would get the old one under its plain URL.
 */
export const articleURL = (root: string, file: string): string => {
  const path = join(root, file)
  const stat = statSync(path, { throwIfNoEntry: false })
  return `${pathToFileURL(path).href}?v=${stat?.mtimeMs ?? 0}-${stat?.size ?? 0}`
}

export const importArticle = async (root: string, file: string): Promise<ImportedFile> => {
  try {
    return { file, article: (await import(articleURL(root, file))).default }
  } catch (error) {
    return { file, error: String((error as Error)?.message ?? error).split('\n')[0] }
  }
}
