/**
 * Whether administrators have edited the agency directory. The directory itself is the
 * catalogue's 'agencies' document (catalog/table.ts); this row only says who last changed it,
 * and so that the seed file (catalog/seed.ts) no longer replaces it at start.
 */
import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const agencyDirectoryEdits = sqliteTable(
  'agency_directory_edits',
  {
    id: integer('id').primaryKey(),
    /** ISO timestamp of the last edit. */
    editedAt: text('edited_at').notNull(),
    /** `sub` of the administrator. */
    editedBy: text('edited_by').notNull(),
  },
  (t) => [check('agency_directory_edits_single_row', sql`${t.id} = 1`)],
)
