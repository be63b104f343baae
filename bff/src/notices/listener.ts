/**
 * The notices' listener on applied status changes (relay/contract.ts, AppliedChangeListener):
 * after the inbound handler committed a change, compose the notice once and hand it to each
 * notifier. It never throws: a failure is logged, and the status change it follows stands.
 */
import { randomUUID } from 'node:crypto'
import * as v from 'valibot'
import type { DossierReceipt } from '@portal/shared/dossiers/schema'
import { formatAddress } from '@portal/shared/forms/address'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import { dueDate } from '@portal/shared/lifecycle/working-days'
import { Accounts } from '../accounts/repository.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { addresses } from '../dossiers/addresses.ts'
import type { Logger } from '../log.ts'
import type { AppliedChange, AppliedChangeListener } from '../relay/contract.ts'
import { composeNotice, type ComposeContext } from './compose.ts'
import type { Notifier, OutgoingNotice } from './notifier.ts'
import type { DossierFacts } from './texts.ts'

export interface NoticeListenerDeps {
  db: Db
  clock: Clock
  logger: Logger
  notifiers: readonly Notifier[]
  supplyBy: ComposeContext['supplyBy']
}

/**
 * The applicant's deadline for a supplement: `workingDays` working days after the request,
 * counted like a due date (docs/lifecycle.md: from the next working day after 15:00, ending at
 * 17:00), over the administrators' holiday table. The law gives no one limit for every procedure,
 * so the portal sets one (NOTICE_SUPPLEMENT_WORKING_DAYS) and says it in the notice.
 */
export function supplementDeadline(workingDays: number, holidays: () => HolidayTable): ComposeContext['supplyBy'] {
  return (requestedAt) => {
    const due = dueDate(requestedAt, { amount: workingDays, unit: 'working-days' }, holidays())
    return { dueAt: due.dueAt, uncertain: due.beyondTable || due.provisional.length > 0 }
  }
}

const EmailSchema = v.pipe(v.string(), v.trim(), v.email(), v.maxLength(254))

/** The account's e-mail from its claims, unless missing, malformed or marked unverified by the provider. */
export function emailOf(profile: Record<string, unknown> | null | undefined): string | undefined {
  if (!profile || profile.email_verified === false) return undefined
  const parsed = v.safeParse(EmailSchema, profile.email)
  return parsed.success ? parsed.output : undefined
}

export function noticeListener({ db, clock, logger, notifiers, supplyBy }: NoticeListenerDeps): AppliedChangeListener {
  const receiptOf = db.$client.prepare('SELECT receipt FROM dossiers WHERE id = ?').pluck()
  const accounts = new Accounts(db)

  function facts(dossierId: string): DossierFacts | undefined {
    const stored = receiptOf.get(dossierId) as string | undefined
    if (!stored) return undefined
    const receipt = JSON.parse(stored) as DossierReceipt
    const delivery = receipt.resultDelivery
    return { receipt, ...(delivery.method === 'post' ? { postalAddress: formatAddress(delivery.address, addresses()) } : {}) }
  }

  return (change: AppliedChange) => {
    const about = { dossier: change.dossierId, from: change.from, to: change.to, event: change.event.type }
    try {
      const known = facts(change.dossierId)
      if (!known) {
        logger.error(about, 'notice: the dossier is not in the portal, nobody told')
        return
      }
      const composed = composeNotice(change, known, { supplyBy })
      if (!composed) return
      const address = emailOf(accounts.byId(change.userId)?.profile)
      const notice: OutgoingNotice = {
        id: randomUUID(),
        userId: change.userId,
        dossierId: change.dossierId,
        dossierCode: change.dossierCode,
        step: change.state.history.length,
        ...composed,
        ...(address ? { email: { address, name: known.receipt.applicant.name } } : {}),
        createdAt: clock.now(),
      }
      const delivered: string[] = []
      for (const notifier of notifiers) {
        try {
          if (notifier.deliver(notice)) delivered.push(notifier.name)
        } catch (error) {
          logger.error({ ...about, err: error, notifier: notifier.name }, 'notice could not be stored for this notifier')
        }
      }
      logger.info({ ...about, kind: composed.kind, notifiers: delivered }, 'notice')
    } catch (error) {
      logger.error({ ...about, err: error }, 'notice could not be composed')
    }
  }
}
