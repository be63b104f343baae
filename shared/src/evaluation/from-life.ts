/**
 * A dossier's life in the one-stop-shop (shared/src/lifecycle) as the evaluation reads it: only
 * finished dossiers count — the result returned, or a refusal after the dossier was received
 * (a refusal at the counter has no processing time to judge; a withdrawn or stopped dossier
 * has no decision). What the life does not hold (the agency, the field, the procedure's
 * publication and online service, how it was submitted, complaints) comes from the caller.
 */
import type { HolidayTable } from '../lifecycle/holidays.ts'
import type { DossierLifeState } from '../lifecycle/types.ts'
import { dueDate, toMs } from '../lifecycle/working-days.ts'
import type { EvaluationDossier } from './types.ts'

export type DossierFacts = Pick<
  EvaluationDossier,
  'id' | 'agencyCode' | 'field' | 'procedureCode' | 'onlineService' | 'publication' | 'submittedOnline' | 'receivedAtOneStop' | 'feedback'
> & {
  /**
   * The appointment an apology replaced (the `oldDueAt` of the Mẫu 04 issued), where the caller
   * keeps the slips. Without it the limit is counted again from the receipt, over today's
   * holiday table, which an administrator may have changed since (decision 0011).
   */
  dueBeforeApology?: string
}

/**
 * @example evaluationDossier(life, facts, HOLIDAYS_2025_2027) // undefined while not finished
 */
export function evaluationDossier(life: DossierLifeState, facts: DossierFacts, table: HolidayTable): EvaluationDossier | undefined {
  const { receivedAt } = life
  if (receivedAt === undefined) return undefined
  const finishing = life.status === 'returned' ? 'returnResult' : life.status === 'refused' ? 'refuse' : undefined
  const finishedAt = finishing && life.history.filter((step) => step.event === finishing).at(-1)?.at
  if (!finishedAt) return undefined
  // An apology (Mẫu 04) moved the appointment; the dossier is judged against the limit it had.
  const dueAt = life.apologyUsed ? (facts.dueBeforeApology ?? (life.processingTime && dueDate(receivedAt, life.processingTime, table).dueAt)) : life.dueAt
  if (!dueAt) return undefined
  const handedOverAt = life.history.find((step) => (step.event === 'startProcessing' || step.event === 'transfer') && toMs(step.at) >= toMs(receivedAt))?.at
  return {
    id: facts.id,
    agencyCode: facts.agencyCode,
    field: facts.field,
    procedureCode: facts.procedureCode,
    onlineService: facts.onlineService,
    publication: facts.publication,
    submittedOnline: facts.submittedOnline,
    receivedAtOneStop: facts.receivedAtOneStop,
    ...(facts.feedback ? { feedback: facts.feedback } : {}),
    receivedAt,
    ...(handedOverAt ? { handedOverAt } : {}),
    dueAt,
    finishedAt,
    supplementRequests: life.supplements.length,
  }
}
