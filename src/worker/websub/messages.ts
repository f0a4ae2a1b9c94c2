/**
 * @module
 * What goes through the WebSub queue (wrangler.toml `WEBSUB_QUEUE`): each message is one
 * request to one callback, so each is retried on its own and one subscriber never holds up
 * another.
 */

/** Verify the intent of a (un)subscription request (W3C WebSub §5.3). */
export type VerifyMessage = {
  readonly kind: 'verify'
  readonly mode: 'subscribe' | 'unsubscribe'
  /** Canonical path of the topic, e.g. '/feed.xml'. */
  readonly topic: string
  readonly callback: string
  readonly leaseSeconds: number
  readonly secret?: string
}

/** Tell a subscriber its request for `topicURL` was refused (§5.2, hub.mode=denied). */
export type DenyMessage = {
  readonly kind: 'deny'
  /** The hub.topic as the subscriber gave it. */
  readonly topicURL: string
  readonly callback: string
  readonly reason: string
}

/** Deliver the topic's current version to one subscriber (§7). */
export type DeliverMessage = {
  readonly kind: 'deliver'
  readonly topic: string
  readonly callback: string
}

export type WebSubMessage = VerifyMessage | DenyMessage | DeliverMessage

const isString = (value: unknown): value is string => typeof value === 'string'

/** A message body as we wrote it, or undefined (a stray message is acknowledged and dropped). */
export const readMessage = (body: unknown): WebSubMessage | undefined => {
  if (typeof body !== 'object' || body === null) return undefined
  const m = body as Record<string, unknown>
  if (!isString(m.callback)) return undefined
  if (m.kind === 'deliver' && isString(m.topic)) return m as DeliverMessage
  if (m.kind === 'deny' && isString(m.topicURL) && isString(m.reason)) return m as DenyMessage
  if (
    m.kind === 'verify' &&
    (m.mode === 'subscribe' || m.mode === 'unsubscribe') &&
    isString(m.topic) &&
    typeof m.leaseSeconds === 'number' &&
    (m.secret === undefined || isString(m.secret))
  )
    return m as VerifyMessage
  return undefined
}
