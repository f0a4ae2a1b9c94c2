/**
 * @module
 * The fast path: a cache in front of the app, not a second HTTP stack. Once the app has
 * answered a GET for a document with 200, the answer — bytes and every header the middleware
 * added — is kept for MEMORY_SECONDS and answered again without routing or middleware, through
 * the same conditional-request code (conditional.ts). `npm run bench` showed the middleware
 * chain costing about half the throughput of a constant (BENCHMARKS.md).
 *
 * Bounded in bytes, not entries (MEMORY_BUDGET_MIB), least recently used out first, so a
 * crawler walking a 100,000-article archive cannot grow the isolate; and an answer is kept only
 * when it is asked for a second time, so a crawl's one-off pages stream from R2 and are never
 * held.
 *
 * When an answer expires, ONE request revalidates it against R2 with `onlyIf.etagDoesNotMatch`
 * (no bytes move when nothing changed) while the others get the answer they would have got a
 * moment ago; a storage fault during that refresh serves the stale answer too, and is logged.
 */
import type { MiddlewareHandler } from 'hono'
import type { ContentCoding } from '../../archive/encodings.ts'
import { hasChanged, type StoredSource } from '../../archive/read.ts'
import type { AppEnv } from '../env.ts'
import { codingFor } from './accept-encoding.ts'
import { isNotModified, notModified, notModifiedHeaders } from './conditional.ts'
import { isBrowserNavigation } from './negotiation.ts'

type Remembered = {
  readonly bytes: Uint8Array<ArrayBuffer>
  /** A plain object: workerd builds a response from one faster than from pairs (measured: ~20%). */
  readonly headers: Readonly<Record<string, string>>
  /** Those a 304 keeps (conditional.ts), made once. */
  readonly notModifiedHeaders: Readonly<Record<string, string>>
  readonly etag: string
  readonly lastModifiedTime: number | undefined
  readonly size: number
  readonly source: StoredSource | undefined
  expires: number
  /** Set while one request revalidates it: the others are answered from it meanwhile. */
  refreshing: boolean
}

export type RememberedOptions = {
  /** Bytes of bodies and headers to keep at most; 0 keeps nothing. */
  readonly budgetBytes: number
  /** How long an answer is reused before the app reads storage again. */
  readonly seconds: number
  /** Keys asked for once and not kept, remembered at most (the second ask keeps the answer). */
  readonly askedOnceKeys?: number
}

/** What a refresh needs: the bucket to revalidate in, and the app to ask when the object changed. */
export type Refresher = {
  readonly bucket: R2Bucket
  readonly app: () => Promise<Response>
}

/** Bytes an entry costs besides its body: headers, key and bookkeeping, roughly. */
const OVERHEAD = 1024

/** The coding a remembered answer is kept under: 'identity' too, so an uncoded reader never gets gzip. */
const codingOf = (request: Request): ContentCoding => codingFor(request)

export class RememberedAnswers {
  readonly #entries = new Map<string, Remembered>()
  /** Keys asked for once: a second ask within the bound keeps the answer. */
  readonly #askedOnce = new Set<string>()
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

  /**
   * Everything the answer depends on: the exact URL (no query string), whether a browser asks
   * (negotiation.ts) and the content coding the reader gets (accept-encoding.ts).
   */
  static key(url: string, accept: string | null | undefined, coding: ContentCoding): string {
    return `${isBrowserNavigation(accept) ? 'browser' : ''}\u0000${coding}\u0000${url}`
  }

  static keyOf(request: Request): string {
    return RememberedAnswers.key(request.url, request.headers.get('Accept'), codingOf(request))
  }

  /**
   * The remembered answer to a GET or HEAD, or undefined: then the app answers (and may
   * remember). An expired answer is revalidated by this request when a refresher is given (and
   * no other request is revalidating it already), else dropped.
   */
  answer(request: Request): Response | undefined
  answer(request: Request, refresher: Refresher): Response | Promise<Response> | undefined
  answer(request: Request, refresher?: Refresher): Response | Promise<Response> | undefined {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
    const key = RememberedAnswers.keyOf(request)
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.expires <= Date.now() && !entry.refreshing) {
      if (!refresher || !entry.source) {
        this.#delete(key, entry)
        return undefined
      }
      return this.#refresh(key, entry, request, refresher)
    }
    // Most recently used last: the first entry is the one to drop.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return this.#respond(request, entry)
  }

  /**
   * Whether the app should read this request's body into memory: only when it was asked for
   * before (and not kept), so one-off reads stream and are never held.
   */
  wantsBytes(key: string): boolean {
    if (this.#options.seconds === 0 || this.#options.budgetBytes === 0) return false
    if (this.#askedOnce.delete(key)) return true
    if (this.#entries.has(key)) return true
    const bound = this.#options.askedOnceKeys ?? 4096
    if (this.#askedOnce.size >= bound) this.#askedOnce.delete(this.#askedOnce.values().next().value as string)
    this.#askedOnce.add(key)
    return false
  }

  remember(
    key: string,
    response: Response,
    bytes: Uint8Array<ArrayBuffer>,
    etag: string,
    lastModifiedTime: number | undefined,
    source?: StoredSource,
  ): void {
    const { budgetBytes, seconds } = this.#options
    const size = bytes.byteLength + OVERHEAD
    if (seconds === 0 || size > budgetBytes / 4) return
    const old = this.#entries.get(key)
    if (old) this.#delete(key, old)
    while (this.#bytes + size > budgetBytes) {
      const [firstKey, first] = this.#entries.entries().next().value as [string, Remembered]
      this.#delete(firstKey, first)
    }
    const headers = Object.fromEntries(response.headers)
    const expires = Date.now() + seconds * 1000
    this.#entries.set(key, {
      bytes,
      headers,
      notModifiedHeaders: notModifiedHeaders(Object.entries(headers)),
      etag,
      lastModifiedTime,
      expires,
      size,
      source,
      refreshing: false,
    })
    this.#bytes += size
  }

  /** Forgets every answer (what MEMORY_SECONDS does in time). */
  clear(): void {
    this.#entries.clear()
    this.#askedOnce.clear()
    this.#bytes = 0
  }

  #respond(request: Request, entry: Remembered): Response {
    if (isNotModified(request, entry)) return notModified(entry.notModifiedHeaders)
    return new Response(request.method === 'HEAD' ? null : entry.bytes, {
      headers: entry.headers,
      // Stored coded bytes go out as they are (RFC 9110 §8.4: Content-Encoding names them).
      encodeBody: 'manual',
    })
  }

  async #refresh(key: string, entry: Remembered, request: Request, refresher: Refresher): Promise<Response> {
    entry.refreshing = true
    let changed: boolean
    try {
      changed = await hasChanged(refresher.bucket, entry.source as StoredSource)
    } catch (error) {
      // Storage failed: the answer of a moment ago is better than a 503; try again after MEMORY_SECONDS.
      console.error(`refresh of ${request.url} failed, serving the remembered answer:`, error)
      return this.#extend(entry, request)
    }
    if (!changed) return this.#extend(entry, request)
    // Changed: the app answers (reading the new version) and, asked for before, it is kept again;
    // meanwhile the others still get the old answer.
    this.#askedOnce.add(key)
    try {
      return await refresher.app()
    } finally {
      if (this.#entries.get(key) === entry) this.#delete(key, entry)
    }
  }

  #extend(entry: Remembered, request: Request): Response {
    entry.expires = Date.now() + this.#options.seconds * 1000
    entry.refreshing = false
    return this.#respond(request, entry)
  }

  #delete(key: string, entry: Remembered): void {
    this.#entries.delete(key)
    this.#bytes -= entry.size
  }
}

/**
 * Keeps the app's 200 answers to GETs of documents (those respond() served), from their second
 * ask: the first streams from R2 and is not held.
 */
export const rememberDocuments = (answers: RememberedAnswers): MiddlewareHandler<AppEnv> =>
  async function rememberDocuments(c, next) {
    const rememberable = c.req.method === 'GET' && !c.req.url.includes('?')
    const key = rememberable ? RememberedAnswers.keyOf(c.req.raw) : undefined
    if (key !== undefined && answers.wantsBytes(key)) c.set('keepBytes', true)
    await next()
    const document = c.get('document')
    if (!document || key === undefined || c.res.status !== 200 || !(document.body instanceof Uint8Array)) return
    answers.remember(key, c.res, document.body, document.etag, document.lastModifiedTime, document.source)
  }
