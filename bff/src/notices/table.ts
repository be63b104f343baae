/**
 * Tables of notices (issue 6): the in-app inbox and the e-mail queue, one row per dossier step
 * in each, so a change heard twice is told once.
 *
 * - `notices`: the inbox of each account. `seq` orders it (newest first) and is the page cursor;
 *   `id` (a random UUID) names a notice in the API, so ids say nothing about other people's.
 *   `content` is the composed NoticeContent (shared/src/notices/schema.ts), JSON, in both
 *   languages. Unread notices are found through a partial index (the header's badge).
 * - `notice_mail`: e-mails waiting for the SMTP server, rendered when queued (what was true
 *   then is what is sent), retried with backoff until sent or given up (`failed_at`).
 *   `notice_id` is the inbox notice's id, used in the Message-ID.
 */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from '../accounts/table.ts'
import { dossiers } from '../dossiers/table.ts'

export const notices = sqliteTable(
  'notices',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    dossierCode: text('dossier_code').notNull(),
    /** The dossier's step the notice is about: the length of its history after the change. */
    step: integer('step').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    content: text('content').notNull(),
    /** ISO 8601, UTC. */
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [
    uniqueIndex('notices_dossier_step').on(t.dossierId, t.step),
    index('notices_user_seq').on(t.userId, t.seq),
    index('notices_user_unread').on(t.userId).where(sql`${t.readAt} IS NULL`),
  ],
)

export const noticeMail = sqliteTable(
  'notice_mail',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    noticeId: text('notice_id').notNull(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    step: integer('step').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Epoch milliseconds: not tried again before. */
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
    /** Given up (a permanent refusal, or too many attempts): kept for the operators. */
    failedAt: text('failed_at'),
  },
  (t) => [
    uniqueIndex('notice_mail_dossier_step').on(t.dossierId, t.step),
    index('notice_mail_due').on(t.nextAttemptAt).where(sql`${t.sentAt} IS NULL AND ${t.failedAt} IS NULL`),
  ],
)
