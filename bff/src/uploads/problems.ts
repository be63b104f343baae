/**
 * Problem types of uploads (suffixes after PROBLEM_BASE). tus answers carry them as
 * application/problem+json bodies: the hooks throw `TusProblem`, the route sets the type.
 */
import { HttpError } from '../http/problem.ts'

export const uploadProblemTypes = {
  hashMismatch: 'upload-hash-mismatch',
  typeMismatch: 'upload-type-mismatch',
  invalidMetadata: 'upload-invalid-metadata',
  tooMany: 'upload-too-many',
  tooLarge: 'upload-too-large',
  gone: 'upload-expired',
  protocol: 'upload-protocol',
} as const

/** An HttpError in the shape tus's error handling expects (status_code, body). */
export class TusProblem extends Error {
  readonly status_code: number
  readonly body: string

  constructor(readonly error: HttpError) {
    super(error.detail ?? error.title)
    this.status_code = error.status
    this.body = JSON.stringify(error.toProblem('/api/uploads'))
  }
}

export const hashMismatch = () =>
  new HttpError(
    422,
    uploadProblemTypes.hashMismatch,
    'Tệp nhận được không khớp mã băm',
    'Mã SHA-256 của dữ liệu nhận được khác mã đã khai báo: tệp bị hỏng khi gửi hoặc đã thay đổi. Tệp đã bị xoá; hãy gửi lại.',
  )

export const typeMismatch = (declared: string, found: string | undefined) =>
  new HttpError(
    422,
    uploadProblemTypes.typeMismatch,
    'Loại tệp không đúng',
    `Tệp được khai báo là ${declared} nhưng nội dung ${found ? `là ${found}` : 'không thuộc loại nào được chấp nhận (JPEG, PNG, HEIC, PDF)'}. Tệp đã bị xoá.`,
  )

export const invalidMetadata = (errors: { path: string; message: string }[]) =>
  new HttpError(
    400,
    uploadProblemTypes.invalidMetadata,
    'Thông tin tệp không hợp lệ',
    'Upload-Metadata phải có sha256 (64 chữ số hex viết thường), filename và filetype (image/jpeg, image/png, image/heic, application/pdf); Upload-Length phải được khai báo.',
    errors,
  )

export const tooManyUploads = (max: number) =>
  new HttpError(429, uploadProblemTypes.tooMany, 'Quá nhiều tệp đang tải lên', `Mỗi người chỉ được có ${max} tệp đang tải lên dở dang cùng lúc; hãy hoàn tất hoặc huỷ bớt.`)

export const uploadGone = () =>
  new HttpError(410, uploadProblemTypes.gone, 'Lượt tải lên đã hết hạn', 'Lượt tải lên dở dang này đã quá hạn và bị xoá; hãy tải tệp lên lại từ đầu.')

export const uploadNotFound = () => new HttpError(404, 'not-found', 'Không tìm thấy', 'Không có lượt tải lên này.')
