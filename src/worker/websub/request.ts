/**
 * @module
 * A request to our hub, read from its form body (W3C WebSub §5.1: POST,
 * application/x-www-form-urlencoded): a subscription or unsubscription, or a publisher's
 * notice that topics changed (`hub.mode=publish`, `hub.url`, as WebSub-era hubs accept it).
 * A bad request is answered 4xx with a one-line reason.
 */
import { parseCallback } from './callback-guard.ts'
import { LEASE, SECRET_MAX_BYTES } from './limits.ts'

export type SubscriptionRequest = {
  readonly mode: 'subscribe' | 'unsubscribe'
  /** hub.topic as given (a URL). */
  readonly topicURL: string
  readonly callback: URL
  /** Granted lease: the requested one within LEASE's bounds, or the default. */
  readonly leaseSeconds: number
  readonly secret?: string
}

export type PublishRequest = { readonly mode: 'publish'; readonly topicURLs: readonly string[] }

export type BadRequest = { readonly status: 400; readonly reason: string }

const bad = (reason: string): BadRequest => ({ status: 400, reason })

/** §5.1: a lease outside our bounds is granted as the nearest bound; none asked, the default. */
const grantLease = (text: string | null): number | BadRequest => {
  if (text === null || text === '') return LEASE.defaultSeconds
  if (!/^\d{1,10}$/.test(text)) return bad('hub.lease_seconds must be a whole number of seconds')
  return Math.min(LEASE.maxSeconds, Math.max(LEASE.minSeconds, Number(text)))
}

const single = (form: URLSearchParams, name: string): string | null | BadRequest => {
  const values = form.getAll(name)
  if (values.length > 1) return bad(`${name} is given more than once`)
  return values[0] ?? null
}

/** The request was refused: answer `status` with `reason`. */
export const isBadRequest = (value: unknown): value is BadRequest =>
  typeof value === 'object' && value !== null && 'status' in value && 'reason' in value

export const parseHubRequest = (form: URLSearchParams): SubscriptionRequest | PublishRequest | BadRequest => {
  const mode = single(form, 'hub.mode')
  if (isBadRequest(mode)) return mode
  if (mode === 'publish') {
    const topicURLs = [...form.getAll('hub.url'), ...form.getAll('hub.topic')]
    return topicURLs.length === 0 ? bad('hub.mode=publish needs hub.url') : { mode, topicURLs }
  }
  if (mode !== 'subscribe' && mode !== 'unsubscribe') return bad('hub.mode must be subscribe, unsubscribe or publish')
  const topicURL = single(form, 'hub.topic')
  if (isBadRequest(topicURL)) return topicURL
  if (!topicURL) return bad('hub.topic is required')
  const callbackText = single(form, 'hub.callback')
  if (isBadRequest(callbackText)) return callbackText
  const callback = parseCallback(callbackText ?? '')
  if (!(callback instanceof URL)) return bad(callback.reason)
  const lease = single(form, 'hub.lease_seconds')
  if (isBadRequest(lease)) return lease
  const leaseSeconds = grantLease(lease)
  if (isBadRequest(leaseSeconds)) return leaseSeconds
  const secret = single(form, 'hub.secret')
  if (isBadRequest(secret)) return secret
  if (secret !== null && new TextEncoder().encode(secret).byteLength > SECRET_MAX_BYTES)
    return bad('hub.secret must be less than 200 bytes')
  if (secret === '') return bad('hub.secret must not be empty when given')
  return { mode, topicURL, callback, leaseSeconds, ...(secret !== null && { secret }) }
}
