/**
 * @module
 * Fixed-window request counters in D1 (table websub_rate_limits): one upsert per check, so
 * every isolate sees the same count. Old windows are swept by the cron (catch-up.ts).
 */
import { RATE } from './limits.ts'

/** Over the limit: try again after this many seconds (RFC 9110 §10.2.3 Retry-After). */
export type Limited = { readonly retryAfter: number }

/** Counts one request under `key`; undefined while within `limit` per window, else when to retry. */
export const countRequest = async (
  db: D1Database,
  key: string,
  limit: number,
  now: number,
  windowMs: number = RATE.windowMs,
): Promise<Limited | undefined> => {
  const window = now - (now % windowMs)
  const row = await db
    .prepare(
      `INSERT INTO websub_rate_limits (key, window, count) VALUES (?, ?, 1)
       ON CONFLICT (key, window) DO UPDATE SET count = count + 1 RETURNING count`,
    )
    .bind(key, window)
    .first<{ count: number }>()
  if ((row?.count ?? 0) <= limit) return undefined
  return { retryAfter: Math.max(1, Math.ceil((window + windowMs - now) / 1000)) }
}

/** Deletes windows that ended before `now`. */
export const sweepRateLimits = (db: D1Database, now: number, windowMs: number = RATE.windowMs): Promise<D1Result> =>
  db
    .prepare('DELETE FROM websub_rate_limits WHERE window <= ?')
    .bind(now - windowMs)
    .run()
