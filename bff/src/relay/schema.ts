/**
 * The status event as it travels (the HTTP connector's callbacks): a `StatusEvent`
 * (contract.ts) checked at the edge. Only the shape is checked here; whether the step is allowed
 * (reasons given, unit codes, times in order…) is the state machine's to say (inbound.ts).
 */
import * as v from 'valibot'
import { DossierIdSchema } from '@portal/shared/dossiers/schema'

/** The largest result file the portal fetches from a province (a scanned decision of many pages). */
export const RESULT_FILE_MAX_BYTES = 50 * 1024 * 1024

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
  v.object({ type: v.literal('returnResult'), at, resultFile: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'resultFile is the SHA-256 of the result file, in lowercase hex')) }),
  v.object({ type: v.literal('apologiseLate'), at, reason: text, newDueAt: at }),
  v.object({ type: v.literal('withdraw'), at, reason: v.optional(text) }),
  v.object({ type: v.literal('stop'), at, reason: text }),
])

/** What a returnResult event says of its file: the portal fetches the bytes and checks them against it. */
export const ResultFileFactsSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(255)),
  type: v.pipe(v.string(), v.regex(/^[a-z]+\/[a-z0-9.+-]+$/, 'type must be a media type such as application/pdf'), v.maxLength(100)),
  size: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(RESULT_FILE_MAX_BYTES)),
})

export const StatusEventSchema = v.pipe(
  v.object({
    dossierId: DossierIdSchema,
    /** Per dossier, from 1. */
    seq: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
    event: LifeEventSchema,
    actor: v.optional(v.pipe(v.string(), v.maxLength(200))),
    externalCode: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
    result: v.optional(ResultFileFactsSchema),
  }),
  // A province's result stays with the province until fetched: the portal must know what to expect.
  v.forward(
    v.check((e) => e.event.type !== 'returnResult' || e.result !== undefined, 'a returnResult event names its file: result { name, type, size }'),
    ['result'],
  ),
)

/** What the callback route answers (besides problems): the inbound's outcome. */
export const InboundOutcomeSchema = v.variant('outcome', [
  v.object({ outcome: v.literal('applied'), status: v.string() }),
  v.object({ outcome: v.literal('duplicate') }),
  v.object({ outcome: v.literal('waiting'), expected: v.number() }),
])
