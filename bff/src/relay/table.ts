/**
 * Tables of the relay's inbound side.
 *
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

/**
 * Result files a province's one-stop-shop returned (HTTP connector): what its returnResult event
 * said of the file (`result`: name, type, size), written with the event. The bytes come later,
 * fetched into the blob store under their SHA-256 (dossiers/result-fetch.ts); whether they are
 * there is the blob store's to say. The embedded module records its results in onestop_files.
 */
export const relayResultFiles = sqliteTable(
  'relay_result_files',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    size: integer('size').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.sha256] })],
)
