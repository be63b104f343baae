/**
 * The next thing the applicant has to do, read from the dossier's status and progress as last
 * pulled (the same on the list and the dossier's page):
 *
 *   supplementRequested (with its request)  → supply the items asked for (Mẫu 02), or, once the
 *                                            supplement left, wait for the agency to take it
 *   financialObligation                     → pay the fees
 *   processed                               → collect the result (where: the delivery chosen)
 *   returned, result not rated yet          → rate the service
 *   registered / accepted / processing      → nothing: wait until the due date
 *   returned and rated, refused, withdrawn, stopped → nothing: the dossier is closed
 *
 * Overdue is judged again on the device from `dueAt` (the server's flag is as of its answer).
 */
import type { DossierProgress, DossierView, ResultDelivery } from '@portal/shared/dossiers/schema'

export type NextStep =
  | { kind: 'supplement'; items: NonNullable<DossierProgress['supplementRequest']>['items'] }
  | { kind: 'supplementSent'; at: string }
  | { kind: 'fees'; fees: DossierProgress['fees'] }
  | { kind: 'collect'; delivery: ResultDelivery }
  | { kind: 'rate' }
  | { kind: 'wait'; dueAt: string | undefined }
  | { kind: 'closed' }

/** Statuses in which the applicant may still withdraw (before processing starts; the server decides). */
export const WITHDRAWABLE: readonly DossierView['status'][] = ['registered', 'accepted', 'supplementRequested']
/** Statuses in which the due date still binds (a processed dossier has met it, whenever collected). */
const RUNNING: readonly DossierView['status'][] = ['registered', 'accepted', 'processing', 'supplementRequested', 'financialObligation']

export function nextStep(view: Pick<DossierView, 'status' | 'progress' | 'receipt'>): NextStep {
  const progress = view.progress ?? {}
  switch (view.status) {
    case 'supplementRequested':
      if (progress.supplementRequest?.sentAt) return { kind: 'supplementSent', at: progress.supplementRequest.sentAt }
      return progress.supplementRequest ? { kind: 'supplement', items: progress.supplementRequest.items } : { kind: 'wait', dueAt: progress.dueAt }
    case 'financialObligation':
      return { kind: 'fees', fees: progress.fees }
    case 'processed':
      return { kind: 'collect', delivery: view.receipt.resultDelivery }
    case 'returned':
      return progress.rating ? { kind: 'closed' } : { kind: 'rate' }
    case 'registered':
    case 'accepted':
    case 'processing':
      return { kind: 'wait', dueAt: progress.dueAt }
    default:
      return { kind: 'closed' }
  }
}

/** Past its due date and still open, as of `now`. */
export function isOverdue(view: Pick<DossierView, 'status' | 'progress'>, now: number): boolean {
  const due = view.progress?.dueAt
  return due !== undefined && RUNNING.includes(view.status) && Date.parse(due) < now
}
