/** The project's command-line scripts (`npm run publish`, `npm run import`) in processes of their own, for the Node tests. */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '../..')

export type Run = { readonly status: number; readonly output: string }

/** Runs `script` (a path from the project root) with `args`; its exit status and everything it printed. */
export const runScript = (script: string, ...args: readonly string[]): Run => {
  try {
    const output = execFileSync(process.execPath, [script, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    return { status: 0, output }
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string }
    return { status: failed.status, output: failed.stdout + failed.stderr }
  }
}

/** `npm run publish -- <args>`. */
export const runPublish = (...args: readonly string[]): Run => runScript('scripts/publish.ts', ...args)
