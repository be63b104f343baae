/**
 * Tables of resumable uploads (tus) and of the grants they give.
 *
 * - `uploads`: one row per tus upload, written when it is created: who, what they declared
 *   (SHA-256, name, type, length) and when it expires. `state` moves from 'receiving' to
 *   'complete' (bytes verified and in the blob store) or 'rejected' (hash or type mismatch; the
 *   bytes are deleted). Expired 'receiving' rows are swept with their partial bytes.
 * - `upload_grants`: one row per complete upload. A person may reference a SHA-256 in a dossier
 *   only through a grant of their own (design decision 7): equal bytes are stored once, but use
 *   is granted per upload, so nobody learns of bytes they did not upload.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from '../accounts/table.ts'

export const uploads = sqliteTable(
  'uploads',
  {
    /** The tus upload id (the last segment of its URL). */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Declared in Upload-Metadata: lowercase hex. */
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    filetype: text('filetype').notNull(),
    /** Upload-Length. */
    size: integer('size').notNull(),
    state: text('state', { enum: ['receiving', 'complete', 'rejected'] }).notNull(),
    /** Epoch milliseconds (the app's clock). */
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [index('uploads_user_state').on(t.userId, t.state), index('uploads_state_expires').on(t.state, t.expiresAt)],
)

export const uploadGrants = sqliteTable(
  'upload_grants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    type: text('type').notNull(),
    uploadId: text('upload_id')
      .notNull()
      .unique()
      .references(() => uploads.id),
    /** ISO timestamp. */
    at: text('at').notNull(),
  },
  (t) => [index('upload_grants_user_sha256').on(t.userId, t.sha256)],
)
