/**
 * The next number of the dossiers' change sequence (`dossier_sequence`, dossiers/table.ts), the
 * same statement intake uses: a dossier whose row takes it shows up after the applicant's
 * cursor in GET /api/dossiers/changes. Call it inside the transaction that changes the dossier.
 */
import type Database from 'better-sqlite3'
import type { Db } from '../db/open.ts'

const statements = new WeakMap<Database.Database, Database.Statement>()

export function nextChangeSeq(db: Db): number {
  const c = db.$client
  let statement = statements.get(c)
  if (!statement) {
    statement = c.prepare('INSERT INTO dossier_sequence (id, seq) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET seq = seq + 1 RETURNING seq')
    statements.set(c, statement)
  }
  return (statement.get() as { seq: number }).seq
}
