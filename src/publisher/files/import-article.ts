/**
 * @module
 * Imports one article file: what it exports (plain data), or why it could not be loaded. Used in
 * worker threads for many files (import-articles.ts) and in the main thread for a few.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export type ImportedFile = { readonly file: string; readonly article?: unknown; readonly error?: string }

export const importArticle = async (root: string, file: string): Promise<ImportedFile> => {
  try {
    return { file, article: (await import(pathToFileURL(join(root, file)).href)).default }
  } catch (error) {
    return { file, error: String((error as Error)?.message ?? error).split('\n')[0] }
  }
}
