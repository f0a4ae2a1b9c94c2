/**
 * @module
 * Whether the archive's D1 lacks a migration of migrations/: asked through the storage binding
 * in one query, so that a publish starts `wrangler d1 migrations apply` (a process of its own,
 * seconds to start) only when there is something to apply.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../files/content-files.ts'

/** wrangler's record of applied migrations (its default `migrations_table`). */
const MIGRATIONS_TABLE = 'd1_migrations'

/** Names of the migration files not yet applied to `db` (all of them when it has none). */
export const pendingMigrations = async (db: D1Database, dir = join(ROOT, 'migrations')): Promise<string[]> => {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
  try {
    const { results } = await db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE}`).all<{ name: string }>()
    const applied = new Set(results.map((row) => row.name))
    return files.filter((name) => !applied.has(name))
  } catch {
    return files
  }
}
