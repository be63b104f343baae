/**
 * The public statistics computed from the portal's mirror of each dossier's life (`dossiers.life`)
 * and the applicants' ratings: pure, so the numbers can be checked by hand (count.test.ts).
 *
 * Per group (an agency; an agency and a month; an agency and a field), over whole months in
 * Vietnam time from `from` to `to`:
 * - received: the dossier's first receipt by the one-stop-shop (`receive`) falls in the month.
 *   A submission not yet received at the counter is not counted: the one-stop-shop has not
 *   accepted it (it may still be refused as not its to handle).
 * - processed: finished in the month, as the evaluation counts finishing (the result returned,
 *   or refused after receipt: shared/src/evaluation/from-life.ts), and judged early, on time or
 *   late against the due date the dossier had before any apology (Mẫu 04). A dossier with no due
 *   date (a procedure that publishes no time limit) is processed but in none of the three.
 * - in progress: received by the end of the month (or by now, for the current month) and not
 *   finished, withdrawn or stopped by then. Grouped by agency or field: at the end of the range.
 * - ratings and the indices of Art. 13, total and grade of Art. 15: `evaluate` over the dossiers
 *   processed in the group, with their ratings.
 *
 * What the life does not hold comes from the catalogue: the field, the online service and the
 * publication of the procedure. Every dossier here was submitted online through the portal, the
 * one-stop-shop's online reception; complaints are not tracked yet (docs/evaluation.md).
 */
import type { Procedure } from '@portal/shared/catalog/schema'
import { evaluationDossier, type DossierFacts } from '@portal/shared/evaluation/from-life'
import { evaluate } from '@portal/shared/evaluation/scoring'
import { INDEX_KEYS, type EvaluationDossier, type Rating } from '@portal/shared/evaluation/types'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import type { DossierLifeState, EventType } from '@portal/shared/lifecycle/types'
import { toMs, vietnamDate } from '@portal/shared/lifecycle/working-days'
import type { Statistics, StatisticsCounts, StatisticsGroup, StatisticsGroupBy } from '@portal/shared/statistics/schema'
import { issuedSlips } from '../slips/issued.ts'

export interface CountedDossier {
  id: string
  agencyCode: string
  procedureCode: string
  life: DossierLifeState
}

export interface Names {
  name: string
  nameEn: string
}

export interface StatisticsInput {
  dossiers: readonly CountedDossier[]
  ratings: readonly Rating[]
  procedure: (code: string) => Procedure | undefined
  agency: (code: string) => Names | undefined
  field: (id: string) => Names | undefined
  table: HolidayTable
  now: Date
}

export interface MonthRange {
  groupBy: StatisticsGroupBy
  from: string
  to: string
}

/** A field the catalogue no longer knows (the procedure was removed since). */
export const UNKNOWN_FIELD = ''

const ENDING: readonly EventType[] = ['returnResult', 'refuse', 'withdraw', 'stop']

/** The instant a month (`YYYY-MM`) starts in Vietnam, in ms. */
export const monthStart = (month: string) => toMs(`${month}-01T00:00:00+07:00`)

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m)
  return months
}

const monthOf = (iso: string) => vietnamDate(iso).slice(0, 7)

/**
 * How the catalogue publishes the procedure (index 6): complete with its time limit and fees;
 * with gaps where the source left either unknown. A procedure since removed was published when
 * the dossier was submitted, but how completely is no longer known: with gaps.
 */
function publication(p: Procedure | undefined): EvaluationDossier['publication'] {
  if (!p) return 'incomplete'
  return p.processingTime.options.length > 0 && p.fee.kind !== 'unknown' ? 'complete' : 'incomplete'
}

const zero = (): StatisticsCounts => ({ received: 0, processed: 0, early: 0, onTime: 0, late: 0, inProgress: 0 })

interface Tally {
  agencyCode: string
  month?: string
  field?: string
  counts: StatisticsCounts
}

export function countStatistics(input: StatisticsInput, { groupBy, from, to }: MonthRange): Omit<Statistics, 'computedAt'> {
  const months = monthsBetween(from, to)
  const rangeStart = monthStart(from)
  const now = input.now.getTime()
  // An end not yet reached is now, inclusive (what happened this very millisecond counts).
  const until = (end: number) => Math.min(end, now + 1)
  const rangeEnd = until(monthStart(nextMonth(to)))
  const inRange = (iso: string) => toMs(iso) >= rangeStart && toMs(iso) < rangeEnd

  const tallies = new Map<string, Tally>()
  const tally = (agencyCode: string, month: string | undefined, field: string): Tally => {
    const key: Omit<Tally, 'counts'> = {
      agencyCode,
      ...(groupBy === 'agency-month' ? { month } : {}),
      ...(groupBy === 'agency-field' ? { field } : {}),
    }
    const id = JSON.stringify([key.agencyCode, key.month, key.field])
    let t = tallies.get(id)
    if (!t) tallies.set(id, (t = { ...key, counts: zero() }))
    return t
  }

  const totals = zero()
  const finished: EvaluationDossier[] = []
  for (const d of input.dossiers) {
    const procedure = input.procedure(d.procedureCode)
    const field = procedure?.field ?? UNKNOWN_FIELD
    const { history } = d.life
    const receivedAt = history.find((step) => step.event === 'receive')?.at
    const endedAt = history.find((step) => ENDING.includes(step.event))?.at
    if (receivedAt === undefined) continue

    if (inRange(receivedAt)) {
      tally(d.agencyCode, monthOf(receivedAt), field).counts.received++
      totals.received++
    }

    const facts: DossierFacts = {
      id: d.id,
      agencyCode: d.agencyCode,
      field,
      procedureCode: d.procedureCode,
      onlineService: procedure?.onlineService ?? 'none',
      publication: publication(procedure),
      submittedOnline: true,
      receivedAtOneStop: true,
    }
    const isFinished = d.life.status === 'returned' || d.life.status === 'refused'
    if (isFinished && endedAt !== undefined && inRange(endedAt)) {
      const t = tally(d.agencyCode, monthOf(endedAt), field)
      t.counts.processed++
      totals.processed++
      const oldDueAt = d.life.apologyUsed ? issuedSlips(d.life, input.table).get(4) : undefined
      const judged = evaluationDossier(d.life, { ...facts, ...(oldDueAt?.form === 4 ? { dueBeforeApology: oldDueAt.oldDueAt } : {}) }, input.table)
      if (judged) finished.push(judged)
    }

    // A range (or month) that has not started yet has nothing in progress at its end.
    const openAt = (end: number) => end >= rangeStart && toMs(receivedAt) < end && (endedAt === undefined || toMs(endedAt) >= end)
    if (openAt(rangeEnd)) totals.inProgress++
    if (groupBy === 'agency-month') {
      for (const month of months) {
        if (monthStart(month) > now) break
        if (openAt(until(monthStart(nextMonth(month))))) tally(d.agencyCode, month, field).counts.inProgress++
      }
    } else if (openAt(rangeEnd)) {
      tally(d.agencyCode, undefined, field).counts.inProgress++
    }
  }

  const evaluated = new Map(evaluate(finished, input.ratings, groupBy, { table: input.table }).map((g) => [JSON.stringify([g.key.agencyCode, g.key.month, g.key.field]), g]))
  const groups: StatisticsGroup[] = [...tallies.entries()].map(([id, t]) => {
    const e = evaluated.get(id)
    if (e) Object.assign(t.counts, e.timeliness)
    for (const k of ['early', 'onTime', 'late'] as const) totals[k] += e?.timeliness[k] ?? 0
    const agency = input.agency(t.agencyCode)
    const field = t.field === undefined ? undefined : input.field(t.field)
    return {
      ...t.counts,
      agency: { code: t.agencyCode, name: agency?.name ?? t.agencyCode, nameEn: agency?.nameEn ?? t.agencyCode },
      ...(t.month ? { month: t.month } : {}),
      ...(t.field !== undefined
        ? { field: { code: t.field, name: field?.name ?? 'Lĩnh vực không còn trong danh mục', nameEn: field?.nameEn ?? 'Field no longer in the catalogue' } }
        : {}),
      ratings: e?.ratings ?? { 'very-satisfied': 0, satisfied: 0, unsatisfied: 0 },
      indices: Object.fromEntries(INDEX_KEYS.map((k) => [k, e?.indices[k].points ?? null])) as StatisticsGroup['indices'],
      total: e?.total ?? null,
      grade: e?.grade ?? null,
    }
  })
  groups.sort((a, b) => cmp(a.agency.code, b.agency.code) || cmp(a.month, b.month) || cmp(a.field?.code, b.field?.code))
  return { groupBy, from, to, groups, totals }
}

const cmp = (x = '', y = '') => (x < y ? -1 : x > y ? 1 : 0)
