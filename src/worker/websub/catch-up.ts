/**
 * @module
 * The Cron Trigger (wrangler.toml `[triggers]`): ends expired leases, sweeps old rate-limit
 * windows, and fans out every topic whose published version was not fanned out — so a lost
 * publish notification or a crash delays a delivery until the next minute, never drops it.
 */
import { fanOut } from './fan-out.ts'
import type { Hub } from './hub.ts'
import { sweepRateLimits } from './rate-limit.ts'
import { deleteExpired } from './subscriptions.ts'
import { undeliveredTopics } from './topic-state.ts'

export type CatchUpSummary = { readonly expired: number; readonly topics: number; readonly queued: number }

export const catchUp = async (hub: Hub, now: number): Promise<CatchUpSummary> => {
  const expired = await deleteExpired(hub.db, now)
  await sweepRateLimits(hub.db, now)
  const topics = await undeliveredTopics(hub.db, now)
  let queued = 0
  for (const topic of topics) queued += await fanOut(hub, topic, now)
  return { expired, topics: topics.length, queued }
}
