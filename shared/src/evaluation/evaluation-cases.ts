/**
 * The evaluation cases: worked out by hand from the rules in indices.ts and scoring.ts, checked
 * by evaluation-cases.test.ts, and shown in docs/evaluation.md (the test also checks that the
 * document's two tables are exactly `dossierCasesMarkdown()` and `groupCasesMarkdown()`;
 * regenerate them from there).
 *
 * Every dossier case changes one thing of BASE: received online by the one-stop-shop on Monday
 * 3/3/2025 09:00, handed over at 14:00, due Monday 10/3 17:00 (5 working days), returned
 * Friday 7/3, no supplement, no complaint, a toàn trình procedure published completely.
 */
import type { DossierScores, EvaluationDossier, Grade, Points, Rating, RatingContents } from './types.ts'
import { GRADE_NAMES, INDEX_KEYS } from './types.ts'

export const BASE: EvaluationDossier = {
  id: 'base',
  agencyCode: '000.00.01.H55',
  field: 'ho-tich',
  procedureCode: '1.001193',
  onlineService: 'full',
  submittedOnline: true,
  publication: 'complete',
  receivedAtOneStop: true,
  receivedAt: '2025-03-03T09:00:00+07:00',
  handedOverAt: '2025-03-03T14:00:00+07:00',
  dueAt: '2025-03-10T17:00:00+07:00',
  finishedAt: '2025-03-07T10:00:00+07:00',
  supplementRequests: 0,
  feedback: [],
}

export interface DossierCase {
  why: string
  dossier?: Partial<EvaluationDossier>
  /** The rating's level and contents; absent: not rated. */
  rating?: { level: Rating['level']; contents?: RatingContents }
  /** Points of the nine indices in the order of INDEX_KEYS; null: not judged. */
  expected: (Points | null)[]
}

const VS = 'very-satisfied'
const S = 'satisfied'
const U = 'unsatisfied'

export const DOSSIER_CASES: DossierCase[] = [
  { why: 'BASE, rated Rất hài lòng', rating: { level: VS }, expected: [2, null, 2, 2, 2, 2, 2, 2, 2] },
  { why: 'BASE, not rated: no attitude', expected: [2, null, 2, 2, 2, 2, null, 2, 2] },
  { why: 'returned on the due day, before 17:00: đúng hạn', dossier: { finishedAt: '2025-03-10T16:30:00+07:00' }, expected: [1, null, 2, 2, 2, 2, null, 2, 2] },
  { why: 'returned at 17:01 on the due day: quá hạn', dossier: { finishedAt: '2025-03-10T17:01:00+07:00' }, expected: [0, null, 2, 2, 2, 2, null, 2, 2] },
  {
    why: 'both units finished before their own limits',
    dossier: { units: [{ unit: 'H55.242', dueAt: '2025-03-06T17:00:00+07:00', doneAt: '2025-03-05T10:00:00+07:00' }, { unit: 'H55.300', dueAt: '2025-03-10T11:30:00+07:00', doneAt: '2025-03-06T16:00:00+07:00' }] },
    expected: [2, 2, 2, 2, 2, 2, null, 2, 2],
  },
  {
    why: 'one unit of two past its limit: the slowest counts',
    dossier: { units: [{ unit: 'H55.242', dueAt: '2025-03-05T17:00:00+07:00', doneAt: '2025-03-04T10:00:00+07:00' }, { unit: 'H55.300', dueAt: '2025-03-06T17:00:00+07:00', doneAt: '2025-03-07T08:00:00+07:00' }] },
    expected: [2, 0, 2, 2, 2, 2, null, 2, 2],
  },
  { why: 'a unit without a limit is not judged', dossier: { units: [{ unit: 'H55.242', doneAt: '2025-03-05T10:00:00+07:00' }] }, expected: [2, null, 2, 2, 2, 2, null, 2, 2] },
  { why: 'one supplement request (Mẫu 02)', dossier: { supplementRequests: 1 }, expected: [2, null, 1, 2, 2, 2, null, 2, 2] },
  { why: 'two supplement requests', dossier: { supplementRequests: 2 }, expected: [2, null, 0, 2, 2, 2, null, 2, 2] },
  { why: 'no request, but the applicant says 2 contacts were needed', rating: { level: S, contents: { contactsNeeded: 2 } }, expected: [2, null, 0, 2, 2, 2, 1, 2, 2] },
  { why: 'the applicant says 2 agencies were contacted', rating: { level: S, contents: { agenciesContacted: 2 } }, expected: [2, null, 2, 1, 2, 2, 1, 2, 2] },
  { why: 'the applicant says 3 agencies were contacted', rating: { level: S, contents: { agenciesContacted: 3 } }, expected: [2, null, 2, 0, 2, 2, 1, 2, 2] },
  { why: 'received before 15:00, handed over at 17:30 the same day', dossier: { handedOverAt: '2025-03-03T17:30:00+07:00' }, expected: [2, null, 2, 2, 1, 2, null, 2, 2] },
  { why: 'received at 15:30, handed over the next morning at 11:00', dossier: { receivedAt: '2025-03-03T15:30:00+07:00', handedOverAt: '2025-03-04T11:00:00+07:00' }, expected: [2, null, 2, 2, 2, 2, null, 2, 2] },
  { why: 'received at 15:30, handed over the next day at 13:00', dossier: { receivedAt: '2025-03-03T15:30:00+07:00', handedOverAt: '2025-03-04T13:00:00+07:00' }, expected: [2, null, 2, 2, 1, 2, null, 2, 2] },
  { why: 'received Friday 16:00, handed over Monday 09:00', dossier: { receivedAt: '2025-02-28T16:00:00+07:00', handedOverAt: '2025-03-03T09:00:00+07:00' }, expected: [2, null, 2, 2, 2, 2, null, 2, 2] },
  { why: 'decided at the one-stop-shop itself (no handover)', dossier: { handedOverAt: undefined }, expected: [2, null, 2, 2, 2, 2, null, 2, 2] },
  { why: 'not received through the one-stop-shop', dossier: { receivedAtOneStop: false }, expected: [2, null, 2, 2, 0, 2, null, 2, 2] },
  { why: 'the procedure published with gaps', dossier: { publication: 'incomplete' }, expected: [2, null, 2, 2, 2, 1, null, 2, 2] },
  { why: 'published completely, but the applicant found it inaccurate', rating: { level: S, contents: { publishedInformation: U } }, expected: [2, null, 2, 2, 2, 0, 1, 2, 2] },
  { why: 'Hài lòng overall, staff attitude Chưa hài lòng', rating: { level: S, contents: { staffAttitude: U } }, expected: [2, null, 2, 2, 2, 2, 0, 2, 2] },
  { why: 'Chưa hài lòng overall', rating: { level: U }, expected: [2, null, 2, 2, 2, 2, 0, 2, 2] },
  {
    why: 'a complaint answered after its due date',
    dossier: { feedback: [{ receivedAt: '2025-03-04T08:00:00+07:00', dueAt: '2025-03-05T17:00:00+07:00', answeredAt: '2025-03-06T09:00:00+07:00' }] },
    expected: [2, null, 2, 2, 2, 2, null, 1, 2],
  },
  { why: 'a complaint never answered', dossier: { feedback: [{ receivedAt: '2025-03-04T08:00:00+07:00', dueAt: '2025-03-05T17:00:00+07:00' }] }, expected: [2, null, 2, 2, 2, 2, null, 0, 2] },
  { why: 'complaints not tracked, nothing rated about them', dossier: { feedback: undefined }, expected: [2, null, 2, 2, 2, 2, null, null, 2] },
  { why: 'complaints not tracked, explanations rated Hài lòng', dossier: { feedback: undefined }, rating: { level: VS, contents: { explanations: S } }, expected: [2, null, 2, 2, 2, 2, 2, 1, 2] },
  { why: 'a một phần procedure', dossier: { onlineService: 'partial' }, expected: [2, null, 2, 2, 2, 2, null, 2, 1] },
  { why: 'no online service for the procedure', dossier: { onlineService: 'none', submittedOnline: false }, expected: [2, null, 2, 2, 2, 2, null, 2, 0] },
  { why: 'submitted online, the online service rated Hài lòng', rating: { level: VS, contents: { onlineService: S } }, expected: [2, null, 2, 2, 2, 2, 2, 2, 1] },
  { why: 'submitted in person: the online service’s rating is not its to give', dossier: { submittedOnline: false }, rating: { level: VS, contents: { onlineService: U } }, expected: [2, null, 2, 2, 2, 2, 2, 2, 2] },
]

export interface GroupCase {
  why: string
  /** Each dossier's points, in the order of INDEX_KEYS. */
  dossiers: (Points | null)[][]
  indices: (number | null)[]
  total: number | null
  grade: Grade | null
}

const all = (p: Points): Points[] => INDEX_KEYS.map(() => p)

export const GROUP_CASES: GroupCase[] = [
  { why: 'every index at 2: the maximum', dossiers: [all(2)], indices: all(2), total: 18, grade: 'excellent' },
  {
    why: 'averages over dossiers, one decimal: 5/4 = 1.25 → 1.3 (half up)',
    dossiers: [
      [2, 2, 2, 2, 2, 2, 2, 2, 2],
      [1, 2, 2, 2, 2, 2, 1, 2, 2],
      [1, 2, 1, 2, 2, 2, 1, 2, 2],
      [1, 2, 2, 2, 2, 2, 2, 2, 2],
    ],
    indices: [1.3, 2, 1.8, 2, 2, 2, 1.5, 2, 2],
    total: 16.6,
    grade: 'excellent',
  },
  {
    why: 'an index counts only the dossiers it could judge (attitude: the rated one)',
    dossiers: [
      [2, 1, 2, 2, 2, 2, 0, 2, 2],
      [0, 1, 2, 2, 2, 2, null, 2, 2],
    ],
    indices: [1, 1, 2, 2, 2, 2, 0, 2, 2],
    total: 14,
    grade: 'good',
  },
  {
    why: 'unit time never judged: the total is scaled from 8 indices (13.5 × 9 / 8)',
    dossiers: [
      [2, null, 2, 2, 2, 2, 1, 2, 1],
      [1, null, 1, 2, 2, 2, 2, 2, 1],
    ],
    indices: [1.5, null, 1.5, 2, 2, 2, 1.5, 2, 1],
    total: 15.2,
    grade: 'excellent',
  },
  { why: 'total 12: tốt', dossiers: [[2, 2, 2, 2, 2, 2, 0, 0, 0]], indices: [2, 2, 2, 2, 2, 2, 0, 0, 0], total: 12, grade: 'good' },
  { why: 'total 11: khá', dossiers: [[2, 2, 2, 2, 2, 1, 0, 0, 0]], indices: [2, 2, 2, 2, 2, 1, 0, 0, 0], total: 11, grade: 'fair' },
  { why: 'total 6: trung bình', dossiers: [[2, 2, 2, 0, 0, 0, 0, 0, 0]], indices: [2, 2, 2, 0, 0, 0, 0, 0, 0], total: 6, grade: 'average' },
  { why: 'total 5: yếu', dossiers: [[2, 2, 1, 0, 0, 0, 0, 0, 0]], indices: [2, 2, 1, 0, 0, 0, 0, 0, 0], total: 5, grade: 'weak' },
]

/** A case's dossier: BASE with the case's changes (an `undefined` change removes the field). */
export function caseDossier(c: DossierCase): EvaluationDossier {
  const merged = { ...BASE, ...c.dossier }
  for (const [key, value] of Object.entries(c.dossier ?? {})) if (value === undefined) delete (merged as Record<string, unknown>)[key]
  return merged
}

export function caseRating(c: DossierCase): Rating | undefined {
  return c.rating && { dossierId: BASE.id, ratedAt: '2025-03-08T09:00:00+07:00', ...c.rating }
}

const cell = (p: number | null) => (p === null ? '—' : String(p))
const header = INDEX_KEYS.map((_, i) => ` ${i + 1} `).join('|')

/** The dossier cases as the Markdown table of docs/evaluation.md. */
export function dossierCasesMarkdown(): string {
  const rows = DOSSIER_CASES.map((c) => `| ${c.why} |${c.expected.map((p) => ` ${cell(p)} `).join('|')}|`)
  return [`| Case |${header}|`, `|---|${INDEX_KEYS.map(() => '---').join('|')}|`, ...rows].join('\n')
}

/** Expected as scores keyed by index. */
export function expectedScores(c: DossierCase): DossierScores {
  return Object.fromEntries(INDEX_KEYS.map((k, i) => [k, c.expected[i] ?? null])) as DossierScores
}

/** The group cases as the Markdown table of docs/evaluation.md. */
export function groupCasesMarkdown(): string {
  const rows = GROUP_CASES.map(
    (c) =>
      `| ${c.why} | ${c.dossiers.map((d) => d.map(cell).join(' ')).join('<br>')} | ${c.indices.map(cell).join(' ')} | ${cell(c.total)} | ${c.grade ? GRADE_NAMES[c.grade].vi : '—'} |`,
  )
  return ['| Case | Dossiers’ points (indices 1–9) | Indices | Total | Grade |', '|---|---|---|---|---|', ...rows].join('\n')
}
