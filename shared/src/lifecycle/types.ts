/**
 * The dossier's life as data: its state, the events officers and applicants cause, and the
 * effects a transition asks the caller to carry out (slips to issue, notices to send, logs).
 * machine.ts explains the rules.
 */
import type { DossierStatus } from '../dossiers/schema.ts'
import type { ProcessingTimeRule } from './working-days.ts'
import type { LifecycleErrorCode } from './messages.ts'

/**
 * A unit code: the four-group agency code of TT 10/2016 (`000.00.00.H55`, `000.12.34.H55`; the
 * middle groups may hold letters, as the agency directory's commune codes do: `000.00.D8.H55`)
 * or a portal's short form (`H55.242`) — domain.md §4.
 */
export const UNIT_CODE = /^(\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[GH]\d{2}|[GH]\d{2}(\.\d{1,6})+)$/

export interface SupplementItem {
  /** The dossier component concerned, when it is one (thành phần hồ sơ). */
  componentId?: string
  /** What is missing or wrong, and what to supply. */
  description: string
}

/** One supplement request (Mẫu 02) and, once it came, the complete receipt that ended it. */
export interface SupplementRecord {
  requestedAt: string
  items: SupplementItem[]
  /** The status the dossier returns to when the supplement arrives. */
  from: 'registered' | 'accepted' | 'processing'
  receivedAt?: string
}

export type EventType = LifeEvent['type']

export interface HistoryEntry {
  at: string
  event: EventType
  from: DossierStatus
  to: DossierStatus
  /** The unit holding the dossier after this step. */
  unit?: string
  note?: string
  /**
   * The due date in force after this step, null when none is (kept so that slips printed later —
   * Mẫu 04's missed date, Mẫu 05's judgement of each handover — show the date as it was, whatever
   * the holiday table says by then). Absent on entries recorded before it was kept.
   */
  dueAt?: string | null
}

export interface DossierLifeState {
  status: DossierStatus
  registeredAt: string
  /** The catalogue option chosen at receipt; kept to restart the count after a supplement. */
  processingTime?: ProcessingTimeRule
  /** The latest complete receipt: the count runs from it (it restarts after a supplement). */
  receivedAt?: string
  dueAt?: string
  /** The due date was counted past the holiday table (logged, never silent). */
  dueBeyondTable?: boolean
  /** Provisional holiday-table dates the due date relied on. */
  dueProvisional?: string[]
  /** Mẫu 04 was issued: the due date may be reset only once. */
  apologyUsed: boolean
  supplements: SupplementRecord[]
  /** The unit holding the dossier. */
  unit?: string
  /** Reference to the stored result file, once returned. */
  resultFile?: string
  /** Returned after the due date (for the evaluation indices, TT 01/2018 Art. 13). */
  returnedLate?: boolean
  history: HistoryEntry[]
}

type At = { at: string }
export type LifeEvent =
  | (At & { type: 'receive'; unit: string; processingTime: ProcessingTimeRule })
  | (At & { type: 'refuse'; reasons: string[] })
  | (At & { type: 'requestSupplement'; items: SupplementItem[] })
  | (At & { type: 'supplementReceived' })
  | (At & { type: 'startProcessing'; unit: string })
  | (At & { type: 'transfer'; toUnit: string; note?: string })
  | (At & { type: 'recordOpinion'; opinion: string })
  | (At & { type: 'requireFees'; amountVnd: number; description: string })
  | (At & { type: 'feesPaid'; paymentRef: string })
  | (At & { type: 'approve' })
  | (At & { type: 'returnResult'; resultFile: string })
  | (At & { type: 'apologiseLate'; reason: string; newDueAt: string })
  | (At & { type: 'withdraw'; reason?: string })
  | (At & { type: 'stop'; reason: string })

export const EVENT_TYPES = [
  'receive',
  'refuse',
  'requestSupplement',
  'supplementReceived',
  'startProcessing',
  'transfer',
  'recordOpinion',
  'requireFees',
  'feesPaid',
  'approve',
  'returnResult',
  'apologiseLate',
  'withdraw',
  'stop',
] as const satisfies readonly EventType[]

/** The slips of TT 01/2018 (Mẫu 01–05); Mẫu 06, the register, is built from the history. */
export type Effect =
  | { kind: 'slip'; form: 1; receivedAt: string; dueAt: string }
  | { kind: 'slip'; form: 2; items: SupplementItem[] }
  | { kind: 'slip'; form: 3; reasons: string[] }
  | { kind: 'slip'; form: 4; reason: string; oldDueAt: string; newDueAt: string }
  | { kind: 'slip'; form: 5; at: string; fromUnit?: string; toUnit: string }
  | { kind: 'notify-applicant'; status: DossierStatus }
  /** Log it and show it to the officer: the due date past the table, or on unconfirmed days. */
  | { kind: 'due-date-uncertain'; dueAt: string; beyondTable: boolean; provisional: string[] }

export type TransitionResult =
  | { ok: true; state: DossierLifeState; effects: Effect[] }
  | { ok: false; code: LifecycleErrorCode; message: { vi: string; en: string } }
