import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { registered, transition } from '@portal/shared/lifecycle/machine'
import type { Effect, EventType, LifeEvent } from '@portal/shared/lifecycle/types'
import { dueTimeline, issuedSlips, timeliness, type IssuedSlipOf } from './issued.ts'
import { at, fullLife, lived, RECEIVING_UNIT, table } from './testing.ts'

const tenDays = { amount: 10, unit: 'working-days' } as const
const receive: LifeEvent = { type: 'receive', at: at('02', '09:00'), unit: RECEIVING_UNIT, processingTime: tenDays }

describe('issuedSlips', () => {
  it('issues nothing for a dossier just registered', () => {
    expect(issuedSlips(registered(at('02', '08:30')), table).size).toBe(0)
  })

  it('a receipt issues Mẫu 01 with the receipt time, the due date and the processing time', () => {
    const { state } = lived([receive])
    expect(issuedSlips(state, table).get(1)).toEqual({
      form: 1,
      at: at('02', '09:00'),
      receivedAt: at('02', '09:00'),
      dueAt: at('16', '17:00'),
      processingTime: tenDays,
      unit: RECEIVING_UNIT,
    })
    expect([...issuedSlips(state, table).keys()]).toEqual([1])
  })

  it('a supplement request issues Mẫu 02 with every item; the supplement issues a new Mẫu 01 counted from it', () => {
    const items = [{ componentId: 'c2', description: 'Bản chụp CCCD bị mờ, chụp lại rõ nét' }, { description: 'Bổ sung giấy ủy quyền có chứng thực' }]
    const { state } = lived([receive, { type: 'requestSupplement', at: at('03', '10:00'), items }, { type: 'supplementReceived', at: at('05', '16:00') }])
    const slips = issuedSlips(state, table)
    expect(slips.get(2)).toEqual({ form: 2, at: at('03', '10:00'), items, dueCleared: true })
    // Received Thursday 5/3 after 15:00: the count starts Friday 6/3; its 10th working day after is Friday 20/3.
    expect(slips.get(1)).toMatchObject({ receivedAt: at('05', '16:00'), dueAt: at('20', '17:00') })
  })

  it('a refusal issues Mẫu 03 with each reason, and says whether it came after review', () => {
    const reasons = ['Không thuộc thẩm quyền giải quyết của Sở Tư pháp', 'Người yêu cầu không đủ điều kiện']
    const atCounter = issuedSlips(lived([{ type: 'refuse', at: at('02', '09:00'), reasons }]).state, table).get(3)
    expect(atCounter).toEqual({ form: 3, at: at('02', '09:00'), reasons, afterReview: false })
    const afterReview = lived([receive, { type: 'startProcessing', at: at('02', '10:00'), unit: '000.00.D1.H55' }, { type: 'refuse', at: at('03', '09:00'), reasons }])
    expect(issuedSlips(afterReview.state, table).get(3)).toMatchObject({ reasons, afterReview: true })
  })

  it('an apology issues Mẫu 04 with the reason, the missed date and the new one; Mẫu 01 keeps the first appointment', () => {
    const { state } = lived(fullLife())
    const slips = issuedSlips(state, table)
    expect(slips.get(4)).toEqual({
      form: 4,
      at: at('12', '10:00'),
      reason: 'Chờ kết quả xác minh của Công an tỉnh',
      receivedAt: at('02', '09:00'),
      oldDueAt: at('16', '17:00'),
      newDueAt: at('20', '17:00'),
    })
    expect(slips.get(1)).toMatchObject({ dueAt: at('16', '17:00') })
  })

  it('Mẫu 05 lists every step between units, each handover judged against the due date then in force', () => {
    const slip = issuedSlips(lived(fullLife()).state, table).get(5) as IssuedSlipOf<5>
    expect(slip.steps.map((s) => [s.kind, s.fromUnit, s.toUnit, s.timeliness])).toEqual([
      ['received', undefined, RECEIVING_UNIT, undefined],
      ['handover', RECEIVING_UNIT, '000.00.D1.H55', 'early'],
      ['handover', '000.00.D1.H55', '000.00.D2.H55', 'early'],
      ['handover', '000.00.D2.H55', '000.00.D1.H55', 'early'],
      ['result-ready', '000.00.D1.H55', undefined, 'early'],
      // Returned on the day of the new date, before 17:00.
      ['returned', undefined, undefined, 'on-time'],
    ])
    expect(slip.steps[2]).toMatchObject({ note: 'Xác minh nhân thân', dueAt: at('16', '17:00') })
    expect(slip.steps[5]).toMatchObject({ dueAt: at('20', '17:00') })
    expect(slip).toMatchObject({ unit: '000.00.D1.H55', dueAt: at('20', '17:00') })
  })

  it('a handover after the due date is late', () => {
    const { state } = lived([receive, { type: 'startProcessing', at: at('17', '08:00'), unit: '000.00.D1.H55' }])
    expect((issuedSlips(state, table).get(5) as IssuedSlipOf<5>).steps[1]).toMatchObject({ timeliness: 'late' })
  })
})

describe('timeliness', () => {
  it('is early on an earlier day, on time on the due day until the due time, late after it (Vietnam time)', () => {
    const due = at('16', '17:00')
    expect(timeliness(at('15', '23:59'), due)).toBe('early')
    expect(timeliness('2026-03-15T17:30:00Z', due)).toBe('on-time') // 00:30 on the 16th in Vietnam
    expect(timeliness(at('16', '17:00'), due)).toBe('on-time')
    expect(timeliness(at('16', '17:01'), due)).toBe('late')
  })
})

// Random lives through the machine: the slips read from the state say what the machine's slip
// effects said when it issued them (the latest of each form).
const UNITS = ['000.00.01.H55', '000.00.D1.H55', '000.00.D2.H55', 'H55.242'] as const
const step = fc.record({
  type: fc.constantFrom<EventType>('receive', 'refuse', 'requestSupplement', 'supplementReceived', 'startProcessing', 'transfer', 'recordOpinion', 'requireFees', 'feesPaid', 'approve', 'returnResult', 'apologiseLate'),
  hours: fc.integer({ min: 0, max: 60 }),
  unit: fc.constantFrom(...UNITS),
  days: fc.integer({ min: 1, max: 20 }),
  texts: fc.array(fc.constantFrom('Thiếu tờ khai', 'Ảnh mờ', 'Sai thẩm quyền', 'Chờ xác minh'), { minLength: 1, maxLength: 3 }),
  option: fc.constantFrom({ amount: 5, unit: 'working-days' }, { amount: 0.5, unit: 'working-days' }, { amount: 16, unit: 'hours' }, { amount: 7, unit: 'days' }) as fc.Arbitrary<{ amount: number; unit: 'working-days' | 'days' | 'hours' }>,
})

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never

function eventOf(s: Step, when: string, dueAt: string | undefined): LifeEvent {
  const later = new Date(Date.parse(dueAt ?? when) + s.days * 86_400_000).toISOString()
  switch (s.type) {
    case 'receive': return { type: 'receive', at: when, unit: s.unit, processingTime: s.option }
    case 'refuse': return { type: 'refuse', at: when, reasons: s.texts }
    case 'requestSupplement': return { type: 'requestSupplement', at: when, items: s.texts.map((description, i) => ({ componentId: `c${i}`, description })) }
    case 'startProcessing': return { type: 'startProcessing', at: when, unit: s.unit }
    case 'transfer': return { type: 'transfer', at: when, toUnit: s.unit, note: s.texts[0]! }
    case 'recordOpinion': return { type: 'recordOpinion', at: when, opinion: s.texts[0]! }
    case 'requireFees': return { type: 'requireFees', at: when, amountVnd: 50_000, description: 'Lệ phí' }
    case 'feesPaid': return { type: 'feesPaid', at: when, paymentRef: 'BL-1' }
    case 'returnResult': return { type: 'returnResult', at: when, resultFile: 'f'.repeat(64) }
    case 'apologiseLate': return { type: 'apologiseLate', at: when, reason: s.texts.join(', '), newDueAt: later }
    default: return { type: s.type, at: when } as LifeEvent
  }
}

type Slip = Extract<Effect, { kind: 'slip' }>

describe('slips read from the state match the slips the machine issued', () => {
  it('for random lives', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state = registered(at('02', '08:30'))
        let clock = Date.parse(state.registeredAt)
        const latest = new Map<number, Slip>()
        const handovers: Extract<Slip, { form: 5 }>[] = []
        for (const s of steps) {
          clock += s.hours * 3_600_000
          const r = transition(state, eventOf(s, new Date(clock).toISOString(), state.dueAt), { table })
          if (!r.ok) continue
          state = r.state
          for (const effect of r.effects) {
            if (effect.kind !== 'slip') continue
            latest.set(effect.form, effect)
            if (effect.form === 5) handovers.push(effect)
          }
        }
        const slips = issuedSlips(state, table)
        expect([...slips.keys()].sort()).toEqual([...latest.keys()].sort())
        for (const [form, effect] of latest) {
          const slip = slips.get(form as 1)!
          switch (effect.form) {
            case 1: expect(slip).toMatchObject({ receivedAt: effect.receivedAt, dueAt: effect.dueAt }); break
            case 2: expect(slip).toMatchObject({ items: effect.items }); break
            case 3: expect(slip).toMatchObject({ reasons: effect.reasons }); break
            case 4: {
              expect(slip).toMatchObject({ reason: effect.reason, oldDueAt: effect.oldDueAt })
              // Exact even after a later step replaced it in the state: the history kept it.
              expect((slip as IssuedSlipOf<4>).newDueAt).toBe(effect.newDueAt)
              break
            }
            case 5: {
              const steps = (slip as IssuedSlipOf<5>).steps.filter((x) => x.kind === 'handover')
              expect(steps.map((x) => [x.at, x.fromUnit, x.toUnit])).toEqual(handovers.map((h) => [h.at, h.fromUnit, h.toUnit]))
              break
            }
          }
        }
        expect(dueTimeline(state, table).at(-1)).toBe(state.dueAt)
      }),
      { numRuns: 400 },
    )
  })
})
