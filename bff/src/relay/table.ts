/**
 * Status events that arrived before the ones they follow (inbound.ts): kept here, one row per
 * dossier and sequence number, until the gap before them is filled; then applied in order and
 * deleted in the same transaction. The event is the StatusEvent as received, JSON.
 */
import { primaryKey, sqliteTable, text, integer } from 'drizzle-orm/sqlite-core'
import { dossiers } from '../dossiers/table.ts'

export const relayInboundPending = sqliteTable(
  'relay_inbound_pending',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    seq: integer('seq').notNull(),
    event: text('event').notNull(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.seq] })],
)
