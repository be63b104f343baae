/**
 * The officer's actions as forms: which ones a dossier offers now, what each form holds while
 * it is filled, and how a filled form becomes the `OfficerAction` the BFF takes — or the list
 * of what to fix, each tied to its control (for the error summary and the inline messages).
 *
 * The rules are the state machine's (shared/src/lifecycle, docs/lifecycle.md) as far as the
 * screen can know them: reasons written, every supplement item described, a unit chosen (for a
 * transfer, not the one holding the dossier), an amount above 0, a new date after the current due date. The
 * server checks them again; the result is finally checked against the shared schema, so what
 * leaves here is what the contract accepts.
 */
import * as v from 'valibot'
import type { EventType } from '@portal/shared/lifecycle/types'
import { OfficerActionSchema, type OfficerAction } from '@portal/shared/onestop/api'
import { endOfOfficeDay, isDay } from './time.ts'

/** The officer's actions, in the order the screen offers them (the usual path first). */
export const OFFICER_ACTIONS = [
  'receive',
  'startProcessing',
  'transfer',
  'recordOpinion',
  'approve',
  'returnResult',
  'requestSupplement',
  'requireFees',
  'feesPaid',
  'apologiseLate',
  'refuse',
  'stop',
] as const satisfies readonly OfficerAction['type'][]
export type OfficerActionType = (typeof OFFICER_ACTIONS)[number]

/** Actions that end the dossier or turn the applicant away: shown as dangerous. */
export const FINAL_ACTIONS: readonly OfficerActionType[] = ['refuse', 'stop']

/** What the officer may do now: the allowed events that are theirs (not the applicant's withdrawal or supplement). */
export function availableActions(allowed: readonly EventType[]): OfficerActionType[] {
  return OFFICER_ACTIONS.filter((type) => allowed.includes(type))
}

/** One form's values while it is filled (every input is text, as the controls give it). */
export interface ActionDraft {
  /** receive: index of the catalogue's processing-time option ('' until one is chosen). */
  processingOption: string
  /** refuse: one reason per row. */
  reasons: string[]
  /** requestSupplement: one missing item per row ('' component: not tied to one). */
  items: { componentId: string; description: string }[]
  /** startProcessing, transfer. */
  unit: string
  note: string
  /** recordOpinion, apologiseLate, stop: the opinion or reason; requireFees: what is to be paid; feesPaid: the payment reference. */
  text: string
  /** requireFees: in đồng, as typed (thousands separators allowed). */
  amount: string
  /** apologiseLate: the new due day, yyyy-mm-dd. */
  day: string
  /** returnResult: the SHA-256 of the uploaded result, once its upload finished. */
  resultSha256: string
}

export const emptyDraft = (): ActionDraft => ({
  processingOption: '',
  reasons: [''],
  items: [{ componentId: '', description: '' }],
  unit: '',
  note: '',
  text: '',
  amount: '',
  day: '',
  resultSha256: '',
})

/** What the form needs to know of the dossier. */
export interface ActionContext {
  /** How many processing-time options the procedure has (a choice is asked when more than one). */
  processingOptions: number
  /** The unit holding the dossier. */
  unit?: string
  dueAt?: string
}

/** One thing to fix: the control's id, the message key (under officer.errors) and its values. */
export interface ActionIssue {
  target: string
  key: string
  params?: Record<string, string | number>
}

export type BuildResult = { ok: true; action: OfficerAction } | { ok: false; issues: ActionIssue[] }

/** Ids of the form's controls (also the targets of the error summary's links). */
export const controlIds = {
  processingOption: 'action-option-0',
  reason: (i: number) => `action-reason-${i}`,
  item: (i: number) => `action-item-${i}`,
  unit: 'action-unit',
  note: 'action-note',
  text: 'action-text',
  amount: 'action-amount',
  day: 'action-day',
  result: 'action-result',
  form: 'action-form',
} as const

const MAX_TEXT = 2000

/** An amount in đồng as typed: digits, with optional dot, comma or space thousands separators. */
export function parseAmount(typed: string): number | null {
  const compact = typed.trim().replace(/[.,\s]/g, '')
  if (!/^\d{1,15}$/.test(compact)) return null
  const amount = Number(compact)
  return amount >= 1 ? amount : null
}

function required(issues: ActionIssue[], value: string, target: string, key: string, params?: ActionIssue['params']): string {
  const trimmed = value.trim()
  if (!trimmed) issues.push({ target, key, ...(params ? { params } : {}) })
  else if (trimmed.length > MAX_TEXT) issues.push({ target, key: 'tooLong' })
  return trimmed
}

/** The action a filled form asks for, or what to fix first. */
export function buildAction(type: OfficerActionType, draft: ActionDraft, context: ActionContext): BuildResult {
  const issues: ActionIssue[] = []
  let action: OfficerAction
  switch (type) {
    case 'receive': {
      if (context.processingOptions > 1 && draft.processingOption === '') issues.push({ target: controlIds.processingOption, key: 'chooseOption' })
      action = draft.processingOption === '' ? { type } : { type, processingOption: Number(draft.processingOption) }
      break
    }
    case 'refuse': {
      const reasons = draft.reasons.map((reason, i) => required(issues, reason, controlIds.reason(i), 'reasonRow', { n: i + 1 }))
      action = { type, reasons }
      break
    }
    case 'requestSupplement': {
      const items = draft.items.map((item, i) => ({
        ...(item.componentId ? { componentId: item.componentId } : {}),
        description: required(issues, item.description, controlIds.item(i), 'itemRow', { n: i + 1 }),
      }))
      action = { type, items }
      break
    }
    case 'startProcessing':
    case 'transfer': {
      if (!draft.unit) issues.push({ target: controlIds.unit, key: 'unitRequired' })
      else if (type === 'transfer' && draft.unit === context.unit) issues.push({ target: controlIds.unit, key: 'sameUnit' })
      const note = draft.note.trim()
      if (note.length > MAX_TEXT) issues.push({ target: controlIds.note, key: 'tooLong' })
      action = type === 'startProcessing' ? { type, unit: draft.unit } : { type, toUnit: draft.unit, ...(note ? { note } : {}) }
      break
    }
    case 'recordOpinion':
      action = { type, opinion: required(issues, draft.text, controlIds.text, 'opinionRequired') }
      break
    case 'requireFees': {
      const amountVnd = parseAmount(draft.amount)
      if (amountVnd === null) issues.push({ target: controlIds.amount, key: 'amountInvalid' })
      action = { type, amountVnd: amountVnd ?? 0, description: required(issues, draft.text, controlIds.text, 'feeDescriptionRequired') }
      break
    }
    case 'feesPaid':
      action = { type, paymentRef: required(issues, draft.text, controlIds.text, 'paymentRefRequired') }
      break
    case 'approve':
      action = { type }
      break
    case 'returnResult':
      if (!draft.resultSha256) issues.push({ target: controlIds.result, key: 'resultRequired' })
      action = { type, resultSha256: draft.resultSha256 }
      break
    case 'apologiseLate': {
      const newDueAt = isDay(draft.day) ? endOfOfficeDay(draft.day) : ''
      if (!draft.day) issues.push({ target: controlIds.day, key: 'dayRequired' })
      else if (!newDueAt) issues.push({ target: controlIds.day, key: 'dayInvalid' })
      else if (context.dueAt && Date.parse(newDueAt) <= Date.parse(context.dueAt)) issues.push({ target: controlIds.day, key: 'dayNotLater' })
      action = { type, reason: required(issues, draft.text, controlIds.text, 'reasonRequired'), newDueAt }
      break
    }
    case 'stop':
      action = { type, reason: required(issues, draft.text, controlIds.text, 'reasonRequired') }
      break
  }
  if (issues.length) return { ok: false, issues }
  // The contract's own check: anything it refuses that the rules above let through is a bug here.
  const parsed = v.safeParse(OfficerActionSchema, action)
  return parsed.success ? { ok: true, action: parsed.output } : { ok: false, issues: [{ target: controlIds.form, key: 'invalid' }] }
}
