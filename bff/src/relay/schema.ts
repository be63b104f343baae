/**
 * The status event as it travels (the HTTP connector's callbacks): a `StatusEvent`
 * (contract.ts) checked at the edge. Only the shape is checked here; whether the step is allowed
 * (reasons given, unit codes, times in order…) is the state machine's to say (inbound.ts).
 */
import * as v from 'valibot'
import { DossierIdSchema } from '@portal/shared/dossiers/schema'

const at = v.pipe(v.string(), v.isoTimestamp('at must be an ISO 8601 time with its offset'))
const text = v.pipe(v.string(), v.maxLength(2000))
const unit = v.pipe(v.string(), v.maxLength(40))

const SupplementItemSchema = v.object({ componentId: v.optional(v.pipe(v.string(), v.maxLength(80))), description: text })

export const LifeEventSchema = v.variant('type', [
  v.object({
    type: v.literal('receive'),
    at,
    unit,
    processingTime: v.object({ amount: v.pipe(v.number(), v.finite()), unit: v.picklist(['working-days', 'days', 'hours']) }),
  }),
  v.object({ type: v.literal('refuse'), at, reasons: v.pipe(v.array(text), v.maxLength(50)) }),
  v.object({ type: v.literal('requestSupplement'), at, items: v.pipe(v.array(SupplementItemSchema), v.maxLength(100)) }),
  v.object({ type: v.literal('supplementReceived'), at }),
  v.object({ type: v.literal('startProcessing'), at, unit }),
  v.object({ type: v.literal('transfer'), at, toUnit: unit, note: v.optional(text) }),
  v.object({ type: v.literal('recordOpinion'), at, opinion: text }),
  v.object({ type: v.literal('requireFees'), at, amountVnd: v.pipe(v.number(), v.finite()), description: text }),
  v.object({ type: v.literal('feesPaid'), at, paymentRef: text }),
  v.object({ type: v.literal('approve'), at }),
  v.object({ type: v.literal('returnResult'), at, resultFile: text }),
  v.object({ type: v.literal('apologiseLate'), at, reason: text, newDueAt: at }),
  v.object({ type: v.literal('withdraw'), at, reason: v.optional(text) }),
  v.object({ type: v.literal('stop'), at, reason: text }),
])

export const StatusEventSchema = v.object({
  dossierId: DossierIdSchema,
  /** Per dossier, from 1. */
  seq: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  event: LifeEventSchema,
  actor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  externalCode: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
})

/** What the callback route answers (besides problems): the inbound's outcome. */
export const InboundOutcomeSchema = v.variant('outcome', [
  v.object({ outcome: v.literal('applied'), status: v.string() }),
  v.object({ outcome: v.literal('duplicate') }),
  v.object({ outcome: v.literal('waiting'), expected: v.number() }),
])
