/**
 * Tables of the procedure catalogue. Records are stored as validated JSON (the shared schema is
 * the contract, not the columns); the columns hold only what versioning needs to query.
 * See versioning.ts for how `changed_seq` and `removed` are used.
 */
import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** One row: the epoch (random, made with the database) and the last sequence number. */
export const catalogMeta = sqliteTable(
  'catalog_meta',
  {
    id: integer('id').primaryKey(),
    epoch: text('epoch').notNull(),
    seq: integer('seq').notNull(),
    /** ISO timestamp of the last change: the sitemap's lastmod for list pages. */
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('catalog_meta_single_row', sql`${t.id} = 1`)],
)

export const catalogProcedures = sqliteTable(
  'catalog_procedures',
  {
    code: text('code').primaryKey(),
    /** The Procedure as JSON. Kept after removal so a tombstone still says what it was. */
    data: text('data').notNull(),
    /** SHA-256 of `data`: a re-seed with equal content changes nothing. */
    hash: text('hash').notNull(),
    changedSeq: integer('changed_seq').notNull(),
    changedAt: text('changed_at').notNull(),
    removed: integer('removed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('catalog_procedures_changed_seq').on(t.changedSeq)],
)

/** Small whole documents versioned as one unit each: 'fields', 'agencyKinds', 'agencies'. */
export const catalogDocuments = sqliteTable('catalog_documents', {
  key: text('key').primaryKey(),
  data: text('data').notNull(),
  hash: text('hash').notNull(),
  changedSeq: integer('changed_seq').notNull(),
})
