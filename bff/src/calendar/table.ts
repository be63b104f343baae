/**
 * The holiday table (design.md decision 13) in the database, seeded once from
 * `HOLIDAYS_2025_2027` (shared/src/lifecycle/holidays.ts) and edited by administrators.
 *
 * - `holiday_table`: one row, the period the table speaks for and `revision`, which every change
 *   moves in its own transaction: readers (calendar/source.ts) rebuild their copy when it moves.
 *   The row's presence means "seeded": an administrator who removes every day is not re-seeded.
 * - `holiday_days`: the days that differ from "Monday to Friday worked".
 */
import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const holidayTable = sqliteTable(
  'holiday_table',
  {
    id: integer('id').primaryKey(),
    /** `yyyy-mm-dd`: first and last day the table speaks for. */
    from: text('from').notNull(),
    until: text('until').notNull(),
    revision: integer('revision').notNull(),
    seededAt: text('seeded_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('holiday_table_single_row', sql`${t.id} = 1`), check('holiday_table_period', sql`${t.from} <= ${t.until}`)],
)

export const holidayDays = sqliteTable('holiday_days', {
  /** `yyyy-mm-dd`, Vietnam. */
  date: text('date').primaryKey(),
  off: integer('off', { mode: 'boolean' }).notNull(),
  name: text('name').notNull(),
  source: text('source').notNull(),
  provisional: integer('provisional', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at').notNull(),
  /** `sub` of the administrator, or 'seed'. */
  updatedBy: text('updated_by').notNull(),
})
