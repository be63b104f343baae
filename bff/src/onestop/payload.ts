/**
 * What the embedded one-stop-shop reads from relay messages (bff/src/relay/contract.ts). A
 * 'submitted' message carries the dossier as the portal received it: its receipt (code,
 * procedure, agency, applicant, time of receipt, files by component) and the submission (form
 * values, files with their types). Other members are ignored. Checked with the shared schemas:
 * a payload that does not pass can never be taken, so it is refused for good (the relay parks it).
 */
import * as v from 'valibot'
import { DossierReceiptSchema, DossierSubmissionSchema, SubmittedComponentSchema } from '@portal/shared/dossiers/schema'

export const SubmittedPayloadSchema = v.object({
  receipt: DossierReceiptSchema,
  submission: DossierSubmissionSchema,
})
export type SubmittedPayload = v.InferOutput<typeof SubmittedPayloadSchema>

/** A supplement may bring new files (by component), corrected form answers and a note; none is fine. */
export const SupplementPayloadSchema = v.nullish(
  v.object({
    components: v.optional(v.pipe(v.array(SubmittedComponentSchema), v.maxLength(50))),
    form: v.optional(v.record(v.string(), v.unknown())),
    note: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  }),
)
export type SupplementPayload = NonNullable<v.InferOutput<typeof SupplementPayloadSchema>>

/** The applicant may say why they withdraw. */
export const WithdrawalPayloadSchema = v.nullish(v.object({ reason: v.optional(v.pipe(v.string(), v.maxLength(2000))) }))
