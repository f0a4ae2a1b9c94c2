/**
 * @module
 * Subscriptions in D1 (migrations/0002_websub.sql): one row per (topic, callback), W3C WebSub
 * §5.1. A new subscription is 'pending' until its subscriber confirms (§5.3), then 'verified'
 * with a lease; a renewal replaces secret and lease once confirmed; an expired lease ends it.
 */

export type SubscriptionRow = {
  readonly topic: string
  readonly callback: string
  readonly callback_host: string
  readonly state: 'pending' | 'verified'
  readonly secret: string | null
  readonly lease_seconds: number
  readonly expires_at: number | null
  readonly delivered_etag: string | null
  readonly created_at: number
}

export type Grant = {
  readonly topic: string
  readonly callback: string
  readonly secret?: string
  readonly leaseSeconds: number
}

/** The key of a (topic, callback) pair in the maps below. */
export const subscriptionKey = (topic: string, callback: string): string => `${topic}\u0000${callback}`

/** The subscriptions of many (topic, callback) pairs at once, by subscriptionKey (D1: 100 bound parameters a query). */
export const findSubscriptions = async (
  db: D1Database,
  pairs: readonly { readonly topic: string; readonly callback: string }[],
): Promise<Map<string, SubscriptionRow>> => {
  const found = new Map<string, SubscriptionRow>()
  for (let i = 0; i < pairs.length; i += 50) {
    const chunk = pairs.slice(i, i + 50)
    const { results } = await db
      .prepare(
        `SELECT * FROM websub_subscriptions WHERE (topic, callback) IN (VALUES ${chunk.map(() => '(?, ?)').join(', ')})`,
      )
      .bind(...chunk.flatMap(({ topic, callback }) => [topic, callback]))
      .all<SubscriptionRow>()
    for (const row of results) found.set(subscriptionKey(row.topic, row.callback), row)
  }
  return found
}

/** Subscriptions (pending or verified) whose callback is on `host`, not counting (topic, callback). */
export const countForHost = async (db: D1Database, host: string, topic: string, callback: string): Promise<number> =>
  (
    await db
      .prepare(
        'SELECT count(*) AS n FROM websub_subscriptions WHERE callback_host = ? AND NOT (topic = ? AND callback = ?)',
      )
      .bind(host, topic, callback)
      .first<{ n: number }>()
  )?.n ?? 0

/** Records a requested subscription as pending, unless one exists already (a renewal keeps its row). */
export const recordPending = (db: D1Database, grant: Grant, host: string, now: number): Promise<D1Result> =>
  db
    .prepare(
      `INSERT INTO websub_subscriptions (topic, callback, callback_host, state, secret, lease_seconds, created_at)
       VALUES (?, ?, ?, 'pending', NULL, ?, ?) ON CONFLICT (topic, callback) DO NOTHING`,
    )
    .bind(grant.topic, grant.callback, host, grant.leaseSeconds, now)
    .run()

/**
 * The subscriber confirmed (§5.3): the subscription is verified, with the secret and lease of
 * this request, the lease counted from now. `currentETag` is the topic's version now, which a
 * new subscriber needs no delivery of (it has just been told where the feed is).
 */
export const activate = (
  db: D1Database,
  grant: Grant,
  host: string,
  now: number,
  currentETag: string | null,
): Promise<D1Result> =>
  db
    .prepare(
      `INSERT INTO websub_subscriptions
         (topic, callback, callback_host, state, secret, lease_seconds, expires_at, delivered_etag, created_at)
       VALUES (?1, ?2, ?3, 'verified', ?4, ?5, ?6, ?7, ?8)
       ON CONFLICT (topic, callback) DO UPDATE SET
         state = 'verified', secret = ?4, lease_seconds = ?5, expires_at = ?6,
         delivered_etag = CASE WHEN state = 'verified' THEN delivered_etag ELSE ?7 END`,
    )
    .bind(
      grant.topic,
      grant.callback,
      host,
      grant.secret ?? null,
      grant.leaseSeconds,
      now + grant.leaseSeconds * 1000,
      currentETag,
      now,
    )
    .run()

/** Ends a subscription (confirmed unsubscription, 410 Gone from the callback). */
export const removeSubscription = (db: D1Database, topic: string, callback: string): Promise<D1Result> =>
  db.prepare('DELETE FROM websub_subscriptions WHERE topic = ? AND callback = ?').bind(topic, callback).run()

/** Forgets a request its subscriber did not confirm; a verified subscription stays. */
export const dropPending = (db: D1Database, topic: string, callback: string): Promise<D1Result> =>
  db
    .prepare("DELETE FROM websub_subscriptions WHERE topic = ? AND callback = ? AND state = 'pending'")
    .bind(topic, callback)
    .run()

/** Callbacks with a verified, unexpired subscription to `topic`. */
export const activeCallbacks = async (db: D1Database, topic: string, now: number): Promise<string[]> => {
  const { results } = await db
    .prepare(
      "SELECT callback FROM websub_subscriptions WHERE topic = ? AND state = 'verified' AND expires_at > ? ORDER BY callback",
    )
    .bind(topic, now)
    .all<{ callback: string }>()
  return results.map((row) => row.callback)
}

/** Records that the subscriber received version `etag` (run in a batch with others). */
export const markDelivered = (db: D1Database, topic: string, callback: string, etag: string): D1PreparedStatement =>
  db
    .prepare('UPDATE websub_subscriptions SET delivered_etag = ? WHERE topic = ? AND callback = ?')
    .bind(etag, topic, callback)

/**
 * Ends every lease that ran out, and forgets requests never confirmed within a day (the queue
 * gives up on a verification long before). Returns how many rows went.
 */
export const deleteExpired = async (db: D1Database, now: number): Promise<number> => {
  const result = await db
    .prepare(
      `DELETE FROM websub_subscriptions
       WHERE (state = 'verified' AND expires_at <= ?) OR (state = 'pending' AND created_at <= ?)`,
    )
    .bind(now, now - 86_400_000)
    .run()
  return result.meta.changes
}
