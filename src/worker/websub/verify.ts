/**
 * @module
 * Verification of intent (W3C WebSub §5.3): a GET to the callback with hub.mode, hub.topic,
 * hub.challenge and hub.lease_seconds added to its query; the subscriber confirms with a 2xx
 * whose body is exactly the challenge. And the refusal notice, hub.mode=denied (§5.2).
 */
import type { GuardOptions } from './callback-guard.ts'
import { type CallbackAnswer, callCallback } from './outbound.ts'

/** §5.3: the hub generates a random challenge for each verification. */
const randomChallenge = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('')

/** The callback with hub.* parameters appended to any query it already has (§5.3, §5.2). */
const withParameters = (callback: string, parameters: Record<string, string>): URL => {
  const url = new URL(callback)
  for (const [name, value] of Object.entries(parameters)) url.searchParams.append(name, value)
  return url
}

/** A confirmation (2xx echoing the challenge) or a refusal (anything else that answered). */
export type Intent = { readonly confirmed: boolean; readonly answer: CallbackAnswer }

/**
 * Asks the subscriber to confirm. Throws CallbackUnreachable when it did not answer (the
 * queue tries again); any answer is final: a 4xx, 5xx or wrong echo means "not confirmed".
 */
export const verifyIntent = async (
  request: { mode: 'subscribe' | 'unsubscribe'; topicURL: string; callback: string; leaseSeconds: number },
  options: GuardOptions,
): Promise<Intent> => {
  const challenge = randomChallenge()
  const url = withParameters(request.callback, {
    'hub.mode': request.mode,
    'hub.topic': request.topicURL,
    'hub.challenge': challenge,
    ...(request.mode === 'subscribe' && { 'hub.lease_seconds': String(request.leaseSeconds) }),
  })
  const answer = await callCallback(url, { method: 'GET' }, options)
  return { confirmed: answer.status >= 200 && answer.status < 300 && answer.body === challenge, answer }
}

/** Tells the subscriber its request was refused and why (§5.2); its answer does not matter. */
export const sendDenial = async (
  request: { topicURL: string; callback: string; reason: string },
  options: GuardOptions,
): Promise<void> => {
  const url = withParameters(request.callback, {
    'hub.mode': 'denied',
    'hub.topic': request.topicURL,
    'hub.reason': request.reason,
  })
  await callCallback(url, { method: 'GET' }, options)
}
