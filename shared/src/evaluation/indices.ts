/**
 * The nine indices of TT 01/2018 Art. 13 for one finished dossier: each 2, 1 or 0 points, or
 * null where the dossier gives nothing to judge it by (it then does not count in that index's
 * average). docs/evaluation.md states each rule, the article it follows and what was chosen
 * where the texts as summarised in domain.md are silent; evaluation-cases.ts holds its cases.
 *
 * Sources, per index: the dossier's own records (dates, supplement requests, handovers, the
 * procedure's publication and online service) and, where the applicant rated the dossier, the
 * contents of NĐ 61/2018 Art. 31. A rating can only lower what the records give (the records are
 * the floor the administration cannot argue with; the applicant may know of contacts and
 * inaccuracies the records do not show), except for staff attitude, which only a rating measures.
 */
import type { HolidayTable } from '../lifecycle/holidays.ts'
import { effectiveReceipt, OFFICE_HOURS, toMs, vietnamDate, vietnamIso } from '../lifecycle/working-days.ts'
import type { DossierScores, EvaluationDossier, FeedbackRecord, Points, Rating, SatisfactionLevel, UnitStep } from './types.ts'

export interface EvaluationContext {
  /** The holiday table in force (for the handover deadline). */
  table: HolidayTable
}

export const LEVEL_POINTS: Record<SatisfactionLevel, Points> = { 'very-satisfied': 2, satisfied: 1, unsatisfied: 0 }

const lower = (points: Points, level: SatisfactionLevel | undefined): Points => (level === undefined ? points : (Math.min(points, LEVEL_POINTS[level]) as Points))

/**
 * Before the due day: 2 (trước hạn); on the due day, by the due time: 1 (đúng hạn); after: 0 (quá hạn).
 * @example timeliness('2025-03-07T10:00:00+07:00', '2025-03-10T17:00:00+07:00') === 2
 */
export function timeliness(doneAt: string, dueAt: string): Points {
  if (vietnamDate(doneAt) < vietnamDate(dueAt)) return 2
  return toMs(doneAt) <= toMs(dueAt) ? 1 : 0
}

/** Fewer is better: `none` or fewer → 2, one more → 1, beyond → 0. */
const byCount = (count: number, none: number): Points => (count <= none ? 2 : count === none + 1 ? 1 : 0)

function unitTime(units: UnitStep[] | undefined): Points | null {
  const timed = (units ?? []).filter((u): u is Required<UnitStep> => u.dueAt !== undefined && u.doneAt !== undefined)
  // The applicant waits for the slowest unit: one late unit makes the dossier's handling late.
  return timed.length === 0 ? null : (Math.min(...timed.map((u) => timeliness(u.doneAt, u.dueAt))) as Points)
}

/**
 * The handover deadline of NĐ 61 (domain.md §3): received on a working day before 15:00 → the
 * same day (17:00); otherwise the next working morning (11:30, the end of morning office hours).
 */
export function handoverDeadline(receivedAt: string, table: HolidayTable): string {
  const counted = effectiveReceipt(receivedAt, table)
  const sameDay = counted.date === vietnamDate(receivedAt)
  return vietnamIso(counted.date, sameDay ? OFFICE_HOURS[OFFICE_HOURS.length - 1]![1] : OFFICE_HOURS[0]![1])
}

function oneStop(d: EvaluationDossier, table: HolidayTable): Points {
  if (!d.receivedAtOneStop) return 0
  // Decided at the one-stop-shop itself: nothing to hand over.
  if (d.handedOverAt === undefined) return 2
  return toMs(d.handedOverAt) <= toMs(handoverDeadline(d.receivedAt, table)) ? 2 : 1
}

function feedback(records: FeedbackRecord[] | undefined): Points | null {
  if (records === undefined) return null
  if (records.some((r) => r.answeredAt === undefined)) return 0
  return records.every((r) => toMs(r.answeredAt!) <= toMs(r.dueAt)) ? 2 : 1
}

const PUBLICATION_POINTS = { complete: 2, incomplete: 1, none: 0 } as const
const ONLINE_POINTS = { full: 2, partial: 1, none: 0 } as const

/** The nine indices of one finished dossier, with its rating if the applicant gave one. */
export function scoreDossier(d: EvaluationDossier, rating: Rating | undefined, { table }: EvaluationContext): DossierScores {
  const said = rating?.contents ?? {}
  const records = feedback(d.feedback)
  return {
    totalTime: timeliness(d.finishedAt, d.dueAt),
    unitTime: unitTime(d.units),
    contacts: byCount(Math.max(d.supplementRequests, said.contactsNeeded ?? 0), 0),
    agencies: byCount(said.agenciesContacted ?? 1, 1),
    oneStop: oneStop(d, table),
    publication: lower(PUBLICATION_POINTS[d.publication], said.publishedInformation),
    attitude: rating ? LEVEL_POINTS[said.staffAttitude ?? rating.level] : null,
    feedback: records === null ? (said.explanations === undefined ? null : LEVEL_POINTS[said.explanations]) : lower(records, said.explanations),
    online: lower(ONLINE_POINTS[d.onlineService], d.submittedOnline ? said.onlineService : undefined),
  }
}
