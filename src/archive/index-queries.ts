/**
 * @module
 * Every query on the archive's index tables (`documents`, `articles`, `scopes`): the publisher's reads
 * and writes, and the Worker's lookups. The WebSub tables belong to the hub (src/worker/websub/).
 */
import {
  ARTICLE_COLUMNS,
  type ArticleRow,
  DOCUMENT_COLUMNS,
  type DocumentRow,
  SCOPE_COLUMNS,
  type ScopeRow,
} from './index-rows.ts'

/** D1 allows 100 bound parameters per statement: rows per multi-row statement. */
const rowsPerStatement = (columns: number): number => Math.floor(100 / columns)

/** Multi-row `INSERT OR REPLACE` statements for `rows`, within D1's parameter limit. */
const upsertStatements = <Row extends Record<string, unknown>>(
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
const readAll = async <Row>(db: D1Database, table: string, key: string, columns: string): Promise<Row[]> => {
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

/** Every document row. */
export const readDocumentRows = (db: D1Database): Promise<DocumentRow[]> =>
  readAll<DocumentRow>(db, 'documents', 'path', DOCUMENT_COLUMNS.join(', '))

/** The rows of these document paths (those never published have none), 90 paths a statement. */
export const readDocumentRowsAt = async (db: D1Database, paths: readonly string[]): Promise<DocumentRow[]> => {
  const statements: D1PreparedStatement[] = []
  for (let i = 0; i < paths.length; i += 90) {
    const chunk = paths.slice(i, i + 90)
    statements.push(
      db
        .prepare(
          `SELECT ${DOCUMENT_COLUMNS.join(', ')} FROM documents WHERE path IN (${chunk.map(() => '?').join(', ')})`,
        )
        .bind(...chunk),
    )
  }
  if (statements.length === 0) return []
  return (await db.batch<DocumentRow>(statements)).flatMap((result) => result.results)
}

/** Writes document rows, in one D1 batch. */
export const writeDocumentRows = async (db: D1Database, rows: readonly DocumentRow[]): Promise<void> => {
  if (rows.length > 0) await db.batch(upsertStatements(db, 'documents', DOCUMENT_COLUMNS, rows))
}

/** Every article row. */
export const readArticleRows = (db: D1Database): Promise<ArticleRow[]> =>
  readAll<ArticleRow>(db, 'articles', 'id', ARTICLE_COLUMNS.join(', '))

/** The article rows whose archive position is in one of `ranges` (inclusive), read through the position index. */
export const readArticleRowsAtPositions = async (
  db: D1Database,
  ranges: readonly (readonly [number, number])[],
): Promise<ArticleRow[]> => {
  if (ranges.length === 0) return []
  const statements = ranges.map(([from, to]) =>
    db.prepare(`SELECT ${ARTICLE_COLUMNS.join(', ')} FROM articles WHERE position BETWEEN ? AND ?`).bind(from, to),
  )
  return (await db.batch<ArticleRow>(statements)).flatMap((result) => result.results)
}

/** Every scope row: one per scope (the site, each tag), a few hundred rows however large the archive. */
export const readScopeRows = async (db: D1Database): Promise<ScopeRow[]> =>
  (await db.prepare(`SELECT ${SCOPE_COLUMNS.join(', ')} FROM scopes`).all<ScopeRow>()).results

/**
 * Writes scope rows and deletes those of scopes that no longer exist. One row a statement: a
 * scope's page hashes can be long (19 bytes a page: 380 KB for the 20,000 site pages of 1,000,000
 * articles, within D1's 2 MB a row).
 */
export const writeScopeRows = async (
  db: D1Database,
  rows: readonly ScopeRow[],
  removedScopes: readonly string[],
): Promise<void> => {
  const statements = [
    ...rows.map((row) =>
      db
        .prepare(`INSERT OR REPLACE INTO scopes (${SCOPE_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?)`)
        .bind(...SCOPE_COLUMNS.map((column) => row[column])),
    ),
    ...removedScopes.map((scope) => db.prepare('DELETE FROM scopes WHERE scope = ?').bind(scope)),
  ]
  for (let i = 0; i < statements.length; i += 50) await db.batch(statements.slice(i, i + 50))
}

/**
 * Writes article rows and deletes the rows of removed ids. Each batch's statements are prepared
 * just before it is sent: preparing all 9,000 of 100,000 articles at once made the local D1
 * (through wrangler's proxy) drop the connection.
 */
export const writeArticleRows = async (
  db: D1Database,
  rows: readonly ArticleRow[],
  removedIds: readonly string[],
): Promise<void> => {
  for (let i = 0; i < rows.length; i += 88)
    await db.batch(upsertStatements(db, 'articles', ARTICLE_COLUMNS, rows.slice(i, i + 88)))
  for (let i = 0; i < removedIds.length; i += 50)
    await db.batch(removedIds.slice(i, i + 50).map((id) => db.prepare('DELETE FROM articles WHERE id = ?').bind(id)))
}

/** The index's status of one document: 200, 410, or undefined when it was never published. */
export const documentStatus = async (db: D1Database, path: string): Promise<number | undefined> =>
  (await db.prepare('SELECT status FROM documents WHERE path = ?').bind(path).first<{ status: number }>())?.status

/** Whether anything at all is published. */
export const isAnythingPublished = async (db: D1Database): Promise<boolean> =>
  (await db.prepare('SELECT 1 FROM documents LIMIT 1').first()) !== null

/** The ETag of a document as published now, or null when it is not published (or removed). */
export const publishedETag = async (db: D1Database, path: string): Promise<string | null> =>
  (await db.prepare('SELECT etag FROM documents WHERE path = ? AND status = 200').bind(path).first<{ etag: string }>())
    ?.etag ?? null

/**
 * SQL for the published version of a document path, to join against in the hub's own queries
 * (`d` is the alias): one place knows the `documents` table's shape.
 */
export const PUBLISHED_DOCUMENTS_JOIN = (pathColumn: string): string =>
  `JOIN documents d ON d.path = ${pathColumn} AND d.status = 200`
