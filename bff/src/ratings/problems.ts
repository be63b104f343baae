/** Problem types of the rating (suffixes after PROBLEM_BASE). */
import { HttpError } from '../http/problem.ts'

export const ratingProblemTypes = {
  /** 409: the result has not been returned yet (status `returned`): nothing to rate. */
  beforeResult: 'rating-before-result',
  /** 409: the dossier was rated already, under another rating id; a dossier is rated once. */
  rated: 'rating-exists',
  /** 409: this rating id was sent before with other content. */
  conflict: 'rating-conflict',
} as const

export const ratingBeforeResult = () =>
  new HttpError(409, ratingProblemTypes.beforeResult, 'Hồ sơ chưa có kết quả', 'Chỉ đánh giá được sau khi đã nhận kết quả giải quyết hồ sơ.')

export const alreadyRated = (ratedAt: string) =>
  new HttpError(409, ratingProblemTypes.rated, 'Hồ sơ đã được đánh giá', `Mỗi hồ sơ chỉ được đánh giá một lần; hồ sơ này đã được đánh giá lúc ${ratedAt}.`)

export const ratingConflict = () =>
  new HttpError(409, ratingProblemTypes.conflict, 'Đánh giá đã được gửi với nội dung khác', 'Mã định danh (id) của đánh giá này đã được dùng với nội dung khác.')
