/**
 * @module
 * Talking to our hub as a subscriber would, through the Worker (tests/helpers/worker.ts), and
 * waiting for what the queue and its consumer do in their own time.
 */
import { env } from 'cloudflare:workers'
import { expect, vi } from 'vitest'
import type { SubscriptionRow } from '../../src/worker/websub/subscriptions.ts'
import { get, ORIGIN } from './worker.ts'

/** Our hub, as the published feeds name it (PUBLIC_ORIGIN = ORIGIN in vitest.config.ts, WEBSUB_HUB = ""). */
export const HUB = `${ORIGIN}/websub`

/** POSTs a form to the hub through the Worker. */
export const hubRequest = (fields: Record<string, string>, init: RequestInit = {}): Promise<Response> =>
  get('/websub', {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    ...init,
    // The publisher's secret (PUBLISH_SECRET in vitest.config.ts): hub.mode=publish needs it; the others ignore it.
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: 'Bearer test-publish-secret',
      ...(init.headers as Record<string, string> | undefined),
    },
  })

/** Retries `check` until it passes: verifications and deliveries go through the queue. */
export const eventually = (check: () => Promise<void> | void): Promise<void> =>
  vi.waitFor(check, { timeout: 15_000, interval: 50 })

/** The stored subscription of `callback` to the topic at `topic` (a path), or null. */
export const subscription = (topic: string, callback: string): Promise<SubscriptionRow | null> =>
  env.DB.prepare('SELECT * FROM websub_subscriptions WHERE topic = ? AND callback = ?')
    .bind(topic, callback)
    .first<SubscriptionRow>()

/** Subscribes `callback` to `topic` (a path), expects 202, waits until verified; the verified row. */
export const subscribed = async (
  callback: string,
  topic: string,
  fields: Record<string, string> = {},
): Promise<SubscriptionRow> => {
  const response = await hubRequest({
    'hub.mode': 'subscribe',
    'hub.topic': `${ORIGIN}${topic}`,
    'hub.callback': callback,
    ...fields,
  })
  expect(response.status).toBe(202)
  await eventually(async () => expect((await subscription(topic, callback))?.state).toBe('verified'))
  return (await subscription(topic, callback)) as SubscriptionRow
}

/** Every subscription row the hub keeps for `callback`, whatever the topic. */
export const subscriptionRowsOf = async (callback: string): Promise<SubscriptionRow[]> =>
  (await env.DB.prepare('SELECT * FROM websub_subscriptions WHERE callback = ?').bind(callback).all<SubscriptionRow>())
    .results

/** What `npm run publish` sends the hub after a publish: hub.mode=publish, one hub.url per changed feed. */
export const notifyHub = (topics: readonly string[]): Promise<Response> => {
  const form = new URLSearchParams({ 'hub.mode': 'publish' })
  for (const topic of topics) form.append('hub.url', `${ORIGIN}${topic}`)
  return hubRequest({}, { body: form.toString() })
}

/**
 * W3C WebSub §8: whether `header` is `sha256=<hex>` and the hex is the HMAC-SHA256 of `body`
 * keyed with `secret`. Computed here with WebCrypto, independently of the hub's signature.ts.
 */
export const hasValidSignature = async (secret: string, body: Uint8Array, header: string | null): Promise<boolean> => {
  const match = /^sha256=([0-9a-f]{64})$/.exec(header ?? '')
  if (!match) return false
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  )
  const signature = Uint8Array.from((match[1] as string).match(/../g) ?? [], (h) => Number.parseInt(h, 16))
  return crypto.subtle.verify('HMAC', key, signature, body as Uint8Array<ArrayBuffer>)
}
