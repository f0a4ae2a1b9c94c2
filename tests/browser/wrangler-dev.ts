/** Starts `wrangler dev` on a free loopback port for the browser tests, and stops it after. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

const PORT = 8791
let wrangler: ChildProcess | undefined

const ready = async (url: string, deadline: number): Promise<void> => {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`wrangler dev did not answer at ${url}`)
}

export default async function setup(project: TestProject) {
  const root = join(import.meta.dirname, '../..')
  const origin = `http://127.0.0.1:${PORT}`
  // Its own storage, published for the address the browser uses, so that every link resolves.
  const state = join(root, '.wrangler/browser-state')
  execFileSync(
    join(root, 'node_modules/.bin/node'),
    ['scripts/publish.ts', '--persist-to', state, '--var', `PUBLIC_ORIGIN:${origin}`],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  wrangler = spawn(
    join(root, 'node_modules/.bin/wrangler'),
    [
      ...['dev', '--ip', '127.0.0.1', '--port', String(PORT), '--persist-to', state],
      ...['--var', `PUBLIC_ORIGIN:${origin}`],
      '--show-interactive-dev-session=false',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  )
  await ready(`${origin}/`, Date.now() + 90_000)
  project.provide('origin', origin)
  return () => {
    if (wrangler?.pid) process.kill(-wrangler.pid, 'SIGTERM')
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string
  }
}
