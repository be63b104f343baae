/**
 * The citizen's side of the dossier's life (issue 7): what the applicant sends after intake, each
 * through the device's outbox with a client-generated UUID as its idempotency key (the same id
 * again answers the first answer; the same id with other content is a 409), and what the phone
 * shows of the dossier. Routes (owner only; anyone else 404):
 *
 *   POST /api/dossiers/{id}/supplements  SupplementSubmission → DossierView   (only in supplementRequested)
 *   POST /api/dossiers/{id}/withdrawal   WithdrawalRequest    → DossierView   (before processing starts)
 *   POST /api/dossiers/{id}/rating       RatingSubmission     → DossierView   (once, after the result)
 *   GET  /api/dossiers/{id}/result       the result file, with its SHA-256 in `Repr-Digest`
 *
 * The supplement's files are uploaded first through tus (/api/uploads/, the same grants as at
 * intake); a supplement names, per component asked for, the files that replace or complete it.
 */
import * as v from 'valibot'
import { RatingContentsSchema, SatisfactionLevelSchema } from '../evaluation/types.ts'
import { SubmittedComponentSchema } from './schema.ts'

const ClientIdSchema = v.pipe(v.string(), v.uuid('id must be a UUID'))
const Text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max))

export const SupplementSubmissionSchema = v.object({
  /** The supplement's own UUID: its idempotency key. */
  id: ClientIdSchema,
  /** The components asked for (Mẫu 02), with their new files; others stay as submitted. */
  components: v.pipe(v.array(SubmittedComponentSchema), v.maxLength(50)),
  /** Corrected answers of the form, when an item asked for one; merged over the submitted ones. */
  form: v.optional(v.record(v.string(), v.unknown())),
  note: v.optional(Text(2000)),
})
export type SupplementSubmission = v.InferOutput<typeof SupplementSubmissionSchema>

export const WithdrawalRequestSchema = v.object({
  id: ClientIdSchema,
  reason: v.optional(Text(2000)),
})
export type WithdrawalRequest = v.InferOutput<typeof WithdrawalRequestSchema>

export const RatingSubmissionSchema = v.object({
  id: ClientIdSchema,
  level: SatisfactionLevelSchema,
  contents: v.optional(RatingContentsSchema),
  comment: v.optional(Text(2000)),
})
export type RatingSubmission = v.InferOutput<typeof RatingSubmissionSchema>
