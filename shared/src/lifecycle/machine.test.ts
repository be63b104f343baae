import { describe, expect, it } from 'vitest'
import { DOSSIER_STATUS, type DossierStatus } from '../dossiers/schema.ts'
import { registered, transition } from './machine.ts'
import { EVENT_TYPES, type EventType, type LifeEvent } from './types.ts'
import { context, run, stateIn, T, validEvent } from './fixtures.test-helpers.ts'

// Written out by hand (not derived from ALLOWED): status → event → resulting status or error code.
const EXPECTED: Record<DossierStatus, Partial<Record<EventType, string>>> = {
  registered: { receive: 'accepted', refuse: 'refused', requestSupplement: 'supplementRequested', withdraw: 'withdrawn' },
  accepted: {
    requestSupplement: 'supplementRequested', startProcessing: 'processing', apologiseLate: 'accepted', withdraw: 'withdrawn', stop: 'stopped',
  },
  processing: {
    refuse: 'refused', requestSupplement: 'supplementRequested', transfer: 'processing', recordOpinion: 'processing',
    requireFees: 'financialObligation', approve: 'processed', apologiseLate: 'processing', stop: 'stopped',
    withdraw: 'withdraw-after-processing',
  },
  supplementRequested: { supplementReceived: 'accepted', withdraw: 'withdrawn', stop: 'stopped' },
  financialObligation: { feesPaid: 'processing', apologiseLate: 'financialObligation', stop: 'stopped', withdraw: 'withdraw-after-processing' },
  processed: { returnResult: 'returned', withdraw: 'withdraw-after-processing' },
  refused: {}, withdrawn: {}, stopped: {}, returned: {},
}

const STATUSES = Object.keys(DOSSIER_STATUS) as DossierStatus[]
const cells = STATUSES.flatMap((status) => EVENT_TYPES.map((event) => ({ status, event, expected: EXPECTED[status][event] ?? 'not-allowed' })))

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze)
    Object.freeze(value)
  }
  return value
}

describe('every state × every event', () => {
  it.each(cells)('$status + $event → $expected', ({ status, event, expected }) => {
    const before = deepFreeze(stateIn(status))
    const r = transition(before, validEvent(event), context)
    if (STATUSES.includes(expected as DossierStatus)) {
      expect(r.ok && r.state.status).toBe(expected)
      if (r.ok) expect(r.state.history.at(-1)).toMatchObject({ event, from: status, to: expected, at: T })
    } else {
      expect(r).toMatchObject({ ok: false, code: expected })
      if (!r.ok) expect(r.message.vi && r.message.en).toBeTruthy()
    }
  })
})

const at = (day: string, hhmm = '09:00') => `${day}T${hhmm}:00+07:00`
const fail = (state: ReturnType<typeof stateIn>, event: LifeEvent) => {
  const r = transition(state, event, context)
  return r.ok ? 'ok' : r.code
}

describe('the rules the law adds', () => {
  it('receive issues Mẫu 01 with the due date, and notifies', () => {
    const r = transition(stateIn('registered'), validEvent('receive', at('2025-03-03')), context)
    expect(r.ok && r.effects).toEqual([
      { kind: 'slip', form: 1, receivedAt: at('2025-03-03'), dueAt: '2025-03-17T17:00:00+07:00' },
      { kind: 'notify-applicant', status: 'accepted' },
    ])
  })

  it('a due date past the holiday table is flagged for the log', () => {
    const r = transition(registered(at('2027-12-20')), validEvent('receive', at('2027-12-20')), context)
    expect(r.ok && r.state.dueBeyondTable).toBe(true)
    expect(r.ok && r.effects).toContainEqual(expect.objectContaining({ kind: 'due-date-uncertain', beyondTable: true }))
  })

  it('refusal and stopping need reasons; supplement requests need every item', () => {
    expect(fail(stateIn('registered'), { type: 'refuse', at: T, reasons: [] })).toBe('reasons-required')
    expect(fail(stateIn('registered'), { type: 'refuse', at: T, reasons: ['ok', ' '] })).toBe('reasons-required')
    expect(fail(stateIn('accepted'), { type: 'stop', at: T, reason: '' })).toBe('reasons-required')
    expect(fail(stateIn('accepted'), { type: 'requestSupplement', at: T, items: [] })).toBe('items-required')
    expect(fail(stateIn('accepted'), { type: 'requestSupplement', at: T, items: [{ description: ' ' }] })).toBe('items-required')
  })

  it('a supplement is requested within 3 working days of receipt (received Mon 3/3 09:00 → until Thu 6/3 17:00)', () => {
    expect(fail(stateIn('processing'), validEvent('requestSupplement', at('2025-03-06', '17:00')))).toBe('ok')
    expect(fail(stateIn('processing'), validEvent('requestSupplement', at('2025-03-06', '17:01')))).toBe('supplement-window-closed')
  })

  it('a supplement restarts the count from the new complete receipt, and returns where it came from', () => {
    const waiting = stateIn('supplementRequested')
    expect(waiting.dueAt).toBeUndefined()
    const back = run(waiting, validEvent('supplementReceived', at('2025-03-10', '16:00')))
    expect(back).toMatchObject({ status: 'accepted', receivedAt: at('2025-03-10', '16:00'), dueAt: '2025-03-25T17:00:00+07:00' })
    expect(back.supplements.at(-1)?.receivedAt).toBe(at('2025-03-10', '16:00'))
    const fromProcessing = run(stateIn('processing'), validEvent('requestSupplement'), validEvent('supplementReceived', at('2025-03-05')))
    expect(fromProcessing).toMatchObject({ status: 'processing', unit: 'H55.242' })
    const fromRegistered = run(stateIn('registered'), validEvent('requestSupplement'), validEvent('supplementReceived'))
    expect(fromRegistered.status).toBe('registered')
  })

  it('a new request after a supplement is measured from the new receipt', () => {
    const again = run(stateIn('supplementRequested'), validEvent('supplementReceived', at('2025-03-05')))
    expect(fail(again, validEvent('requestSupplement', at('2025-03-10', '17:00')))).toBe('ok')
    expect(fail(again, validEvent('requestSupplement', at('2025-03-11')))).toBe('supplement-window-closed')
  })

  it('the applicant may withdraw only before processing', () => {
    const waitingInProcessing = run(stateIn('processing'), validEvent('requestSupplement'))
    expect(fail(waitingInProcessing, validEvent('withdraw'))).toBe('withdraw-after-processing')
    expect(fail(stateIn('supplementRequested'), validEvent('withdraw'))).toBe('ok')
  })

  it('the apology: once, a reason, a later date, at least 1 working day before the due date (due Mon 17/3)', () => {
    const s = stateIn('processing')
    const apology = (when: string, newDueAt = '2025-03-25T17:00:00+07:00', reason = 'Chờ xác minh'): LifeEvent => ({ type: 'apologiseLate', at: when, reason, newDueAt })
    expect(fail(s, apology(at('2025-03-14', '16:59')))).toBe('ok') // Friday is the working day before
    expect(fail(s, apology(at('2025-03-15')))).toBe('apology-too-late')
    expect(fail(s, apology(at('2025-03-14'), '2025-03-17T17:00:00+07:00'))).toBe('new-date-not-later')
    expect(fail(s, apology(at('2025-03-14'), 'next week'))).toBe('invalid-time')
    expect(fail(s, apology(at('2025-03-14'), undefined, ''))).toBe('reasons-required')
    const once = run(s, apology(at('2025-03-10')))
    expect(once).toMatchObject({ apologyUsed: true, dueAt: '2025-03-25T17:00:00+07:00' })
    expect(fail(once, apology(at('2025-03-11'), '2025-03-28T17:00:00+07:00'))).toBe('apology-used')
    const r = transition(s, apology(at('2025-03-10')), context)
    expect(r.ok && r.effects[0]).toEqual({ kind: 'slip', form: 4, reason: 'Chờ xác minh', oldDueAt: '2025-03-17T17:00:00+07:00', newDueAt: '2025-03-25T17:00:00+07:00' })
  })

  it('handovers between units go on the control slip (Mẫu 05); units are codes', () => {
    const r = transition(stateIn('processing'), validEvent('transfer'), context)
    expect(r.ok && r.effects).toEqual([{ kind: 'slip', form: 5, at: T, fromUnit: 'H55.242', toUnit: 'H55.300' }])
    expect(fail(stateIn('processing'), { type: 'transfer', at: T, toUnit: 'H55.242' })).toBe('same-unit')
    expect(fail(stateIn('processing'), { type: 'transfer', at: T, toUnit: 'phòng tư pháp' })).toBe('unit-required')
    expect(fail(stateIn('registered'), { ...validEvent('receive'), unit: '' } as LifeEvent)).toBe('unit-required')
  })

  it('other payloads are checked', () => {
    expect(fail(stateIn('registered'), { type: 'receive', at: T, unit: 'H55.1', processingTime: { amount: -1, unit: 'days' } })).toBe('processing-time-invalid')
    expect(fail(stateIn('processing'), { type: 'recordOpinion', at: T, opinion: '' })).toBe('opinion-required')
    expect(fail(stateIn('processing'), { type: 'requireFees', at: T, amountVnd: 0, description: 'x' })).toBe('fees-invalid')
    expect(fail(stateIn('financialObligation'), { type: 'feesPaid', at: T, paymentRef: '' })).toBe('payment-required')
    expect(fail(stateIn('processed'), { type: 'returnResult', at: T, resultFile: '' })).toBe('result-required')
  })

  it('times must be instants with an offset, and never go backwards', () => {
    expect(fail(stateIn('accepted'), validEvent('startProcessing', '2025-03-04 09:00'))).toBe('invalid-time')
    expect(fail(stateIn('accepted'), validEvent('startProcessing', at('2025-03-03', '08:59')))).toBe('out-of-order')
  })

  it('a result returned after the due date is recorded as late', () => {
    const processed = stateIn('processed')
    const late = run(processed, validEvent('returnResult', at('2025-03-18')))
    expect(late).toMatchObject({ status: 'returned', resultFile: 'results/abc.pdf', returnedLate: true })
    expect(run(processed, validEvent('returnResult')).returnedLate).toBe(false)
  })
})
