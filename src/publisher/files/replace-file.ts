/**
 * @module
 * Writes a small file whole or not at all: written beside it, then renamed over it (a rename is
 * atomic on one file system), so a publish running at the same time never reads half of it.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export const replaceFile = (path: string, data: string): void => {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}`
  writeFileSync(temporary, data)
  renameSync(temporary, path)
}
