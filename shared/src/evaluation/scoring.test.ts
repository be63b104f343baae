import { describe, expect, it } from 'vitest'
import { HOLIDAYS_2025_2027 } from '../lifecycle/holidays.ts'
import { BASE } from './evaluation-cases.ts'
import { evaluate, gradeOf, tenths } from './scoring.ts'
import type { EvaluationDossier, Rating } from './types.ts'

const context = { table: HOLIDAYS_2025_2027 }
const dossier = (id: string, over: Partial<EvaluationDossier> = {}): EvaluationDossier => ({ ...BASE, id, ...over })
const rating = (dossierId: string, level: Rating['level'], ratedAt = '2025-03-08T09:00:00+07:00'): Rating => ({ dossierId, level, ratedAt })

const SO_TU_PHAP = '000.00.01.H55'
const PHUONG = '000.00.D8.H55'

describe('evaluate', () => {
  const dossiers = [
    dossier('a'),
    dossier('b', { finishedAt: '2025-03-10T16:00:00+07:00' }),
    dossier('c', { agencyCode: PHUONG, field: 'chung-thuc', finishedAt: '2025-03-31T23:30:00+07:00', dueAt: '2025-03-28T17:00:00+07:00' }),
    // 23:30 UTC on 31/3 is 06:30 on 1/4 in Vietnam: an April dossier.
    dossier('d', { field: 'ly-lich-tu-phap', finishedAt: '2025-03-31T23:30:00Z', dueAt: '2025-04-02T17:00:00+07:00' }),
  ]
  const ratings = [rating('a', 'very-satisfied'), rating('b', 'unsatisfied'), rating('nobody', 'unsatisfied')]

  it('per agency: counts, timeliness, ratings and the indices of its dossiers', () => {
    const [soTuPhap, phuong] = evaluate(dossiers, ratings, 'agency', context)
    expect(phuong!.key).toEqual({ agencyCode: PHUONG })
    expect(phuong!.timeliness).toEqual({ early: 0, onTime: 0, late: 1 })
    expect(soTuPhap).toMatchObject({
      key: { agencyCode: SO_TU_PHAP },
      dossiers: 3,
      timeliness: { early: 2, onTime: 1, late: 0 },
      ratings: { 'very-satisfied': 1, satisfied: 0, unsatisfied: 1 },
    })
    // Index 1: 2, 1, 2 → 1.7; attitude: 2 and 0 of the two rated → 1; unit time never judged.
    expect(soTuPhap!.indices.totalTime).toEqual({ points: 1.7, judged: 3 })
    expect(soTuPhap!.indices.attitude).toEqual({ points: 1, judged: 2 })
    expect(soTuPhap!.indices.unitTime).toEqual({ points: null, judged: 0 })
    expect(soTuPhap!.missing).toEqual(['unitTime'])
    // 1.7 + 2 + 2 + 2 + 2 + 1 + 2 + 2 = 14.7 over 8 indices → 16.5375 → 16.5
    expect(soTuPhap!.total).toBe(16.5)
    expect(soTuPhap!.grade).toBe('excellent')
  })

  it('per agency and month of the finish, in Vietnam time', () => {
    const groups = evaluate(dossiers, ratings, 'agency-month', context)
    expect(groups.map((g) => [g.key, g.dossiers])).toEqual([
      [{ agencyCode: SO_TU_PHAP, month: '2025-03' }, 2],
      [{ agencyCode: SO_TU_PHAP, month: '2025-04' }, 1],
      [{ agencyCode: PHUONG, month: '2025-03' }, 1],
    ])
  })

  it('per agency and field', () => {
    const groups = evaluate(dossiers, ratings, 'agency-field', context)
    expect(groups.map((g) => [g.key, g.dossiers])).toEqual([
      [{ agencyCode: SO_TU_PHAP, field: 'ho-tich' }, 2],
      [{ agencyCode: SO_TU_PHAP, field: 'ly-lich-tu-phap' }, 1],
      [{ agencyCode: PHUONG, field: 'chung-thuc' }, 1],
    ])
  })

  it('takes the later of two ratings of one dossier, whatever their order', () => {
    const twice = [rating('a', 'unsatisfied', '2025-03-09T09:00:00+07:00'), rating('a', 'satisfied', '2025-03-08T09:00:00+07:00')]
    const [group] = evaluate([dossier('a')], twice, 'agency', context)
    expect(group!.ratings).toEqual({ 'very-satisfied': 0, satisfied: 0, unsatisfied: 1 })
    expect(group!.indices.attitude.points).toBe(0)
  })

  it('gives nothing for no dossiers', () => {
    expect(evaluate([], ratings, 'agency', context)).toEqual([])
  })
})

describe('rounding and grades', () => {
  it('rounds half up on exact tenths', () => {
    expect(tenths(5, 4)).toBe(1.3)
    expect(tenths(7, 4)).toBe(1.8)
    expect(tenths(1, 3)).toBe(0.3)
    expect(tenths(2, 3)).toBe(0.7)
    expect(tenths(29, 20)).toBe(1.5)
  })

  it('grades at the thresholds of Art. 15', () => {
    expect([18, 15, 14.9, 12, 11.9, 9, 8.9, 6, 5.9, 0].map(gradeOf)).toEqual(['excellent', 'excellent', 'good', 'good', 'fair', 'fair', 'average', 'average', 'weak', 'weak'])
  })
})
