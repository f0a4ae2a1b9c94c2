/**
 * @module
 * A topic changed: one `deliver` message per verified subscriber onto the queue (W3C WebSub
 * §7), then the new version recorded as fanned out. A crash in between only repeats the
 * fan-out at the next cron; the consumer skips subscribers that already have the version.
 */
import type { Hub } from './hub.ts'
import type { DeliverMessage } from './messages.ts'
import { activeCallbacks } from './subscriptions.ts'
import { deliveredETag, publishedETag, recordFannedOut } from './topic-state.ts'

/** Queues: at most 100 messages per sendBatch. */
const SEND_BATCH = 100

/** Queues the topic's current version for every subscriber unless it went out already; returns how many. */
export const fanOut = async (hub: Hub, topic: string, now: number): Promise<number> => {
  const etag = await publishedETag(hub.db, topic)
  if (etag === null || etag === (await deliveredETag(hub.db, topic))) return 0
  const callbacks = await activeCallbacks(hub.db, topic, now)
  for (let i = 0; i < callbacks.length; i += SEND_BATCH)
    await hub.queue.sendBatch(
      callbacks.slice(i, i + SEND_BATCH).map((callback) => ({
        body: { kind: 'deliver', topic, callback } satisfies DeliverMessage,
        contentType: 'json' as const,
      })),
    )
  await recordFannedOut(hub.db, topic, etag, now)
  return callbacks.length
}
