/**
 * @module
 * A worker thread of content-files.ts: imports a batch of article files and posts back what each
 * exports (plain data), or why it could not be loaded, then ends. Node keeps every module it has
 * loaded, with its source and code, and loading the 10,000th costs several times the first
 * (measured: 0.5 ms a file in the first 5,000, 3.8 ms past 20,000), so no process loads more
 * than one batch.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type ImportedFile, importArticle } from './import-article.ts'

const { root, files } = workerData as { root: string; files: readonly string[] }
const results: ImportedFile[] = []
for (const file of files) results.push(await importArticle(root, file))
parentPort?.postMessage(results)
