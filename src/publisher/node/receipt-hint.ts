/**
 * @module
 * This machine's note of the receipt it last wrote to each storage (local state folders, or the
 * deployed Worker): only a hint. When the inputs hash the same as the note, a publish waits for
 * storage to read the real receipt before anything else; when they differ, it goes straight on to
 * checking the content, beside storage starting, and loses no time to the receipt.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ROOT } from '../files/content-files.ts'

const HINTS = join(ROOT, '.wrangler/cache/publish-receipts.json')

const readHints = (): Record<string, string> => {
  try {
    return JSON.parse(readFileSync(HINTS, 'utf8'))
  } catch {
    return {}
  }
}

/** The inputs hash this machine last saw published to `target`, if any. */
export const receiptHint = (target: string): string | undefined => readHints()[target]

export const rememberReceipt = (target: string, inputs: string | undefined): void => {
  const hints = readHints()
  if (inputs === undefined) delete hints[target]
  else hints[target] = inputs
  mkdirSync(dirname(HINTS), { recursive: true })
  const temporary = `${HINTS}.${process.pid}`
  writeFileSync(temporary, JSON.stringify(hints))
  renameSync(temporary, HINTS)
}
