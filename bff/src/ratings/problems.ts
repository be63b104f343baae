/**
 * Problem types of the rating (suffixes after PROBLEM_BASE). Each refusal carries the server's
 * `dossier` view, as a conflict at intake does: the phone that queued the rating shows where the
 * dossier stands (not returned yet, or rated already) without another request.
 */
import type { DossierView } from '@portal/shared/dossiers/schema'
import type { Problem } from '@portal/shared/http/problem'
import { HttpError } from '../http/problem.ts'

export const ratingProblemTypes = {
  /** 409: the result has not been returned yet (status `returned`): nothing to rate. */
  beforeResult: 'rating-before-result',
  /** 409: the dossier was rated already, under another rating id; a dossier is rated once. */
  rated: 'rating-exists',
  /** 409: this rating id was sent before with other content, or for another dossier. */
  conflict: 'rating-conflict',
} as const

export class RatingRefused extends HttpError {
  constructor(
    type: string,
    title: string,
    detail: string,
    readonly dossier: DossierView,
  ) {
    super(409, type, title, detail)
  }

  override toProblem(instance: string): Problem & { dossier: DossierView } {
    return { ...super.toProblem(instance), dossier: this.dossier }
  }
}

export const ratingBeforeResult = (dossier: DossierView) =>
  new RatingRefused(ratingProblemTypes.beforeResult, 'Hồ sơ chưa có kết quả', 'Chỉ đánh giá được sau khi đã nhận kết quả giải quyết hồ sơ.', dossier)

export const alreadyRated = (ratedAt: string, dossier: DossierView) =>
  new RatingRefused(ratingProblemTypes.rated, 'Hồ sơ đã được đánh giá', `Mỗi hồ sơ chỉ được đánh giá một lần; hồ sơ này đã được đánh giá lúc ${ratedAt}.`, dossier)

export const ratingConflict = (dossier: DossierView) =>
  new RatingRefused(ratingProblemTypes.conflict, 'Đánh giá đã được gửi với nội dung khác', 'Mã định danh (id) của đánh giá này đã được dùng với nội dung khác.', dossier)
