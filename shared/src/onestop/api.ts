/**
 * The officers' API of the embedded one-stop-shop (issue 6), shared by the BFF (validation at
 * the edge) and the officer screens. Routes:
 *
 *   GET  /api/officer/dossiers?agency=&status=&procedure=&due=&cursor=   → OfficerQueue
 *   GET  /api/officer/dossiers/{id}                                       → OfficerDossier
 *   GET  /api/officer/dossiers/{id}/files/{sha256}                        → the file (preview)
 *   POST /api/officer/dossiers/{id}/actions   OfficerAction               → OfficerDossier
 *   GET  /api/officer/units?agency=                                       → OfficerUnit[]
 *
 * An officer sees only dossiers of agencies where they hold a role (others answer 404). The
 * queue puts overdue first, then soon due, then by due date, then by registration.
 */
import * as v from 'valibot'
import { DossierIdSchema, DossierReceiptSchema, DossierStatusSchema, DossierSubmissionSchema } from '../dossiers/schema.ts'
import { EVENT_TYPES, UNIT_CODE } from '../lifecycle/types.ts'

const Reason = v.pipe(v.string(), v.trim(), v.minLength(1, 'Cần ghi lý do.'), v.maxLength(2000))
const UnitCode = v.pipe(v.string(), v.regex(UNIT_CODE, 'Mã đơn vị không hợp lệ.'))

export const SupplementItemSchema = v.object({
  componentId: v.optional(v.pipe(v.string(), v.maxLength(80))),
  description: Reason,
})

/**
 * What an officer does. The time is the server's; the processing time at receipt comes from the
 * catalogue (the option chosen by `processingOption`, default the first). The result is a file
 * uploaded through tus first (its SHA-256 here).
 */
export const OfficerActionSchema = v.variant('type', [
  v.object({ type: v.literal('receive'), processingOption: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  v.object({ type: v.literal('refuse'), reasons: v.pipe(v.array(Reason), v.minLength(1, 'Cần ghi lý do.')) }),
  v.object({ type: v.literal('requestSupplement'), items: v.pipe(v.array(SupplementItemSchema), v.minLength(1, 'Cần nêu thành phần cần bổ sung.')) }),
  v.object({ type: v.literal('startProcessing'), unit: UnitCode }),
  v.object({ type: v.literal('transfer'), toUnit: UnitCode, note: v.optional(v.pipe(v.string(), v.maxLength(2000))) }),
  v.object({ type: v.literal('recordOpinion'), opinion: Reason }),
  v.object({ type: v.literal('requireFees'), amountVnd: v.pipe(v.number(), v.integer(), v.minValue(1)), description: Reason }),
  v.object({ type: v.literal('feesPaid'), paymentRef: Reason }),
  v.object({ type: v.literal('approve') }),
  v.object({ type: v.literal('returnResult'), resultSha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) }),
  v.object({ type: v.literal('apologiseLate'), reason: Reason, newDueAt: v.pipe(v.string(), v.isoTimestamp()) }),
  v.object({ type: v.literal('stop'), reason: Reason }),
])
export type OfficerAction = v.InferOutput<typeof OfficerActionSchema>

export const QueueFilterSchema = v.object({
  agency: v.optional(v.string()),
  status: v.optional(DossierStatusSchema),
  procedure: v.optional(v.string()),
  due: v.optional(v.picklist(['overdue', 'soon', 'all'])),
  cursor: v.optional(v.string()),
})
export type QueueFilter = v.InferOutput<typeof QueueFilterSchema>

export const OfficerQueueItemSchema = v.object({
  id: DossierIdSchema,
  code: v.string(),
  externalCode: v.optional(v.string()),
  procedure: v.object({ code: v.string(), name: v.string() }),
  agencyCode: v.string(),
  applicantName: v.string(),
  status: DossierStatusSchema,
  registeredAt: v.string(),
  dueAt: v.optional(v.string()),
  overdue: v.boolean(),
  dueSoon: v.boolean(),
  unit: v.optional(v.string()),
})
export type OfficerQueueItem = v.InferOutput<typeof OfficerQueueItemSchema>

export const OfficerQueueSchema = v.object({
  items: v.array(OfficerQueueItemSchema),
  next: v.optional(v.string()),
})
export type OfficerQueue = v.InferOutput<typeof OfficerQueueSchema>

export const OfficerHistoryEntrySchema = v.object({
  at: v.string(),
  event: v.picklist(EVENT_TYPES),
  from: DossierStatusSchema,
  to: DossierStatusSchema,
  unit: v.optional(v.string()),
  note: v.optional(v.string()),
  actor: v.optional(v.string()),
})

/** A component as a supplement brought it: its files replace or complete the submitted ones. */
export const SuppliedComponentSchema = v.object({
  componentId: v.string(),
  /** The component's label as the receipt named it (the dossier definition's, at intake). */
  label: v.optional(v.string()),
  files: v.array(v.object({ sha256: v.string(), name: v.string(), type: v.string(), size: v.number() })),
})

/** A supplement request (Mẫu 02) and, once it came, what the applicant sent to answer it. */
export const OfficerSupplementSchema = v.object({
  requestedAt: v.string(),
  items: v.array(SupplementItemSchema),
  receivedAt: v.optional(v.string()),
  /** The files sent, by component, in the order sent (absent for a supplement recorded before they were kept). */
  components: v.optional(v.array(SuppliedComponentSchema)),
  note: v.optional(v.string()),
  /** Corrected answers of the form, merged over the submitted ones. */
  form: v.optional(v.record(v.string(), v.unknown())),
})
export type OfficerSupplement = v.InferOutput<typeof OfficerSupplementSchema>

export const OfficerDossierSchema = v.object({
  ...OfficerQueueItemSchema.entries,
  submission: DossierSubmissionSchema,
  receipt: DossierReceiptSchema,
  history: v.array(OfficerHistoryEntrySchema),
  /** Supplement requests (Mẫu 02) and whether each was answered. */
  supplements: v.array(OfficerSupplementSchema),
  apologyUsed: v.boolean(),
  resultSha256: v.optional(v.string()),
  /** The actions the state machine allows now, for the buttons shown. */
  allowed: v.array(v.picklist(EVENT_TYPES)),
  /** Slips issued so far (Mẫu 01–05), downloadable at /api/dossiers/{id}/slips/{form}. */
  slips: v.array(v.picklist([1, 2, 3, 4, 5])),
})
export type OfficerDossier = v.InferOutput<typeof OfficerDossierSchema>

/** An agency or a unit of one (`parent`: the agency it belongs to), from the agency directory. */
export const OfficerUnitSchema = v.object({ code: v.string(), name: v.string(), parent: v.optional(v.string()) })
export type OfficerUnit = v.InferOutput<typeof OfficerUnitSchema>
