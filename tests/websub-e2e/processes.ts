/** Processes for the end-to-end test: a free port, a command run to its end, a process read line by line. */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { createInterface } from 'node:readline'

export const ROOT = new URL('../..', import.meta.url).pathname

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })

/** Runs a command to its end; rejects with its output when it fails. */
export const run = (command: string, args: readonly string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, CI: 'true' } })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')}:\n${output}`)),
    )
  })

/** Starts a long-running process in its own process group, handing each stdout line to `onLine`. */
export const start = (command: string, args: readonly string[], onLine?: (line: string) => void): ChildProcess => {
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CI: 'true' },
  })
  if (onLine && child.stdout) createInterface({ input: child.stdout }).on('line', onLine)
  else child.stdout?.resume()
  return child
}

/** Stops a process started with start(), and everything it started. */
export const stop = (child: ChildProcess | undefined): void => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
}

export const waitUntil = async (check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if (await check()) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}
