/**
 * The applicants' ratings of their dossiers (NĐ 61/2018 Art. 31; issue 7), one per dossier:
 * `dossier_id` is the primary key, so a second rating of the same dossier cannot be stored, even
 * by two requests at once. `id` is the client-generated UUID the rating was sent under (its
 * idempotency key: the same id again gets the first answer). `contents_hash` is the canonical
 * hash of what was sent (level, contents, comment), compared when the same id comes again.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from '../accounts/table.ts'
import { dossiers } from '../dossiers/table.ts'

export const ratings = sqliteTable('ratings', {
  dossierId: text('dossier_id')
    .primaryKey()
    .references(() => dossiers.id),
  id: text('id').notNull().unique(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  /** SatisfactionLevel (shared/src/evaluation/types.ts). */
  level: text('level').notNull(),
  /** RatingContents, JSON; null when only the level was given. */
  contents: text('contents'),
  comment: text('comment'),
  contentsHash: text('contents_hash').notNull(),
  /** ISO 8601 with +07:00. */
  ratedAt: text('rated_at').notNull(),
})
