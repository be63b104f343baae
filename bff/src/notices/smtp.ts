/**
 * The SMTP notifier's side of the status change: the notice rendered as an e-mail and queued in
 * `notice_mail` (one per dossier step). Sending is the mail worker's (mail-worker.ts), which
 * reads the same queue through `MailQueue`.
 */
import { and, asc, eq, isNull, lte } from 'drizzle-orm'
import type { Db } from '../db/open.ts'
import { renderEmail, type EmailContext } from './email.ts'
import type { Notifier, OutgoingNotice } from './notifier.ts'
import { noticeMail } from './table.ts'

export type QueuedMail = typeof noticeMail.$inferSelect

export class SmtpNotifier implements Notifier {
  readonly name = 'smtp'

  constructor(
    private readonly db: Db,
    /** Read at each notice: the portal's name follows the catalogue's province. */
    private readonly context: () => EmailContext,
  ) {}

  deliver(n: OutgoingNotice): boolean {
    if (!n.email) return false
    const mail = renderEmail(n, this.context())
    const inserted = this.db
      .insert(noticeMail)
      .values({
        noticeId: n.id,
        dossierId: n.dossierId,
        step: n.step,
        recipient: n.email.address,
        ...mail,
        nextAttemptAt: n.createdAt.getTime(),
        createdAt: n.createdAt.toISOString(),
      })
      .onConflictDoNothing({ target: [noticeMail.dossierId, noticeMail.step] })
      .run()
    return inserted.changes === 1
  }
}

/** The queue as the mail worker sees it. */
export class MailQueue {
  constructor(private readonly db: Db) {}

  /** Mails due at `now`, oldest first. */
  due(now: Date, limit: number): QueuedMail[] {
    return this.db
      .select()
      .from(noticeMail)
      .where(and(isNull(noticeMail.sentAt), isNull(noticeMail.failedAt), lte(noticeMail.nextAttemptAt, now.getTime())))
      .orderBy(asc(noticeMail.nextAttemptAt), asc(noticeMail.id))
      .limit(limit)
      .all()
  }

  sent(id: number, attempts: number, at: Date): void {
    this.db.update(noticeMail).set({ sentAt: at.toISOString(), attempts }).where(eq(noticeMail.id, id)).run()
  }

  retryAt(id: number, attempts: number, next: Date, error: string): void {
    this.db.update(noticeMail).set({ attempts, nextAttemptAt: next.getTime(), lastError: error }).where(eq(noticeMail.id, id)).run()
  }

  giveUp(id: number, attempts: number, at: Date, error: string): void {
    this.db.update(noticeMail).set({ attempts, failedAt: at.toISOString(), lastError: error }).where(eq(noticeMail.id, id)).run()
  }
}
