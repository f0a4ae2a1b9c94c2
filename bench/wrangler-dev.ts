/** A `wrangler dev` process on loopback for the benchmarks: its start time, its isolate's V8 heap, its end. */
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')

export type DevServer = { readonly origin: string; readonly process: ChildProcess; stop(): void }

export const startDev = (port: number, inspectorPort: number, args: readonly string[]): DevServer => {
  const child = spawn(
    join(ROOT, 'node_modules/.bin/wrangler'),
    [
      ...['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort)],
      '--show-interactive-dev-session=false',
      ...args,
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'], detached: true },
  )
  return {
    origin: `http://127.0.0.1:${port}`,
    process: child,
    stop: () => {
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
    },
  }
}

/** Milliseconds until `url` answers 200. */
export const untilOK = async (url: string, timeoutMs = 120_000): Promise<number> => {
  const started = performance.now()
  while (performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      if (response.ok) return performance.now() - started
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`${url} did not answer 200`)
}

/** The Worker isolate's V8 heap in use after a requested full GC, MiB, through the inspector (Runtime.getHeapUsage). */
export const heapMiB = async (inspectorPort: number): Promise<number> => {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string
  }[]
  const url = targets[0]?.webSocketDebuggerUrl
  if (!url) throw new Error('no inspector target')
  // wrangler's inspector proxy refuses a WebSocket without an Origin (Node's WebSocket takes headers).
  const socket = new (WebSocket as unknown as new (url: string, init: object) => WebSocket)(url, {
    headers: { Origin: 'http://localhost' },
  })
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve)
    socket.addEventListener('error', reject)
  })
  let id = 0
  const call = (method: string) =>
    new Promise<Record<string, number>>((resolve) => {
      const mine = ++id
      socket.addEventListener('message', function listener(event) {
        const message = JSON.parse(String(event.data))
        if (message.id !== mine) return
        socket.removeEventListener('message', listener)
        resolve(message.result ?? {})
      })
      socket.send(JSON.stringify({ id: mine, method }))
    })
  // workerd runs the collection but its answer does not come back through the proxy: ask, then wait.
  await call('HeapProfiler.enable')
  socket.send(JSON.stringify({ id: ++id, method: 'HeapProfiler.collectGarbage' }))
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const { usedSize = Number.NaN } = await call('Runtime.getHeapUsage')
  socket.close()
  return usedSize / 2 ** 20
}

/** Fetches every URL, `concurrency` at a time; returns requests per second. Throws on any non-2xx. */
export const crawl = async (urls: readonly string[], concurrency = 16, headers?: HeadersInit): Promise<number> => {
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < urls.length) {
        const url = urls[next++] as string
        const response = await fetch(url, { headers })
        await response.arrayBuffer()
        if (!response.ok && response.status !== 304) throw new Error(`${url}: ${response.status}`)
      }
    }),
  )
  return urls.length / ((performance.now() - started) / 1000)
}
