/**
 * @module
 * The archive in storage, as the publisher and the Worker share it: each document is one R2
 * object under its path, its bytes with their validators in the object's metadata, so that a
 * reader always gets bytes and validators of the same version; D1 indexes what is published.
 */

/** R2 custom metadata of a document (strings, as R2 stores them). */
export type StoredMetadata = {
  /** "200", or "410" for a removed document (its body is the Gone page). */
  readonly status: string
  readonly etag: string
  /** The ETag of the same bytes served as application/xml to a browser (RSS and Atom only). */
  readonly browserETag?: string
  /** IMF-fixdate (RFC 9110 §5.6.7), when content dates the document. */
  readonly lastModified?: string
  /** "1" for a full archive page, which never changes. */
  readonly immutable?: string
}

/** A document's row in D1's `documents` table. */
export type DocumentRow = {
  readonly path: string
  readonly status: number
  readonly content_type: string
  readonly etag: string
  readonly last_modified: number | null
  readonly fingerprint: string
}

/** An article's row in D1's `articles` table. */
export type ArticleRow = {
  readonly id: string
  readonly slug: string
  readonly file: string
  readonly title: string
  readonly published: number
  readonly updated: number
  readonly tags: string
  readonly position: number
  readonly fingerprint: string
}

/** Where a publish writes: D1 and R2 as bound in wrangler.toml, locally or remotely. */
export type ArchiveStorage = { readonly db: D1Database; readonly bucket: R2Bucket }

/** D1 allows 100 bound parameters per statement: rows per multi-row statement. */
const rowsPerStatement = (columns: number): number => Math.floor(100 / columns)

/** Multi-row `INSERT OR REPLACE` statements for `rows`, within D1's parameter limit. */
export const upsertStatements = <Row extends Record<string, unknown>>(
  db: D1Database,
  table: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
): D1PreparedStatement[] => {
  const size = rowsPerStatement(columns.length)
  const placeholders = `(${columns.map(() => '?').join(', ')})`
  const statements: D1PreparedStatement[] = []
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size)
    statements.push(
      db
        .prepare(
          `INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')}`,
        )
        .bind(...chunk.flatMap((row) => columns.map((column) => row[column] ?? null))),
    )
  }
  return statements
}

/** Every row of a table, read in pages by primary key (large archives exceed one result). */
export const readAll = async <Row>(db: D1Database, table: string, key: string, columns: string): Promise<Row[]> => {
  const rows: Row[] = []
  const page = 5_000
  let after = ''
  for (;;) {
    const { results } = await db
      .prepare(`SELECT ${columns} FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ${page}`)
      .bind(after)
      .all<Row & Record<string, string>>()
    rows.push(...results)
    if (results.length < page) return rows
    after = (results.at(-1) as Record<string, string>)[key] as string
  }
}
