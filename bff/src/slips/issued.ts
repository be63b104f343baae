/**
 * Which slips of TT 01/2018 a dossier's life has issued, and what each says, read from its life
 * state (shared/src/lifecycle): the same facts the machine put in its `slip` effects when it made
 * the transitions, so a slip can be printed again at any time from the stored state alone.
 *
 * - Mẫu 01 (receipt and appointment): the latest complete receipt (`receive`, or the supplement
 *   that restarted the count), with the due date it set.
 * - Mẫu 02 (supplement request): the latest request, every item.
 * - Mẫu 03 (refusal): the refusal, its reasons (the history keeps them joined by "; ").
 * - Mẫu 04 (apology and new date): the one apology, the due date before it and the new one.
 * - Mẫu 05 (control slip): every step of the dossier between units since receipt, each handover
 *   judged early, on time or late against the due date in force when it happened.
 *
 * Due dates over time: each history entry records the due date in force after it
 * (`HistoryEntry.dueAt`), so every slip shows the dates as they were. Entries recorded before
 * the history kept them are read as before: exact since the last change of the due date, earlier
 * ones counted again from their receipt (`dueDate`), and an apology's new date replaced by a later
 * step is then lost (`newDueAt` absent; the slip says it was replaced).
 */
import type { DossierLifeState, EventType, HistoryEntry, SupplementItem } from '@portal/shared/lifecycle/types'
import { dueDate, toMs, vietnamDate, type HolidayTable, type ProcessingTimeRule } from '@portal/shared/lifecycle/working-days'

export type SlipForm = 1 | 2 | 3 | 4 | 5

export type Timeliness = 'early' | 'on-time' | 'late'

export interface ControlStep {
  at: string
  kind: 'received' | 'handover' | 'supplement-requested' | 'supplement-received' | 'result-ready' | 'returned'
  /** The unit that handed the dossier over (for a handover) or held it. */
  fromUnit?: string
  /** The unit that took it (for a handover) or received it. */
  toUnit?: string
  note?: string
  /** The due date in force when the step happened. */
  dueAt?: string
  timeliness?: Timeliness
}

export type IssuedSlip =
  | { form: 1; at: string; receivedAt: string; dueAt: string; processingTime?: ProcessingTimeRule; unit?: string }
  | { form: 2; at: string; items: SupplementItem[]; dueCleared: boolean }
  | { form: 3; at: string; reasons: string[]; afterReview: boolean }
  | { form: 4; at: string; reason: string; receivedAt: string; oldDueAt: string; newDueAt?: string }
  | { form: 5; at: string; steps: ControlStep[]; unit?: string; dueAt?: string }

export type IssuedSlipOf<F extends SlipForm> = Extract<IssuedSlip, { form: F }>

/** Steps after which the due date is a new one (or none). */
const CHANGES_DUE: readonly EventType[] = ['receive', 'supplementReceived', 'requestSupplement', 'apologiseLate', 'withdraw', 'stop']

const isReceipt = (entry: HistoryEntry) => entry.event === 'receive' || (entry.event === 'supplementReceived' && entry.to !== 'registered')

/**
 * The due date in force after each step of the history (index for index): as the step recorded
 * it; for steps recorded before history kept it, counted again from its receipt.
 */
export function dueTimeline(state: DossierLifeState, table: HolidayTable): (string | undefined)[] {
  const after: (string | undefined)[] = []
  let due: string | undefined
  for (const entry of state.history) {
    if (entry.dueAt !== undefined) due = entry.dueAt ?? undefined
    else if (isReceipt(entry) && state.processingTime) due = dueDate(entry.at, state.processingTime, table).dueAt
    else if (CHANGES_DUE.includes(entry.event)) due = undefined
    after.push(due)
  }
  // Since the last change, the stored due date is the one in force: exact, whatever the table now says.
  for (let i = state.history.length - 1; i >= 0 && state.history[i]!.dueAt === undefined; i--) {
    after[i] = state.dueAt
    if (CHANGES_DUE.includes(state.history[i]!.event)) break
  }
  return after
}

/** Early (an earlier day), on time (the due day, by the due time) or late, in Vietnam time. */
export function timeliness(at: string, dueAt: string): Timeliness {
  if (toMs(at) > toMs(dueAt)) return 'late'
  return vietnamDate(at) < vietnamDate(dueAt) ? 'early' : 'on-time'
}

function lastIndex(history: HistoryEntry[], test: (entry: HistoryEntry) => boolean): number {
  for (let i = history.length - 1; i >= 0; i--) if (test(history[i]!)) return i
  return -1
}

function controlSteps(state: DossierLifeState, due: (string | undefined)[]): ControlStep[] {
  const steps: ControlStep[] = []
  let holder: string | undefined
  state.history.forEach((entry, i) => {
    const before = i > 0 ? due[i - 1] : undefined
    const judged = (step: ControlStep): ControlStep => (before ? { ...step, dueAt: before, timeliness: timeliness(entry.at, before) } : step)
    switch (entry.event) {
      case 'receive':
        steps.push({ at: entry.at, kind: 'received', ...(entry.unit ? { toUnit: entry.unit } : {}) })
        break
      case 'startProcessing':
      case 'transfer':
        steps.push(judged({ at: entry.at, kind: 'handover', ...(holder ? { fromUnit: holder } : {}), ...(entry.unit ? { toUnit: entry.unit } : {}), ...(entry.note ? { note: entry.note } : {}) }))
        break
      case 'requestSupplement':
        if (state.history.slice(0, i).some(isReceipt)) steps.push({ at: entry.at, kind: 'supplement-requested', ...(holder ? { fromUnit: holder } : {}) })
        break
      case 'supplementReceived':
        if (isReceipt(entry)) steps.push({ at: entry.at, kind: 'supplement-received', ...(due[i] ? { dueAt: due[i] } : {}) })
        break
      case 'approve':
        steps.push(judged({ at: entry.at, kind: 'result-ready', ...(holder ? { fromUnit: holder } : {}) }))
        break
      case 'returnResult':
        steps.push(judged({ at: entry.at, kind: 'returned' }))
        break
      default:
        break
    }
    holder = entry.unit ?? holder
  })
  return steps
}

/** The latest slip of each form the dossier's life has issued. */
export function issuedSlips(state: DossierLifeState, table: HolidayTable): Map<SlipForm, IssuedSlip> {
  const slips = new Map<SlipForm, IssuedSlip>()
  const { history } = state
  const due = dueTimeline(state, table)

  const receipt = lastIndex(history, isReceipt)
  if (receipt >= 0) {
    const entry = history[receipt]!
    slips.set(1, {
      form: 1,
      at: entry.at,
      receivedAt: entry.at,
      dueAt: due[receipt]!,
      ...(state.processingTime ? { processingTime: state.processingTime } : {}),
      ...(entry.unit ? { unit: entry.unit } : {}),
    })
  }

  const request = state.supplements.at(-1)
  if (request) slips.set(2, { form: 2, at: request.requestedAt, items: request.items, dueCleared: request.from !== 'registered' })

  const refusal = lastIndex(history, (e) => e.event === 'refuse')
  if (refusal >= 0) {
    const entry = history[refusal]!
    slips.set(3, { form: 3, at: entry.at, reasons: (entry.note ?? '').split('; '), afterReview: entry.from === 'processing' })
  }

  const apology = lastIndex(history, (e) => e.event === 'apologiseLate')
  if (apology >= 0) {
    const entry = history[apology]!
    const receivedAt = history[lastIndex(history.slice(0, apology), isReceipt)]?.at ?? state.registeredAt
    const newDueAt = due[apology]
    slips.set(4, { form: 4, at: entry.at, reason: entry.note ?? '', receivedAt, oldDueAt: due[apology - 1]!, ...(newDueAt ? { newDueAt } : {}) })
  }

  if (history.some((e) => e.event === 'startProcessing')) {
    const steps = controlSteps(state, due)
    slips.set(5, { form: 5, at: steps.at(-1)!.at, steps, ...(state.unit ? { unit: state.unit } : {}), ...(state.dueAt ? { dueAt: state.dueAt } : {}) })
  }
  return slips
}
