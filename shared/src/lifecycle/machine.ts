/**
 * The dossier's life in the one-stop-shop (NĐ 61/2018 Arts. 17–20, TT 01/2018 slips Mẫu 01–05):
 * one state machine, pure. `transition(state, event, context)` answers either the new state and
 * the effects the caller must carry out (issue a slip, notify the applicant, log an uncertain due
 * date), or a refusal with a stable code and a message in Vietnamese and English. It never
 * mutates its input and never reads the clock: every event carries its own time, and times must
 * not go backwards.
 *
 * States are the status codes of domain.md §3 (DOSSIER_STATUS). Which event each state accepts is
 * the table ALLOWED below; refused, withdrawn, stopped and returned are final. The rules the law
 * adds on top of the table (docs/lifecycle.md explains each):
 * - refusal and stopping need reasons (Mẫu 03); a supplement request lists every item at once
 *   (Mẫu 02), and after receipt only within 3 working days of it — once per receipt by
 *   construction, since the supplement that answers it is itself a new receipt;
 * - a supplement restarts the count from the new complete receipt (new Mẫu 01);
 * - the apology (Mẫu 04) comes at least 1 working day before the due date, with a reason and a
 *   later date, and at most once per dossier;
 * - the applicant may withdraw only before processing starts;
 * - every handover between units is an entry of the control slip (Mẫu 05).
 */
import type { DossierStatus } from '../dossiers/schema.ts'
import type { HolidayTable } from './holidays.ts'
import { LIFECYCLE_ERRORS, type LifecycleErrorCode } from './messages.ts'
import type { DossierLifeState, Effect, EventType, HistoryEntry, LifeEvent, SupplementItem, TransitionResult } from './types.ts'
import { UNIT_CODE } from './types.ts'
import { dueDate, previousWorkingDay, toMs, vietnamDate, type DueDate, type ProcessingTimeRule } from './working-days.ts'

export interface LifecycleContext {
  table: HolidayTable
}

export const FINAL_STATUSES: readonly DossierStatus[] = ['refused', 'withdrawn', 'stopped', 'returned']

export const ALLOWED: Readonly<Record<DossierStatus, readonly EventType[]>> = {
  registered: ['receive', 'refuse', 'requestSupplement', 'withdraw'],
  accepted: ['requestSupplement', 'startProcessing', 'apologiseLate', 'withdraw', 'stop'],
  processing: ['refuse', 'requestSupplement', 'transfer', 'recordOpinion', 'requireFees', 'approve', 'apologiseLate', 'stop'],
  supplementRequested: ['supplementReceived', 'withdraw', 'stop'],
  financialObligation: ['feesPaid', 'apologiseLate', 'stop'],
  processed: ['returnResult'],
  refused: [],
  withdrawn: [],
  stopped: [],
  returned: [],
}

/** NĐ 61/2018: a supplement request goes out no later than 3 working days after receipt. */
export const SUPPLEMENT_WINDOW: ProcessingTimeRule = { amount: 3, unit: 'working-days' }

/** A dossier just submitted (status 1, Mới đăng ký). */
export function registered(at: string): DossierLifeState {
  return { status: 'registered', registeredAt: at, apologyUsed: false, supplements: [], history: [] }
}

function fail(code: LifecycleErrorCode): TransitionResult {
  return { ok: false, code, message: LIFECYCLE_ERRORS[code] }
}

const filled = (text: string | undefined): text is string => typeof text === 'string' && text.trim().length > 0

function validInstant(text: string): boolean {
  try {
    toMs(text)
    return true
  } catch {
    return false
  }
}

function validProcessingTime(p: ProcessingTimeRule | undefined): p is ProcessingTimeRule {
  return !!p && Number.isFinite(p.amount) && p.amount >= 0 && ['working-days', 'days', 'hours'].includes(p.unit)
}

function validItems(items: SupplementItem[] | undefined): boolean {
  return Array.isArray(items) && items.length > 0 && items.every((i) => filled(i.description))
}

/** Applies a due date to the state and says whether to log it. */
function withDue(due: DueDate): { patch: Partial<DossierLifeState>; effects: Effect[] } {
  const uncertain = due.beyondTable || due.provisional.length > 0
  return {
    patch: { dueAt: due.dueAt, dueBeyondTable: due.beyondTable, dueProvisional: due.provisional },
    effects: uncertain ? [{ kind: 'due-date-uncertain', dueAt: due.dueAt, beyondTable: due.beyondTable, provisional: due.provisional }] : [],
  }
}

function move(
  state: DossierLifeState,
  event: LifeEvent,
  to: DossierStatus,
  patch: Partial<DossierLifeState>,
  effects: Effect[],
  note?: string,
): TransitionResult {
  const next: DossierLifeState = { ...state, ...patch, status: to }
  const entry: HistoryEntry = { at: event.at, event: event.type, from: state.status, to, dueAt: next.dueAt ?? null }
  if (next.unit) entry.unit = next.unit
  if (note) entry.note = note
  next.history = [...state.history, entry]
  if (to !== state.status) effects.push({ kind: 'notify-applicant', status: to })
  return { ok: true, state: next, effects }
}

const CLEARED_DUE = { dueAt: undefined, dueBeyondTable: undefined, dueProvisional: undefined }

/** The pure transition function. */
export function transition(state: DossierLifeState, event: LifeEvent, context: LifecycleContext): TransitionResult {
  if (event.type === 'withdraw' && ['processing', 'financialObligation', 'processed'].includes(state.status)) {
    return fail('withdraw-after-processing')
  }
  if (!ALLOWED[state.status].includes(event.type)) return fail('not-allowed')
  if (!validInstant(event.at)) return fail('invalid-time')
  const last = state.history.at(-1)?.at ?? state.registeredAt
  if (toMs(event.at) < toMs(last)) return fail('out-of-order')
  const { table } = context

  switch (event.type) {
    case 'receive': {
      if (!UNIT_CODE.test(event.unit)) return fail('unit-required')
      if (!validProcessingTime(event.processingTime)) return fail('processing-time-invalid')
      const due = withDue(dueDate(event.at, event.processingTime, table))
      const patch = { ...due.patch, receivedAt: event.at, processingTime: event.processingTime, unit: event.unit }
      const slip: Effect = { kind: 'slip', form: 1, receivedAt: event.at, dueAt: due.patch.dueAt! }
      return move(state, event, 'accepted', patch, [slip, ...due.effects])
    }
    case 'refuse': {
      const given = event.reasons ?? []
      const reasons = given.filter(filled).map((r) => r.trim())
      if (reasons.length === 0 || reasons.length !== given.length) return fail('reasons-required')
      return move(state, event, 'refused', {}, [{ kind: 'slip', form: 3, reasons }], reasons.join('; '))
    }
    case 'requestSupplement': {
      if (!validItems(event.items)) return fail('items-required')
      const from = state.status as 'registered' | 'accepted' | 'processing'
      if (from !== 'registered' && state.receivedAt) {
        if (toMs(event.at) > toMs(dueDate(state.receivedAt, SUPPLEMENT_WINDOW, table).dueAt)) return fail('supplement-window-closed')
      }
      const record = { requestedAt: event.at, items: event.items, from }
      return move(state, event, 'supplementRequested', { ...CLEARED_DUE, supplements: [...state.supplements, record] }, [
        { kind: 'slip', form: 2, items: event.items },
      ])
    }
    case 'supplementReceived': {
      const open = state.supplements.at(-1)!
      const supplements = [...state.supplements.slice(0, -1), { ...open, receivedAt: event.at }]
      if (open.from === 'registered') return move(state, event, 'registered', { supplements }, [])
      const due = withDue(dueDate(event.at, state.processingTime!, table))
      const slip: Effect = { kind: 'slip', form: 1, receivedAt: event.at, dueAt: due.patch.dueAt! }
      return move(state, event, open.from, { ...due.patch, supplements, receivedAt: event.at }, [slip, ...due.effects])
    }
    case 'startProcessing':
    case 'transfer': {
      const toUnit = event.type === 'transfer' ? event.toUnit : event.unit
      if (!UNIT_CODE.test(toUnit)) return fail('unit-required')
      if (event.type === 'transfer' && toUnit === state.unit) return fail('same-unit')
      const slip: Effect = { kind: 'slip', form: 5, at: event.at, toUnit, ...(state.unit ? { fromUnit: state.unit } : {}) }
      const note = event.type === 'transfer' ? event.note : undefined
      return move(state, event, 'processing', { unit: toUnit }, [slip], note)
    }
    case 'recordOpinion':
      if (!filled(event.opinion)) return fail('opinion-required')
      return move(state, event, 'processing', {}, [], event.opinion.trim())
    case 'requireFees':
      if (!Number.isInteger(event.amountVnd) || event.amountVnd <= 0 || !filled(event.description)) return fail('fees-invalid')
      return move(state, event, 'financialObligation', {}, [], `${event.amountVnd} VND: ${event.description.trim()}`)
    case 'feesPaid':
      if (!filled(event.paymentRef)) return fail('payment-required')
      return move(state, event, 'processing', {}, [], event.paymentRef.trim())
    case 'approve':
      return move(state, event, 'processed', {}, [])
    case 'returnResult': {
      if (!filled(event.resultFile)) return fail('result-required')
      const late = !!state.dueAt && toMs(event.at) > toMs(state.dueAt)
      return move(state, event, 'returned', { resultFile: event.resultFile, returnedLate: late }, [])
    }
    case 'apologiseLate': {
      if (state.apologyUsed) return fail('apology-used')
      if (!filled(event.reason)) return fail('reasons-required')
      const oldDueAt = state.dueAt!
      if (!validInstant(event.newDueAt)) return fail('invalid-time')
      if (toMs(event.newDueAt) <= toMs(oldDueAt)) return fail('new-date-not-later')
      if (vietnamDate(event.at) > previousWorkingDay(vietnamDate(oldDueAt), table)) return fail('apology-too-late')
      const patch = { apologyUsed: true, dueAt: event.newDueAt, dueBeyondTable: false, dueProvisional: [] }
      const slip: Effect = { kind: 'slip', form: 4, reason: event.reason.trim(), oldDueAt, newDueAt: event.newDueAt }
      return move(state, event, state.status, patch, [slip, { kind: 'notify-applicant', status: state.status }], event.reason.trim())
    }
    case 'withdraw':
      if (state.status === 'supplementRequested' && state.supplements.at(-1)?.from === 'processing') return fail('withdraw-after-processing')
      return move(state, event, 'withdrawn', CLEARED_DUE, [], event.reason?.trim() || undefined)
    case 'stop':
      if (!filled(event.reason)) return fail('reasons-required')
      return move(state, event, 'stopped', CLEARED_DUE, [], event.reason.trim())
  }
}
