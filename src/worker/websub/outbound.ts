/**
 * @module
 * Every request our hub makes to a subscriber: the callback guard first (callback-guard.ts),
 * then one fetch that follows no redirect (a 3xx is the answer, so a redirect cannot lead to an
 * internal address), gives up after CALLBACK_TIMEOUT_MS, and reads at most RESPONSE_MAX_BYTES
 * of the answer.
 */
import { checkCallbackHost, type GuardOptions } from './callback-guard.ts'
import { CALLBACK_TIMEOUT_MS, RESPONSE_MAX_BYTES } from './limits.ts'

/** What the callback answered; `body` is at most RESPONSE_MAX_BYTES of it, decoded as UTF-8. */
export type CallbackAnswer = { readonly status: number; readonly body: string }

/**
 * The request did not get an answer: refused by the guard (`permanent`: the callback is not
 * acceptable now), timed out, or the connection failed (try again later).
 */
export class CallbackUnreachable extends Error {
  readonly permanent: boolean
  constructor(message: string, permanent: boolean) {
    super(message)
    this.name = 'CallbackUnreachable'
    this.permanent = permanent
  }
}

/** Reads at most `limit` bytes of a body, then cancels the rest. */
const readBounded = async (body: ReadableStream<Uint8Array> | null, limit: number): Promise<string> => {
  if (!body) return ''
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (size < limit) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value.subarray(0, limit - size))
      size += Math.min(value.byteLength, limit - size)
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}

/** One guarded request to a callback URL. Throws CallbackUnreachable when there is no answer. */
export const callCallback = async (url: URL, init: RequestInit, options: GuardOptions): Promise<CallbackAnswer> => {
  const refusal = await checkCallbackHost(url, options)
  if (refusal) throw new CallbackUnreachable(refusal.reason, refusal.status !== 503)
  const signal = AbortSignal.timeout(CALLBACK_TIMEOUT_MS)
  let response: Response
  try {
    // Looked up at call time, so that a test's stand-in for the network applies.
    response = await globalThis.fetch(url, { ...init, redirect: 'manual', signal })
  } catch (error) {
    const timedOut = signal.aborted
    throw new CallbackUnreachable(
      timedOut ? `no answer within ${CALLBACK_TIMEOUT_MS} ms` : `request failed: ${(error as Error).message}`,
      false,
    )
  }
  try {
    return { status: response.status, body: await readBounded(response.body, RESPONSE_MAX_BYTES) }
  } catch (error) {
    // The answer's status is known; a body cut off by the timeout only matters to verification.
    return { status: response.status, body: `\u0000unreadable: ${(error as Error).message}` }
  }
}
