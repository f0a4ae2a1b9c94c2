/**
 * The Worker's own fetch handler, called with the bindings and execution context a test chooses:
 * a counting R2 bucket (storage.ts), or a context with a `cache` double — Workers Cache is not
 * simulated locally (workers-sdk discussion #14734), so `ctx.cache` is undefined here otherwise.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import worker from '../../src/worker/index.ts'
import { ORIGIN } from '../helpers/worker.ts'

export const SECRET = 'test-publish-secret'

export type Call = {
  readonly headers?: Record<string, string>
  readonly method?: string
  readonly body?: string
  readonly cf?: Record<string, unknown>
  readonly bindings?: Partial<typeof env>
  readonly cache?: CacheContext
}

/** One request through the handler; waits for whatever it left running (ctx.waitUntil). */
export const call = async (path: string, options: Call = {}): Promise<Response> => {
  const ctx = createExecutionContext()
  if (options.cache) Object.defineProperty(ctx, 'cache', { value: options.cache })
  const request = new Request(`${ORIGIN}${path}`, {
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    redirect: 'manual',
    ...(options.cf && { cf: options.cf }),
  })
  const response = await worker.fetch(
    request as Parameters<typeof worker.fetch>[0],
    { ...env, ...options.bindings },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}

/** The bytes of a body in one coding, decoded with the platform's own DecompressionStream. */
export const decoded = async (response: Response, coding: 'gzip' | 'identity'): Promise<string> => {
  if (coding === 'identity') return response.text()
  const stream = (response.body as ReadableStream<Uint8Array>).pipeThrough(new DecompressionStream(coding))
  return new Response(stream).text()
}
