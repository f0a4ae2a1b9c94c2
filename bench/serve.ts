/**
 * Workers served for the benchmarks by Miniflare — workerd with wrangler's local D1 and R2, as
 * `wrangler dev` runs them, without the dev proxy in front, which caps throughput near 1,000
 * requests/s whatever the Worker does. Bindings come from wrangler.toml, as wrangler reads it.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { unstable_getMiniflareWorkerOptions } from 'wrangler'

const ROOT = join(import.meta.dirname, '..')
// wrangler's own Miniflare, so that local storage is read in the format wrangler wrote it.
const { Miniflare, convertV4MiniflareOptions } = await import(
  pathToFileURL(join(ROOT, 'node_modules/wrangler/node_modules/miniflare/dist/src/index.js')).href
)

export type Served = { readonly origin: string; stop(): Promise<void> }

export type ServeOptions = {
  readonly scriptPath: string
  readonly port: number
  readonly inspectorPort: number
  /** wrangler's --persist-to folder; absent: a Worker without storage (the constant). */
  readonly persistTo?: string
  /** `[vars]` to set instead of wrangler.toml's (e.g. MEMORY_BUDGET_MIB). */
  readonly vars?: Readonly<Record<string, string>>
}

export const serveWorker = async ({
  scriptPath,
  port,
  inspectorPort,
  persistTo,
  vars,
}: ServeOptions): Promise<Served> => {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'))
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      workers: [
        {
          name: 'bench',
          modules: true,
          scriptPath,
          compatibilityDate: workerOptions.compatibilityDate,
          ...(persistTo && {
            bindings: { ...(workerOptions.bindings as Record<string, unknown>), ...vars },
            d1Databases: workerOptions.d1Databases,
            r2Buckets: workerOptions.r2Buckets,
          }),
        },
      ],
      host: '127.0.0.1',
      port,
      inspectorPort,
      ...(persistTo && { resourcePersistencePath: join(persistTo, 'v3') }),
    }),
  )
  await miniflare.ready
  return { origin: `http://127.0.0.1:${port}`, stop: () => miniflare.dispose() }
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

export type HeapUsage = { readonly heapMiB: number; readonly arrayBuffersMiB: number }

/**
 * The Worker isolate's memory after a full GC (forced by heap snapshots), through workerd's
 * inspector (Runtime.getHeapUsage):
 * the V8 heap, and the ArrayBuffers outside it (document bytes are kept as Uint8Arrays).
 */
export const heapUsage = async (inspectorPort: number): Promise<HeapUsage> => {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    title: string
    webSocketDebuggerUrl: string
  }[]
  // Miniflare's own workers have inspector targets too: ours is named "bench".
  const url = (targets.find((target) => target.title.includes('bench')) ?? targets[0])?.webSocketDebuggerUrl
  if (!url) throw new Error('no inspector target')
  const socket = new WebSocket(url)
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve)
    socket.addEventListener('error', reject)
  })
  let id = 0
  const call = (method: string) =>
    new Promise<Record<string, number>>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`inspector: no answer to ${method}`)), 10_000)
      const mine = ++id
      socket.addEventListener('message', function listener(event) {
        const message = JSON.parse(String(event.data))
        if (message.id !== mine) return
        socket.removeEventListener('message', listener)
        clearTimeout(timeout)
        resolve(message.result ?? {})
      })
      socket.send(JSON.stringify({ id: mine, method }))
    })
  await call('HeapProfiler.enable')
  // workerd ignores HeapProfiler.collectGarbage; a heap snapshot runs a full GC first. Two, as
  // ArrayBuffer backing stores freed by the first are released by the second. The snapshot's
  // chunks arrive as events before the answer; they are not kept.
  await call('HeapProfiler.takeHeapSnapshot')
  await call('HeapProfiler.takeHeapSnapshot')
  const { usedSize = Number.NaN, backingStorageSize = Number.NaN } = await call('Runtime.getHeapUsage')
  socket.close()
  return { heapMiB: usedSize / 2 ** 20, arrayBuffersMiB: backingStorageSize / 2 ** 20 }
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
