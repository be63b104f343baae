/**
 * What travels when a dossier is submitted, and what the server answers: one schema for the
 * device (outbox) and the BFF (intake), so both check the same rules.
 *
 * - `id` is the client-generated UUID: the dossier's id in the API and the idempotency key
 *   (design.md decision 4). The same id with the same content returns the first answer; the
 *   same id with other content is a conflict (409) carrying the server's dossier.
 * - Files are referenced by the SHA-256 of their bytes as stored on the device (decision 7);
 *   they are uploaded first (tus, `/api/uploads/`), and the server accepts a reference only to
 *   bytes the caller uploaded.
 * - The dossier code (`<agency code>-YYMMDD-NNNN`, TT 01/2018 Art. 19) is assigned by the server.
 */
import * as v from 'valibot'
import { ProcedureCodeSchema } from '../catalog/schema.ts'
import { SatisfactionLevelSchema } from '../evaluation/types.ts'

export const SHA256_HEX = /^[0-9a-f]{64}$/
export const DOSSIER_CODE = /^\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[GH]\d{2}-\d{6}-\d{4,}$/

export const DossierIdSchema = v.pipe(v.string(), v.uuid())
export const Sha256Schema = v.pipe(v.string(), v.regex(SHA256_HEX))
export const FileTypeSchema = v.picklist(['image/jpeg', 'image/png', 'image/heic', 'application/pdf'])

export const AddressValueSchema = v.object({
  provinceCode: v.pipe(v.string(), v.regex(/^\d{2}$/)),
  communeCode: v.pipe(v.string(), v.regex(/^\d{5}$/)),
  street: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
})

/** How the applicant receives the result: at the agency, by post to an address, or online. */
export const ResultDeliverySchema = v.variant('method', [
  v.object({ method: v.literal('at-agency') }),
  v.object({ method: v.literal('post'), address: AddressValueSchema }),
  v.object({ method: v.literal('online') }),
])

export const SubmittedFileSchema = v.object({
  sha256: Sha256Schema,
  size: v.pipe(v.number(), v.integer(), v.minValue(1)),
  type: FileTypeSchema,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
})

export const SubmittedComponentSchema = v.object({
  componentId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)),
  files: v.pipe(v.array(SubmittedFileSchema), v.maxLength(20)),
})

export const DossierSubmissionSchema = v.object({
  id: DossierIdSchema,
  procedureCode: ProcedureCodeSchema,
  /** The commune whose agency receives it (5-digit code), for commune-level procedures. */
  communeCode: v.optional(v.pipe(v.string(), v.regex(/^\d{5}$/))),
  /** The form's values, checked at intake against the procedure's form definition. */
  form: v.record(v.string(), v.unknown()),
  formVersion: v.optional(v.pipe(v.number(), v.integer())),
  components: v.pipe(v.array(SubmittedComponentSchema), v.maxLength(50)),
  resultDelivery: ResultDeliverySchema,
})

/** Status codes used by provincial one-stop-shop systems (domain.md §3). */
export const DOSSIER_STATUS = {
  registered: 1, // Mới đăng ký
  accepted: 2, // Được tiếp nhận
  refused: 3, // Không được tiếp nhận
  processing: 4, // Đang xử lý
  supplementRequested: 5, // Yêu cầu bổ sung
  financialObligation: 6, // Nghĩa vụ tài chính
  withdrawn: 7, // Rút hồ sơ
  stopped: 8, // Dừng xử lý
  processed: 9, // Đã xử lý xong
  returned: 10, // Đã trả kết quả
} as const
export const DossierStatusSchema = v.picklist(Object.keys(DOSSIER_STATUS) as [keyof typeof DOSSIER_STATUS, ...(keyof typeof DOSSIER_STATUS)[]])

/** The acknowledgement of online submission, as shown, kept on the device and printed (A5 PDF). */
export const DossierReceiptSchema = v.object({
  id: DossierIdSchema,
  code: v.pipe(v.string(), v.regex(DOSSIER_CODE)),
  procedure: v.object({ code: ProcedureCodeSchema, name: v.string() }),
  agency: v.object({ code: v.string(), name: v.string() }),
  applicant: v.object({ name: v.string(), identityNumber: v.optional(v.string()) }),
  /** ISO 8601 with the Vietnam offset (+07:00). */
  receivedAt: v.string(),
  components: v.array(
    v.object({ componentId: v.string(), label: v.string(), files: v.array(v.object({ name: v.string(), sha256: Sha256Schema, size: v.number() })) }),
  ),
  resultDelivery: ResultDeliverySchema,
})

/**
 * What the phone shows beyond the receipt, added to DossierView (all optional: rows kept on
 * devices before these existed stay valid).
 */
export const DossierProgressSchema = v.object({
  receivedAt: v.optional(v.string()),
  dueAt: v.optional(v.string()),
  overdue: v.optional(v.boolean()),
  /** The unit holding the dossier, with its name from the directory. */
  unit: v.optional(v.object({ code: v.string(), name: v.string() })),
  /** The open supplement request (Mẫu 02): exactly what to supply. */
  supplementRequest: v.optional(
    v.object({
      requestedAt: v.string(),
      items: v.array(v.object({ componentId: v.optional(v.string()), description: v.string() })),
      /** When the applicant's supplement left for the one-stop-shop (it has not applied it yet). */
      sentAt: v.optional(v.string()),
    }),
  ),
  /** The apology (Mẫu 04), when there was one. */
  apology: v.optional(v.object({ at: v.string(), reason: v.string(), newDueAt: v.string() })),
  /** Fees to pay (Nghĩa vụ tài chính). */
  fees: v.optional(v.object({ amountVnd: v.number(), description: v.string() })),
  /** The result, once returned: download from GET /api/dossiers/{id}/result and check the hash. */
  result: v.optional(v.object({ sha256: v.string(), name: v.string(), type: v.string(), size: v.number(), returnedAt: v.string() })),
  rating: v.optional(v.object({ level: SatisfactionLevelSchema, ratedAt: v.string() })),
  /** Slips issued so far (Mẫu 01–05), at GET /api/dossiers/{id}/slips/{form}. */
  slips: v.optional(v.array(v.picklist([1, 2, 3, 4, 5]))),
})
export type DossierProgress = v.InferOutput<typeof DossierProgressSchema>

/** The server's view of a dossier, pulled by cursor into the device's `dossiers` table. */
export const DossierViewSchema = v.object({
  id: DossierIdSchema,
  code: v.string(),
  /** The one-stop-shop system's own code, when an external one gives it (shown beside ours). */
  externalCode: v.optional(v.string()),
  procedureCode: ProcedureCodeSchema,
  status: DossierStatusSchema,
  submittedAt: v.string(),
  updatedAt: v.string(),
  /** Server sequence of the last change: the cursor of `GET /api/dossiers/changes`. */
  seq: v.pipe(v.number(), v.integer()),
  receipt: DossierReceiptSchema,
  history: v.array(
    v.object({
      status: DossierStatusSchema,
      at: v.string(),
      note: v.optional(v.string()),
      /**
       * The lifecycle event of the step (shared/src/lifecycle EVENT_TYPES) and the unit after it;
       * absent for the intake. The applicant's own steps, stored and on their way to the
       * one-stop-shop, are entries too (status unchanged): 'supplementSent', 'withdrawalSent'.
       */
      event: v.optional(v.string()),
      unit: v.optional(v.object({ code: v.string(), name: v.string() })),
    }),
  ),
  /** Where the dossier stands and what is asked of the applicant (issue 7). */
  progress: v.optional(DossierProgressSchema),
})

export const DossierChangesSchema = v.object({
  /** Pass it as `?cursor=` next time: the `seq` of the last dossier here (or the one given, if none). */
  cursor: v.pipe(v.number(), v.integer(), v.minValue(0)),
  dossiers: v.array(DossierViewSchema),
  /** True when more changes follow (pages of 100): ask again at once with the new cursor. */
  more: v.optional(v.boolean()),
})

export type DossierSubmission = v.InferOutput<typeof DossierSubmissionSchema>
export type ResultDelivery = v.InferOutput<typeof ResultDeliverySchema>
export type SubmittedFile = v.InferOutput<typeof SubmittedFileSchema>
export type DossierReceipt = v.InferOutput<typeof DossierReceiptSchema>
export type DossierStatus = v.InferOutput<typeof DossierStatusSchema>
export type DossierView = v.InferOutput<typeof DossierViewSchema>
export type DossierChanges = v.InferOutput<typeof DossierChangesSchema>
