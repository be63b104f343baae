/**
 * The statistics against a set of dossiers counted by hand. Every life is made by the shared
 * state machine (never written by hand); 5 working days each, so a dossier received on a working
 * day before 17:00 is due at 17:00 five working days later (no holiday falls in March 2026).
 *
 *   agency A (Sở Tư pháp)                                      agency B (UBND phường)
 *   d1 recv Mon 2/3, returned Thu 5/3 (due 9/3): early, rated Rất hài lòng
 *   d2 recv Tue 3/3, returned Tue 10/3 16:00 (due 10/3 17:00): on time
 *   d3 recv Wed 4/3, returned Thu 12/3 (due 11/3): late, rated Chưa hài lòng
 *   d4 recv Fri 27/3, returned Wed 1/4 (due 3/4): early, in April
 *   d5 recv Mon 30/3, still processing
 *   d6 recv Mon 2/3, withdrawn Wed 4/3
 *   d7 submitted 5/3, never received: counted nowhere
 *   d9 recv Fri 27/2 (before the range), returned Mon 9/3 (due 6/3): late; field Đất đai
 *                                                              d8 recv 10/3, refused after review 12/3: early
 *                                                              d10 recv 16/3 (due 23/3), apology (new date
 *                                                                  27/3), returned 25/3: late all the same
 *
 * Range March–April 2026, now Wednesday 15/4 10:00.
 */
import { describe, expect, it } from 'vitest'
import type { Rating } from '@portal/shared/evaluation/types'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import { procedure } from '../testing/fixtures.ts'
import { lived, table } from '../slips/testing.ts'
import { countStatistics, type CountedDossier, type StatisticsInput } from './count.ts'

const A = '000.00.01.H55'
const B = '000.00.D8.H55'
const vn = (day: string, hhmm = '09:00') => `2026-${day}T${hhmm}:00+07:00`
const five = { amount: 5, unit: 'working-days' } as const

const civil = procedure({ code: '2.000488', field: 'ho-tich', onlineService: 'full' })
const land = procedure({ code: '1.012345', field: 'dat-dai', onlineService: 'full' })
const certify = procedure({ code: '1.000001', field: 'chung-thuc', onlineService: 'full' })
const procedures = new Map([civil, land, certify].map((p) => [p.code, p]))

const receive = (day: string, unit = A): LifeEvent => ({ type: 'receive', at: vn(day), unit, processingTime: five })
const start = (day: string, unit = A): LifeEvent => ({ type: 'startProcessing', at: vn(day, '14:00'), unit })
const done = (day: string, hhmm = '10:00'): LifeEvent[] => [
  { type: 'approve', at: vn(day, hhmm === '10:00' ? '08:00' : '15:00') },
  { type: 'returnResult', at: vn(day, hhmm), resultFile: 'a'.repeat(64) },
]

function dossier(id: string, agencyCode: string, p: typeof civil, registeredAt: string, events: LifeEvent[]): CountedDossier {
  return { id, agencyCode, procedureCode: p.code, life: lived(events, registeredAt).state }
}

const DOSSIERS: CountedDossier[] = [
  dossier('d1', A, civil, vn('03-02', '08:00'), [receive('03-02'), start('03-02'), ...done('03-05')]),
  dossier('d2', A, civil, vn('03-03', '08:00'), [receive('03-03'), start('03-03'), ...done('03-10', '16:00')]),
  dossier('d3', A, civil, vn('03-04', '08:00'), [receive('03-04'), start('03-04'), ...done('03-12')]),
  dossier('d4', A, civil, vn('03-27', '08:00'), [receive('03-27'), start('03-27'), ...done('04-01')]),
  dossier('d5', A, civil, vn('03-30', '08:00'), [receive('03-30'), start('03-30')]),
  dossier('d6', A, civil, vn('03-02', '08:00'), [{ type: 'receive', at: vn('03-02', '10:00'), unit: A, processingTime: five }, { type: 'withdraw', at: vn('03-04') }]),
  dossier('d7', A, civil, vn('03-05', '08:00'), []),
  dossier('d9', A, land, vn('02-27', '08:00'), [receive('02-27'), start('02-27'), ...done('03-09')]),
  dossier('d8', B, certify, vn('03-10', '08:00'), [receive('03-10', B), start('03-10', B), { type: 'refuse', at: vn('03-12', '15:00'), reasons: ['Không đủ điều kiện'] }]),
  dossier('d10', B, certify, vn('03-16', '08:00'), [
    receive('03-16', B),
    start('03-16', B),
    { type: 'apologiseLate', at: vn('03-20'), reason: 'Chờ xác minh', newDueAt: vn('03-27', '17:00') },
    ...done('03-25'),
  ]),
]

const RATINGS: Rating[] = [
  { dossierId: 'd1', level: 'very-satisfied', ratedAt: vn('03-06') },
  { dossierId: 'd3', level: 'unsatisfied', ratedAt: vn('03-13') },
]

const NAMES: Record<string, { name: string; nameEn: string }> = {
  [A]: { name: 'Sở Tư pháp tỉnh Thái Nguyên', nameEn: 'Department of Justice' },
  [B]: { name: 'UBND phường Phan Đình Phùng', nameEn: 'Phan Dinh Phung Ward' },
  'ho-tich': { name: 'Hộ tịch', nameEn: 'Civil status' },
  'dat-dai': { name: 'Đất đai', nameEn: 'Land' },
  'chung-thuc': { name: 'Chứng thực', nameEn: 'Certification' },
}

const input: StatisticsInput = {
  dossiers: DOSSIERS,
  ratings: RATINGS,
  procedure: (code) => procedures.get(code),
  agency: (code) => NAMES[code],
  field: (id) => NAMES[id],
  table,
  now: new Date(vn('04-15', '10:00')),
}

const counts = (s: ReturnType<typeof countStatistics>) =>
  s.groups.map((g) => [g.agency.code, g.month ?? g.field?.code ?? '', g.received, g.processed, g.early, g.onTime, g.late, g.inProgress])

describe('countStatistics', () => {
  it('the due dates the hand count rests on', () => {
    expect(DOSSIERS.find((d) => d.id === 'd1')!.life.dueAt).toBe(vn('03-09', '17:00'))
    expect(DOSSIERS.find((d) => d.id === 'd2')!.life.dueAt).toBe(vn('03-10', '17:00'))
    expect(DOSSIERS.find((d) => d.id === 'd3')!.life.dueAt).toBe(vn('03-11', '17:00'))
    expect(DOSSIERS.find((d) => d.id === 'd9')!.life.dueAt).toBe(vn('03-06', '17:00'))
    // After the apology the life holds the new appointment; the statistics judge the old one.
    expect(DOSSIERS.find((d) => d.id === 'd10')!.life.dueAt).toBe(vn('03-27', '17:00'))
  })

  it('per agency: received, processed (early, on time, late) and in progress now, with ratings and indices', () => {
    const s = countStatistics(input, { groupBy: 'agency', from: '2026-03', to: '2026-04' })
    //                    agency  —  recv proc early onTime late open
    expect(counts(s)).toEqual([
      [A, '', 6, 5, 2, 1, 2, 1],
      [B, '', 2, 2, 1, 0, 1, 0],
    ])
    expect(s.totals).toEqual({ received: 8, processed: 7, early: 3, onTime: 1, late: 3, inProgress: 1 })
    const [a] = s.groups
    expect(a!.agency).toEqual({ code: A, ...NAMES[A] })
    expect(a!.ratings).toEqual({ 'very-satisfied': 1, satisfied: 0, unsatisfied: 1 })
    // Index 1 over d1, d2, d3, d4, d9: 2 + 1 + 0 + 2 + 0 = 5 / 5; attitude: the two rated, 2 and 0.
    expect(a!.indices.totalTime).toBe(1)
    expect(a!.indices.attitude).toBe(1)
    expect(a!.indices.unitTime).toBeNull()
    expect(a!.total).not.toBeNull()
    expect(s.groups[1]!.indices.attitude).toBeNull()
  })

  it('per agency and month: received in the month of receipt, processed in the month of finish, in progress at each month’s end', () => {
    const s = countStatistics(input, { groupBy: 'agency-month', from: '2026-03', to: '2026-04' })
    expect(counts(s)).toEqual([
      // d4 and d5 were open when March ended; only d5 is now.
      [A, '2026-03', 6, 4, 1, 1, 2, 2],
      [A, '2026-04', 0, 1, 1, 0, 0, 1],
      [B, '2026-03', 2, 2, 1, 0, 1, 0],
    ])
    expect(s.totals).toEqual({ received: 8, processed: 7, early: 3, onTime: 1, late: 3, inProgress: 1 })
  })

  it('per agency and field, with the fields’ names', () => {
    const s = countStatistics(input, { groupBy: 'agency-field', from: '2026-03', to: '2026-04' })
    expect(counts(s)).toEqual([
      [A, 'dat-dai', 0, 1, 0, 0, 1, 0],
      [A, 'ho-tich', 6, 4, 2, 1, 1, 1],
      [B, 'chung-thuc', 2, 2, 1, 0, 1, 0],
    ])
    expect(s.groups.map((g) => g.field?.name)).toEqual(['Đất đai', 'Hộ tịch', 'Chứng thực'])
  })

  it('counts only what falls in the range', () => {
    expect(counts(countStatistics(input, { groupBy: 'agency', from: '2026-02', to: '2026-02' }))).toEqual([[A, '', 1, 0, 0, 0, 0, 1]])
    expect(counts(countStatistics(input, { groupBy: 'agency', from: '2026-04', to: '2026-04' }))).toEqual([[A, '', 0, 1, 1, 0, 0, 1]])
    // Months still to come: nothing received or processed, and nothing "in progress" at their end yet.
    expect(counts(countStatistics(input, { groupBy: 'agency-month', from: '2026-05', to: '2026-06' }))).toEqual([])
    expect(countStatistics(input, { groupBy: 'agency', from: '2026-05', to: '2026-06' }).totals.inProgress).toBe(0)
    expect(countStatistics({ ...input, dossiers: [] }, { groupBy: 'agency', from: '2026-03', to: '2026-04' }).groups).toEqual([])
  })
})
