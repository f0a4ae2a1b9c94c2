/**
 * @module
 * The archive's local D1 and R2 — what `wrangler dev` serves — opened with Miniflare alone, the
 * way wrangler opens them: the same Miniflare wrangler depends on (so the files on disk are read
 * in the format wrangler dev writes), the same ids (wrangler-config.ts `localStorageIds`), the
 * same folder (`<persist-to>/v3`, `.wrangler/state/v3` by default). Not wrangler's
 * `getPlatformProxy`: importing wrangler and starting its proxy (every binding of wrangler.toml,
 * queues and all) took 4–6 s of every local publish; this starts a Worker with two bindings.
 * `--remote` still goes through wrangler (scripts/publish.ts).
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from '../files/content-files.ts'
import { D1_HANDLER, d1OverFetch } from './d1-over-fetch.ts'
import { localStorageIds } from './wrangler-config.ts'

export type StorageBindings = {
  readonly env: { readonly DB: D1Database; readonly ARCHIVE: R2Bucket }
  dispose(): Promise<void>
}

/** What is used here of Miniflare's module (typed here: the version is wrangler's, not ours). */
type MiniflareModule = {
  readonly Miniflare: new (
    options: unknown,
  ) => {
    getR2Bucket(name: string): Promise<unknown>
    dispatchFetch(url: string, init: { method: string; body: string }): Promise<Response>
    dispose(): Promise<void>
  }
  readonly convertV4MiniflareOptions: (options: unknown) => unknown
}

/** Miniflare as wrangler resolves it (its own dependency, whatever npm hoisted). */
const wranglersMiniflare = (): string => {
  const require = createRequire(join(ROOT, 'package.json'))
  const wrangler = dirname(require.resolve('wrangler/package.json'))
  return createRequire(join(wrangler, 'package.json')).resolve('miniflare')
}

/** `persistTo`: wrangler's --persist-to folder (it keeps its state in `<dir>/v3`); absent: `.wrangler/state`. */
export const openLocalStorage = async ({
  persistTo = join(ROOT, '.wrangler/state'),
  environment,
}: {
  readonly persistTo?: string
  readonly environment?: string
} = {}): Promise<StorageBindings> => {
  const { Miniflare, convertV4MiniflareOptions } = (await import(
    pathToFileURL(wranglersMiniflare()).href
  )) as MiniflareModule
  const ids = localStorageIds(environment)
  // Options in the form bench/serve.ts and the tests serve wrangler's local storage with.
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      workers: [
        {
          name: 'archive-storage',
          modules: true,
          // D1 through this Worker's fetch handler, not Miniflare's proxy (d1-over-fetch.ts).
          script: D1_HANDLER,
          compatibilityDate: '2026-11-01',
          d1Databases: { DB: ids.d1 },
          r2Buckets: { ARCHIVE: ids.r2 },
        },
      ],
      resourcePersistencePath: join(persistTo, 'v3'),
    }),
  )
  const ARCHIVE = await miniflare.getR2Bucket('ARCHIVE')
  return {
    env: {
      DB: d1OverFetch((url, init) => miniflare.dispatchFetch(url, init)),
      ARCHIVE: ARCHIVE as unknown as R2Bucket,
    },
    dispose: () => miniflare.dispose(),
  }
}
