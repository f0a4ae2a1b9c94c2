/**
 * @module
 * Per topic, which version is published (the archive's index, src/archive/index-queries.ts) and
 * which version the hub last fanned out to its subscribers (`websub_topics`): the difference is
 * what still has to go out.
 */
import { PUBLISHED_DOCUMENTS_JOIN } from '../../archive/index-queries.ts'

export { publishedETag } from '../../archive/index-queries.ts'

export const deliveredETag = async (db: D1Database, topic: string): Promise<string | null> =>
  (
    await db
      .prepare('SELECT delivered_etag FROM websub_topics WHERE topic = ?')
      .bind(topic)
      .first<{ delivered_etag: string }>()
  )?.delivered_etag ?? null

/** Records that `etag` of `topic` was handed to the queue for every subscriber. */
export const recordFannedOut = (db: D1Database, topic: string, etag: string, now: number): Promise<D1Result> =>
  db
    .prepare('INSERT OR REPLACE INTO websub_topics (topic, delivered_etag, delivered_at) VALUES (?, ?, ?)')
    .bind(topic, etag, now)
    .run()

/** A topic's first subscriber: the version it subscribed at counts as delivered. */
export const recordBaseline = (db: D1Database, topic: string, etag: string, now: number): Promise<D1Result> =>
  db
    .prepare('INSERT OR IGNORE INTO websub_topics (topic, delivered_etag, delivered_at) VALUES (?, ?, ?)')
    .bind(topic, etag, now)
    .run()

/** Topics with a verified subscriber whose published version was not fanned out yet. */
export const undeliveredTopics = async (db: D1Database, now: number): Promise<string[]> => {
  const { results } = await db
    .prepare(
      `SELECT DISTINCT s.topic AS topic FROM websub_subscriptions s
       ${PUBLISHED_DOCUMENTS_JOIN('s.topic')}
       LEFT JOIN websub_topics t ON t.topic = s.topic
       WHERE s.state = 'verified' AND s.expires_at > ? AND (t.delivered_etag IS NULL OR t.delivered_etag <> d.etag)`,
    )
    .bind(now)
    .all<{ topic: string }>()
  return results.map((row) => row.topic)
}
