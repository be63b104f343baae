/**
 * Opens the SQLite database and brings its schema up to date.
 *
 * Pragmas: WAL (readers never wait for the writer), foreign keys on (SQLite's default is off),
 * synchronous=FULL (an acknowledged write survives a power cut, not only a crash: design decision
 * 12), and a busy timeout so that a second writer waits instead of failing at once.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import type { RunResult } from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }
/** The database or a transaction on it: what query functions take. */
export type Queryable = BaseSQLiteDatabase<'sync', RunResult, typeof schema>

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url))

/**
 * Creates the file's folder if needed, opens it, applies pending migrations.
 * @example const db = openDatabase('/var/lib/portal/portal.sqlite')
 */
export function openDatabase(file: string): Db {
  mkdirSync(dirname(file), { recursive: true })
  const client = new Database(file)
  client.pragma('journal_mode = WAL')
  client.pragma('foreign_keys = ON')
  client.pragma('synchronous = FULL')
  client.pragma('busy_timeout = 5000')
  const db = drizzle({ client, schema })
  migrate(db, { migrationsFolder: MIGRATIONS })
  return db
}
