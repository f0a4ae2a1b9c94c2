/**
 * @module
 * A worker thread of scripts/content-files.ts: imports a batch of article files and posts back
 * what each exports (plain data), or why it could not be loaded, then ends. Node keeps every
 * module it has loaded, with its source and code, and loading the 10,000th costs several times
 * the first (measured: 0.5 ms a file in the first 5,000, 3.8 ms past 20,000), so no process
 * loads more than one batch.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parentPort, workerData } from 'node:worker_threads'

export type ImportedFile = { readonly file: string; readonly article?: unknown; readonly error?: string }

const { root, files } = workerData as { root: string; files: readonly string[] }
const results: ImportedFile[] = []
for (const file of files) {
  try {
    results.push({ file, article: (await import(pathToFileURL(join(root, file)).href)).default })
  } catch (error) {
    results.push({ file, error: String((error as Error)?.message ?? error).split('\n')[0] })
  }
}
parentPort?.postMessage(results)
