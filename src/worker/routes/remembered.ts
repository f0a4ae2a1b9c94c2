/**
 * @module
 * The fast path: a cache in front of the app, not a second HTTP stack. Once the app has
 * answered a GET for a document with 200, the answer — bytes and every header the middleware
 * added — is kept for MEMORY_SECONDS and answered again without routing or middleware, through
 * the same conditional-request code (conditional.ts). `npm run bench` showed the middleware
 * chain costing about half the throughput of a constant (BENCHMARKS.md).
 *
 * Bounded in bytes, not entries (MEMORY_BUDGET_MIB), least recently used out first, so a
 * crawler walking a 100,000-article archive cannot grow the isolate; and kept only for a few
 * seconds, so a publish is seen by every isolate within MEMORY_SECONDS.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.ts'
import { isNotModified, notModified } from './conditional.ts'
import { isBrowserNavigation } from './negotiation.ts'

type Remembered = {
  readonly bytes: Uint8Array<ArrayBuffer>
  /** A plain object: workerd builds a response from one faster than from pairs (measured: ~20%). */
  readonly headers: Readonly<Record<string, string>>
  readonly etag: string
  readonly lastModifiedTime: number | undefined
  readonly expires: number
  readonly size: number
}

export type RememberedOptions = {
  /** Bytes of bodies and headers to keep at most; 0 keeps nothing. */
  readonly budgetBytes: number
  /** How long an answer is reused before the app reads storage again. */
  readonly seconds: number
}

/** Bytes an entry costs besides its body: headers, key and bookkeeping, roughly. */
const OVERHEAD = 1024

export class RememberedAnswers {
  readonly #entries = new Map<string, Remembered>()
  readonly #options: RememberedOptions
  #bytes = 0

  constructor(options: RememberedOptions) {
    this.#options = options
  }

  /** Bytes held now (never above the budget). */
  get bytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#entries.size
  }

  /** Everything the answer depends on: the exact URL (no query string) and whether a browser asks (negotiation.ts). */
  static key(url: string, accept: string | null | undefined): string {
    return `${isBrowserNavigation(accept) ? 'browser' : ''}\u0000${url}`
  }

  /** The remembered answer to a GET or HEAD, or undefined: then the app answers (and may remember). */
  answer(request: Request): Response | undefined {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
    const key = RememberedAnswers.key(request.url, request.headers.get('Accept'))
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.expires <= Date.now()) {
      this.#delete(key, entry)
      return undefined
    }
    // Most recently used last: the first entry is the one to drop.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    if (isNotModified(request, entry)) return notModified(Object.entries(entry.headers))
    return new Response(request.method === 'HEAD' ? null : entry.bytes, { headers: entry.headers })
  }

  remember(
    url: string,
    accept: string | null | undefined,
    response: Response,
    bytes: Uint8Array<ArrayBuffer>,
    etag: string,
    lastModifiedTime: number | undefined,
  ): void {
    const { budgetBytes, seconds } = this.#options
    const size = bytes.byteLength + OVERHEAD
    if (seconds === 0 || size > budgetBytes / 4) return
    const key = RememberedAnswers.key(url, accept)
    const old = this.#entries.get(key)
    if (old) this.#delete(key, old)
    while (this.#bytes + size > budgetBytes) {
      const [firstKey, first] = this.#entries.entries().next().value as [string, Remembered]
      this.#delete(firstKey, first)
    }
    const headers = Object.fromEntries(response.headers)
    this.#entries.set(key, { bytes, headers, etag, lastModifiedTime, expires: Date.now() + seconds * 1000, size })
    this.#bytes += size
  }

  /** Forgets every answer (what MEMORY_SECONDS does in time). */
  clear(): void {
    this.#entries.clear()
    this.#bytes = 0
  }

  #delete(key: string, entry: Remembered): void {
    this.#entries.delete(key)
    this.#bytes -= entry.size
  }
}

/** Keeps the app's 200 answers to GETs of documents (those respond() served). */
export const rememberDocuments = (answers: RememberedAnswers): MiddlewareHandler<AppEnv> =>
  async function rememberDocuments(c, next) {
    await next()
    const document = c.get('document')
    if (!document || c.req.method !== 'GET' || c.res.status !== 200 || c.req.url.includes('?')) return
    answers.remember(c.req.url, c.req.header('Accept'), c.res, document.bytes, document.etag, document.lastModifiedTime)
  }
