/**
 * @module
 * The publish receipt (migrations/0004_publish_receipt.sql): one row saying what the last
 * complete publish to this storage was made of. The publisher alone reads and writes it; the
 * Worker never does. It is kept in the storage itself, not beside the content, so that a publish
 * from another checkout (or a storage reset) is seen: its receipt differs, or there is none.
 */

/** The inputs hash of the last complete publish, or undefined (none, cleared, or no such table yet). */
export const readReceipt = async (db: D1Database): Promise<string | undefined> => {
  try {
    return (await db.prepare('SELECT inputs FROM publish_receipt WHERE id = 1').first<string>('inputs')) ?? undefined
  } catch {
    return undefined
  }
}

/** Before the first write of a publish: storage no longer holds what any receipt describes. */
export const clearReceipt = async (db: D1Database): Promise<void> => {
  await db.prepare('DELETE FROM publish_receipt').run()
}

/** After the last write of a publish: storage holds exactly what `inputs` publish. */
export const writeReceipt = async (db: D1Database, inputs: string): Promise<void> => {
  await db.prepare('INSERT OR REPLACE INTO publish_receipt (id, inputs) VALUES (1, ?)').bind(inputs).run()
}
