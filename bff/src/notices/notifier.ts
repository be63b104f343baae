/**
 * The notifier connector: how a composed notice reaches the applicant. Two implementations:
 *
 * - embedded (inbox.ts): the in-app inbox of the account, in SQLite; always on.
 * - smtp (smtp.ts): an e-mail through the province's SMTP server (nodemailer), when SMTP_URL is
 *   set and the account's claims carry an e-mail address not marked unverified.
 *
 * `deliver` only writes a row (the inbox notice, or the e-mail to send) and never waits for the
 * network: a status change never waits for a mail server, and one channel failing never stops
 * the other (listener.ts calls each on its own). Both are idempotent on (dossier, step).
 */
import type { DossierStatus } from '@portal/shared/dossiers/schema'
import type { NoticeContent, NoticeKind } from '@portal/shared/notices/schema'

export interface OutgoingNotice {
  /** Random UUID: the inbox notice's id, and the e-mail's Message-ID. */
  id: string
  userId: number
  dossierId: string
  dossierCode: string
  /** The dossier's history length after the change: one notice per step. */
  step: number
  kind: NoticeKind
  status: DossierStatus
  content: NoticeContent
  /** The account's e-mail address (and name for the greeting), when it has a usable one. */
  email?: { address: string; name?: string }
  createdAt: Date
}

export interface Notifier {
  readonly name: 'embedded' | 'smtp'
  /** Stores the notice durably for this channel; false when it was there already (or not for this channel). */
  deliver(notice: OutgoingNotice): boolean
}
