/**
 * TT 01/2018 Art. 15 over many dossiers: per group (an agency, or an agency in a month or a
 * field), each index is the average of the points of the dossiers it could judge, rounded to one
 * decimal; the total is the sum of the nine rounded indices (at most 18) and gives the grade:
 * ≥ 15 xuất sắc, ≥ 12 tốt, ≥ 9 khá, ≥ 6 trung bình, below yếu.
 *
 * An index no dossier of the group could judge (no rating yet, no unit time limits) is reported
 * as missing, and the total is scaled to nine indices from those present (sum × 9 / present,
 * one decimal), so a group is not graded down for what nobody measured; `missing` says which
 * indices the total rests without. With no index at all there is no total and no grade.
 *
 * Rounding is half up on exact tenths: the average is computed as 10 × sum / count from whole
 * numbers, so 1.25 is 1.3 and never 1.2 through a floating-point error.
 */
import { vietnamDate } from '../lifecycle/working-days.ts'
import { scoreDossier, timeliness, type EvaluationContext } from './indices.ts'
import { INDEX_KEYS, SATISFACTION_LEVELS, type DossierScores, type EvaluationDossier, type Grade, type IndexKey, type Rating, type SatisfactionLevel } from './types.ts'

export type GroupBy = 'agency' | 'agency-month' | 'agency-field'

export interface GroupKey {
  agencyCode: string
  /** `yyyy-mm` (Vietnam time) of the finish, for 'agency-month'. */
  month?: string
  field?: string
}

export interface IndexResult {
  /** One decimal; null when no dossier of the group could be judged on it. */
  points: number | null
  /** How many dossiers it was judged on. */
  judged: number
}

export interface GroupEvaluation {
  key: GroupKey
  dossiers: number
  /** Finished before the due day, on it, after it (index 1's three outcomes). */
  timeliness: { early: number; onTime: number; late: number }
  ratings: Record<SatisfactionLevel, number>
  indices: Record<IndexKey, IndexResult>
  /** Sum of the indices (scaled to nine when some are missing), one decimal; null with none. */
  total: number | null
  missing: IndexKey[]
  grade: Grade | null
}

export const GRADE_THRESHOLDS: readonly (readonly [number, Grade])[] = [
  [15, 'excellent'],
  [12, 'good'],
  [9, 'fair'],
  [6, 'average'],
]

/** @example gradeOf(14.9) === 'good' */
export function gradeOf(total: number): Grade {
  return GRADE_THRESHOLDS.find(([min]) => total >= min)?.[1] ?? 'weak'
}

/** Tenths, half up, from whole numbers. @example tenths(5, 4) === 1.3 */
export function tenths(sum: number, count: number): number {
  return Math.round((10 * sum) / count) / 10
}

/** The month (Vietnam time) a finished dossier counts in. */
export const monthOf = (d: EvaluationDossier) => vietnamDate(d.finishedAt).slice(0, 7)

function keyOf(d: EvaluationDossier, by: GroupBy): GroupKey {
  if (by === 'agency-month') return { agencyCode: d.agencyCode, month: monthOf(d) }
  if (by === 'agency-field') return { agencyCode: d.agencyCode, field: d.field }
  return { agencyCode: d.agencyCode }
}

/** The rating that counts per dossier: the latest given. */
function latestRatings(ratings: readonly Rating[]): Map<string, Rating> {
  const latest = new Map<string, Rating>()
  for (const r of ratings) {
    const seen = latest.get(r.dossierId)
    if (!seen || Date.parse(r.ratedAt) >= Date.parse(seen.ratedAt)) latest.set(r.dossierId, r)
  }
  return latest
}

type Sums = Record<IndexKey, { sum: number; judged: number }>

const emptySums = (): Sums => Object.fromEntries(INDEX_KEYS.map((k) => [k, { sum: 0, judged: 0 }])) as Sums

function add(sums: Sums, scores: DossierScores): void {
  for (const k of INDEX_KEYS) {
    const points = scores[k]
    if (points === null) continue
    sums[k].sum += points
    sums[k].judged++
  }
}

export type Summary = Pick<GroupEvaluation, 'indices' | 'total' | 'missing' | 'grade'>

function summary(sums: Sums): Summary {
  const indices = Object.fromEntries(
    INDEX_KEYS.map((k) => [k, { points: sums[k].judged ? tenths(sums[k].sum, sums[k].judged) : null, judged: sums[k].judged }]),
  ) as Record<IndexKey, IndexResult>
  const missing = INDEX_KEYS.filter((k) => indices[k].points === null)
  const present = INDEX_KEYS.length - missing.length
  // Sums of tenths, kept whole to add without error.
  const sumTenths = INDEX_KEYS.reduce((sum, k) => sum + Math.round((indices[k].points ?? 0) * 10), 0)
  const total = present === 0 ? null : missing.length === 0 ? sumTenths / 10 : tenths(sumTenths * INDEX_KEYS.length, present * 10)
  return { indices, total, missing, grade: total === null ? null : gradeOf(total) }
}

/** Art. 15 over the points of some dossiers: the indices, the total and the grade. */
export function summarise(scores: readonly DossierScores[]): Summary {
  const sums = emptySums()
  for (const s of scores) add(sums, s)
  return summary(sums)
}

interface Tally {
  key: GroupKey
  dossiers: number
  timeliness: GroupEvaluation['timeliness']
  ratings: Record<SatisfactionLevel, number>
  sums: Sums
}

const emptyTally = (key: GroupKey): Tally => ({
  key,
  dossiers: 0,
  timeliness: { early: 0, onTime: 0, late: 0 },
  ratings: Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, 0])) as Record<SatisfactionLevel, number>,
  sums: emptySums(),
})

const order = (x = '', y = '') => (x < y ? -1 : x > y ? 1 : 0)
const compareKeys = (a: GroupKey, b: GroupKey) => order(a.agencyCode, b.agencyCode) || order(a.month, b.month) || order(a.field, b.field)

/**
 * The evaluation of every group of finished dossiers, ordered by agency (then month or field).
 * Ratings of dossiers not in `dossiers` are ignored.
 *
 * @example evaluate(dossiers, ratings, 'agency-month', { table: HOLIDAYS_2025_2027 })[0].grade
 */
export function evaluate(dossiers: readonly EvaluationDossier[], ratings: readonly Rating[], by: GroupBy, context: EvaluationContext): GroupEvaluation[] {
  const rated = latestRatings(ratings)
  const tallies = new Map<string, Tally>()
  for (const d of dossiers) {
    const key = keyOf(d, by)
    const id = JSON.stringify(key)
    const t = tallies.get(id) ?? emptyTally(key)
    tallies.set(id, t)
    const rating = rated.get(d.id)
    const scores = scoreDossier(d, rating, context)
    t.dossiers++
    const outcome = timeliness(d.finishedAt, d.dueAt)
    t.timeliness[outcome === 2 ? 'early' : outcome === 1 ? 'onTime' : 'late']++
    if (rating) t.ratings[rating.level]++
    add(t.sums, scores)
  }
  return [...tallies.values()]
    .map((t) => ({ key: t.key, dossiers: t.dossiers, timeliness: t.timeliness, ratings: t.ratings, ...summary(t.sums) }))
    .sort((a, b) => compareKeys(a.key, b.key))
}
