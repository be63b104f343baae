/**
 * The public look-up of a dossier by its code (TT 01/2018 Art. 16, domain.md §2): two tiers.
 *
 * - Anyone: the procedure, the status and the dates (submitted, received, due, returned), and
 *   nothing that says who applied or what they supplied. Dossier codes are printed on slips and
 *   are easy to guess (`<agency>-YYMMDD-NNNN`), so the anonymous answer must be harmless to a
 *   stranger who guessed one.
 * - The signed-in owner of the dossier: also `owner` — the receiving agency, the unit holding
 *   the dossier now and the history step by step ("status down to the processing unit"), and
 *   the dossier's id, for the receipt kept on the device.
 *
 * `GET /api/lookup/{dossierCode}` answers it; the app's /tra-cuu and the server page show it.
 */
import * as v from 'valibot'
import { ProcedureCodeSchema } from '../catalog/schema.ts'
import { DOSSIER_CODE, DossierIdSchema, DossierStatusSchema } from '../dossiers/schema.ts'

/** Longest code accepted: an agency code, a day and a widened number (decision 3) fit well within. */
export const LOOKUP_CODE_MAX = 40

/**
 * A dossier code as typed: surrounding spaces dropped and letters upper-cased (`h55` is `H55`),
 * then checked against the format of TT 01/2018 Art. 19.
 *
 * @example v.parse(LookupCodeSchema, ' 000.00.01.h55-260701-0001 ') === '000.00.01.H55-260701-0001'
 */
export const LookupCodeSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(LOOKUP_CODE_MAX, 'Mã hồ sơ quá dài.'),
  v.toUpperCase(),
  v.regex(DOSSIER_CODE, 'Mã hồ sơ không đúng dạng <mã cơ quan>-YYMMDD-NNNN.'),
)

export const LookupStatusSchema = v.object({
  /** The provincial systems' status code, 1–10 (domain.md §3). */
  code: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  key: DossierStatusSchema,
  /** Vietnamese, as the app shows it. */
  name: v.string(),
})

export const LookupHistoryStepSchema = v.object({
  status: DossierStatusSchema,
  at: v.string(),
  /** The unit that held the dossier after this step, when the one-stop-shop says. */
  unit: v.optional(v.string()),
  note: v.optional(v.string()),
})

export const DossierLookupSchema = v.object({
  code: v.string(),
  procedure: v.object({ code: ProcedureCodeSchema, name: v.string() }),
  status: LookupStatusSchema,
  /** ISO 8601 with +07:00. When the portal received the submission. */
  submittedAt: v.string(),
  /** The latest complete receipt by the agency (the due date counts from it). */
  receivedAt: v.optional(v.string()),
  /** The appointment for the result (hẹn trả); absent before receipt or while a supplement is awaited. */
  dueAt: v.optional(v.string()),
  /** When the result was returned. */
  returnedAt: v.optional(v.string()),
  /** Only for the signed-in owner. */
  owner: v.optional(
    v.object({
      id: DossierIdSchema,
      agency: v.object({ code: v.string(), name: v.string() }),
      unit: v.optional(v.string()),
      history: v.array(LookupHistoryStepSchema),
    }),
  ),
})

export type DossierLookup = v.InferOutput<typeof DossierLookupSchema>
export type LookupHistoryStep = v.InferOutput<typeof LookupHistoryStepSchema>
