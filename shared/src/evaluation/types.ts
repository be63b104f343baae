/**
 * What the evaluation of the one-stop-shop's work reads and gives (docs/evaluation.md): the
 * applicant's rating (NĐ 61/2018 Art. 31), a finished dossier as the indices need it, the nine
 * indices of TT 01/2018 Art. 13 and the grades of Art. 15.
 */
import * as v from 'valibot'

/** The three levels of satisfaction (TT 32/2017; NĐ 61/2018 Art. 31). */
export const SATISFACTION_LEVELS = ['very-satisfied', 'satisfied', 'unsatisfied'] as const
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number]
export const SATISFACTION_NAMES: Record<SatisfactionLevel, { vi: string; en: string }> = {
  'very-satisfied': { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  unsatisfied: { vi: 'Chưa hài lòng', en: 'Not satisfied' },
}

export const SatisfactionLevelSchema = v.picklist(SATISFACTION_LEVELS)
const Count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max))

/**
 * The optional contents an applicant may rate (NĐ 61/2018 Art. 31, as domain.md §5 lists them):
 * each a level, except the two that are counts.
 */
export const RatingContentsSchema = v.object({
  /** Thời gian trả kết quả. */
  returnTime: v.optional(SatisfactionLevelSchema),
  /** Số cơ quan, đơn vị phải liên hệ (a count, at least the receiving one). */
  agenciesContacted: v.optional(v.pipe(Count(50), v.minValue(1))),
  /** Số lần phải liên hệ để hoàn thiện hồ sơ (beyond the submission itself). */
  contactsNeeded: v.optional(Count(50)),
  /** Tính chính xác của thông tin công khai về thủ tục. */
  publishedInformation: v.optional(SatisfactionLevelSchema),
  /** Thái độ của cán bộ, công chức. */
  staffAttitude: v.optional(SatisfactionLevelSchema),
  /** Kết quả đúng quy định, chi phí đúng quy định. */
  resultAndCosts: v.optional(SatisfactionLevelSchema),
  /** Chất lượng tiếp thu, giải trình. */
  explanations: v.optional(SatisfactionLevelSchema),
  /** Tiến độ và chất lượng dịch vụ công trực tuyến. */
  onlineService: v.optional(SatisfactionLevelSchema),
})
export type RatingContents = v.InferOutput<typeof RatingContentsSchema>

/** One applicant's rating of one dossier, given after the result. */
export interface Rating {
  dossierId: string
  level: SatisfactionLevel
  /** ISO 8601 with an offset. A later rating of the same dossier replaces an earlier one. */
  ratedAt: string
  contents?: RatingContents
}

/** A complaint or recommendation about the dossier (phản ánh, kiến nghị) and its answer. */
export interface FeedbackRecord {
  receivedAt: string
  /** When it had to be answered. */
  dueAt: string
  answeredAt?: string
}

/** One unit's part of the processing (Mẫu 05), with its own time limit when one was set. */
export interface UnitStep {
  unit: string
  dueAt?: string
  doneAt?: string
}

/**
 * A finished dossier (its result returned, or refused after review) as the indices read it.
 * Instants are ISO 8601 with an offset.
 */
export interface EvaluationDossier {
  id: string
  agencyCode: string
  /** The procedure's field (lĩnh vực). */
  field: string
  procedureCode: string
  /** The procedure's online service as offered: toàn trình, một phần, or none. */
  onlineService: 'full' | 'partial' | 'none'
  submittedOnline: boolean
  /** How the procedure is published in the catalogue: complete, with gaps, or not at all. */
  publication: 'complete' | 'incomplete' | 'none'
  /** Received by the one-stop-shop (its counter or its online reception, the portal). */
  receivedAtOneStop: boolean
  /** The latest complete receipt (the count restarts after a supplement). */
  receivedAt: string
  /** The first handover to a processing unit after that receipt, if the dossier had one. */
  handedOverAt?: string
  /** The due date counted from `receivedAt`, before any reset by an apology (Mẫu 04). */
  dueAt: string
  /** When the result was returned, or the refusal issued. */
  finishedAt: string
  /** Supplement requests (Mẫu 02) over the dossier's life. */
  supplementRequests: number
  units?: UnitStep[]
  /** Absent: complaints are not tracked for this dossier; empty: none was made. */
  feedback?: FeedbackRecord[]
}

/** The nine indices of TT 01/2018 Art. 13, in the article's order. */
export const INDEX_KEYS = ['totalTime', 'unitTime', 'contacts', 'agencies', 'oneStop', 'publication', 'attitude', 'feedback', 'online'] as const
export type IndexKey = (typeof INDEX_KEYS)[number]

export const INDEX_NAMES: Record<IndexKey, { vi: string; en: string }> = {
  totalTime: { vi: 'Tổng thời gian giải quyết so với thời gian quy định', en: 'Total processing time against the limit' },
  unitTime: { vi: 'Thời gian thực hiện của từng cơ quan, đơn vị', en: 'Each unit’s time' },
  contacts: { vi: 'Số lần phải liên hệ để hoàn thiện hồ sơ', en: 'Contacts needed to complete the dossier' },
  agencies: { vi: 'Số cơ quan, đơn vị phải liên hệ', en: 'Agencies contacted' },
  oneStop: { vi: 'Tiếp nhận tại Bộ phận Một cửa và chuyển hồ sơ đúng hạn', en: 'Received at the one-stop-shop, handed over on time' },
  publication: { vi: 'Công khai thủ tục hành chính', en: 'Publication of the procedure' },
  attitude: { vi: 'Thái độ của cán bộ, công chức', en: 'Staff attitude' },
  feedback: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị đúng hạn', en: 'Feedback handled on time' },
  online: { vi: 'Cung cấp dịch vụ công trực tuyến', en: 'Online service' },
}

export type Points = 0 | 1 | 2
/** A dossier's points per index; null where the index cannot be judged for it. */
export type DossierScores = Record<IndexKey, Points | null>

/** TT 01/2018 Art. 15 grades, best first. */
export const GRADES = ['excellent', 'good', 'fair', 'average', 'weak'] as const
export type Grade = (typeof GRADES)[number]
export const GRADE_NAMES: Record<Grade, { vi: string; en: string }> = {
  excellent: { vi: 'Xuất sắc', en: 'Excellent' },
  good: { vi: 'Tốt', en: 'Good' },
  fair: { vi: 'Khá', en: 'Fair' },
  average: { vi: 'Trung bình', en: 'Average' },
  weak: { vi: 'Yếu', en: 'Weak' },
}
