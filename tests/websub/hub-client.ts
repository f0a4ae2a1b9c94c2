/**
 * @module
 * What a subscriber and a publisher do with our hub, as the WebSub conformance tests need it: the
 * subscription row the hub keeps, a publish notification, an independent check of
 * X-Hub-Signature. (tests/websub/deliver.test.ts and subscribe.test.ts hold private copies of
 * the same steps; they can import these.)
 */
import { env } from 'cloudflare:workers'
import { vi } from 'vitest'
import { LOCAL_ORIGIN } from '../../src/config.ts'
import type { SubscriptionRow } from '../../src/worker/websub/subscriptions.ts'
import { hubRequest } from './archive.ts'

/** The hub works through the queue: wait for what it does, up to 15 s. */
export const eventually = (check: () => Promise<void> | void): Promise<void> =>
  vi.waitFor(check, { timeout: 15_000, interval: 50 })

/** The hub's subscription of `callback` to `topic` (a path such as '/feed.xml'), or null. */
export const subscriptionRow = (topic: string, callback: string): Promise<SubscriptionRow | null> =>
  env.DB.prepare('SELECT * FROM websub_subscriptions WHERE topic = ? AND callback = ?')
    .bind(topic, callback)
    .first<SubscriptionRow>()

/** Every subscription row the hub keeps for `callback`, whatever the topic. */
export const subscriptionRowsOf = async (callback: string): Promise<SubscriptionRow[]> =>
  (await env.DB.prepare('SELECT * FROM websub_subscriptions WHERE callback = ?').bind(callback).all<SubscriptionRow>())
    .results

/** What `npm run publish` sends the hub after a publish: hub.mode=publish, one hub.url per changed feed. */
export const notifyHub = (topics: readonly string[]): Promise<Response> => {
  const form = new URLSearchParams({ 'hub.mode': 'publish' })
  for (const topic of topics) form.append('hub.url', `${LOCAL_ORIGIN}${topic}`)
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
