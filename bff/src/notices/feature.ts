/**
 * The notices assembled for app.ts and server.ts: the inbox routes, the listener that the relay's
 * inbound handler calls after each applied change (embedded inbox always, SMTP when configured),
 * and the mail worker that server.ts starts and stops.
 */
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import type { Config } from '../config/config.ts'
import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import { siteName } from '../pages/layout.ts'
import type { AppliedChangeListener } from '../relay/contract.ts'
import { Inbox } from './inbox.ts'
import { noticeListener, supplementDeadline } from './listener.ts'
import { MailQueue, SmtpNotifier } from './smtp.ts'
import { MailWorker, smtpTransport, type MailWorkerOptions } from './mail-worker.ts'
import type { Notifier } from './notifier.ts'
import { noticeRoutes } from './routes.ts'

export interface NoticesFeatureDeps {
  db: Db
  clock: Clock
  config: Config
  logger: Logger
  store: CatalogStore
  /** The administrators' holiday table (calendar/source.ts), for the supplement deadline. */
  holidays: () => HolidayTable
}

export function noticesFeature({ db, clock, config, logger, store, holidays }: NoticesFeatureDeps): {
  routes: ReturnType<typeof noticeRoutes>
  listener: AppliedChangeListener
} {
  const inbox = new Inbox(db)
  const notifiers: Notifier[] = [inbox]
  if (config.notices.mail) notifiers.push(new SmtpNotifier(db, () => ({ portalName: siteName(store.snapshot()), origin: config.publicOrigin })))
  const supplyBy = supplementDeadline(config.notices.supplementWorkingDays, holidays)
  return { routes: noticeRoutes(inbox, clock), listener: noticeListener({ db, clock, logger, notifiers, supplyBy }) }
}

/**
 * Starts sending queued notice e-mails when SMTP_URL is set (also what a restart left queued);
 * returns what stops it. Without SMTP_URL nothing runs.
 */
export function startNoticeMail(db: Db, clock: Clock, config: Config, logger: Logger, options: Partial<MailWorkerOptions> = {}): () => Promise<void> {
  const mail = config.notices.mail
  if (!mail) return async () => {}
  const worker = new MailWorker(new MailQueue(db), smtpTransport(mail.smtpUrl), mail.from, new URL(config.publicOrigin).hostname, clock, logger, options)
  worker.start()
  logger.info({ smtp: new URL(mail.smtpUrl).host }, 'notice mail on')
  return () => worker.stop()
}
