/**
 * @module
 * This machine's note of the receipt it last wrote to each storage (local state folders, or the
 * deployed Worker): only a hint. When the inputs hash the same as the note, a publish waits for
 * storage to read the real receipt before anything else; when they differ, it goes straight on to
 * checking the content, beside storage starting, and loses no time to the receipt. One file per
 * storage: publishes to different storage at once (the tests) never write over each other's note.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../files/content-files.ts'
import { replaceFile } from '../files/replace-file.ts'

const HINTS = join(ROOT, '.wrangler/cache/publish-receipts')

const hintFile = (target: string): string =>
  join(HINTS, `${createHash('sha256').update(target).digest('hex').slice(0, 16)}.txt`)

/** The inputs hash this machine last saw published to `target`, if any. */
export const receiptHint = (target: string): string | undefined => {
  try {
    return readFileSync(hintFile(target), 'utf8')
  } catch {
    return undefined
  }
}

export const rememberReceipt = (target: string, inputs: string): void => replaceFile(hintFile(target), inputs)
