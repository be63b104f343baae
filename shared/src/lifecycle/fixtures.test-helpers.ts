/** States and events for the machine's tests: each state reached through the machine itself. */
import { HOLIDAYS_2025_2027 } from './holidays.ts'
import { registered, transition } from './machine.ts'
import type { DossierLifeState, EventType, LifeEvent } from './types.ts'
import type { DossierStatus } from '../dossiers/schema.ts'

export const context = { table: HOLIDAYS_2025_2027 }

export function run(state: DossierLifeState, ...events: LifeEvent[]): DossierLifeState {
  for (const event of events) {
    const r = transition(state, event, context)
    if (!r.ok) throw new Error(`${event.type} from ${state.status}: ${r.code}`)
    state = r.state
  }
  return state
}

const at = (hhmm: string, day = '2025-03-03') => `${day}T${hhmm}:00+07:00`
export const T = at('09:00', '2025-03-04')

/** A valid event of each type at `when` (Tuesday 4/3/2025 by default). */
export function validEvent(type: EventType, when = T): LifeEvent {
  const events: { [K in EventType]: Extract<LifeEvent, { type: K }> } = {
    receive: { type: 'receive', at: when, unit: '000.00.00.H55', processingTime: { amount: 10, unit: 'working-days' } },
    refuse: { type: 'refuse', at: when, reasons: ['Không thuộc thẩm quyền'] },
    requestSupplement: { type: 'requestSupplement', at: when, items: [{ componentId: 'c1', description: 'Bản sao giấy khai sinh' }] },
    supplementReceived: { type: 'supplementReceived', at: when },
    startProcessing: { type: 'startProcessing', at: when, unit: 'H55.242' },
    transfer: { type: 'transfer', at: when, toUnit: 'H55.300' },
    recordOpinion: { type: 'recordOpinion', at: when, opinion: 'Đồng ý' },
    requireFees: { type: 'requireFees', at: when, amountVnd: 50_000, description: 'Lệ phí' },
    feesPaid: { type: 'feesPaid', at: when, paymentRef: 'BL-0001' },
    approve: { type: 'approve', at: when },
    returnResult: { type: 'returnResult', at: when, resultFile: 'results/abc.pdf' },
    apologiseLate: { type: 'apologiseLate', at: when, reason: 'Chờ xác minh', newDueAt: '2025-03-25T17:00:00+07:00' },
    withdraw: { type: 'withdraw', at: when },
    stop: { type: 'stop', at: when, reason: 'Người nộp không bổ sung' },
  }
  return events[type]
}

/** One state of each status, received Monday 3/3/2025 09:00 for 10 working days (due 17/3). */
export function stateIn(status: DossierStatus): DossierLifeState {
  const start = registered(at('08:00'))
  const accepted = () => run(start, validEvent('receive', at('09:00')))
  const processing = () => run(accepted(), validEvent('startProcessing', at('10:00')))
  switch (status) {
    case 'registered': return start
    case 'accepted': return accepted()
    case 'processing': return processing()
    case 'supplementRequested': return run(accepted(), validEvent('requestSupplement', at('11:00')))
    case 'financialObligation': return run(processing(), validEvent('requireFees', at('11:00')))
    case 'processed': return run(processing(), validEvent('approve', at('11:00')))
    case 'refused': return run(start, validEvent('refuse', at('09:00')))
    case 'withdrawn': return run(start, validEvent('withdraw', at('09:00')))
    case 'stopped': return run(accepted(), validEvent('stop', at('11:00')))
    case 'returned': return run(processing(), validEvent('approve', at('11:00')), validEvent('returnResult', at('14:00')))
  }
}
