/**
 * The audit log: append-only, hash-chained (see chain.ts). Triggers in the migration refuse
 * UPDATE and DELETE, and the code has no path that does either.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  /** ISO timestamp. */
  at: text('at').notNull(),
  /** `sub` of who did it; null for the system or an unknown person. */
  actor: text('actor'),
  action: text('action').notNull(),
  target: text('target'),
  /** JSON object. */
  details: text('details').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
})
