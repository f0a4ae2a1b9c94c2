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
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    ...init,
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
