/** Problem types of intake (suffixes after PROBLEM_BASE) and the conflict that carries a dossier. */
import type { DossierView } from '@portal/shared/dossiers/schema'
import type { Problem } from '@portal/shared/http/problem'
import { HttpError, type ProblemErrors } from '../http/problem.ts'

export const dossierProblemTypes = {
  /** 422: the submission breaks a rule of its procedure; `errors` lists every fault at once. */
  invalid: 'dossier-invalid',
  /** 409: this id was submitted before, by the caller, with other content; `dossier` is the server's. */
  conflict: 'dossier-conflict',
  /** 409: this id is taken (by someone else): make a new id. */
  idTaken: 'dossier-id-taken',
  /** 413: the JSON body is over the intake limit. */
  tooLarge: 'payload-too-large',
} as const

export const dossierInvalid = (errors: ProblemErrors) =>
  new HttpError(
    422,
    dossierProblemTypes.invalid,
    'Hồ sơ chưa hợp lệ',
    `Hồ sơ chưa được tiếp nhận: ${errors.length} điểm cần sửa (xem errors).`,
    errors,
  )

export class DossierConflict extends HttpError {
  constructor(readonly dossier: DossierView) {
    super(
      409,
      dossierProblemTypes.conflict,
      'Hồ sơ đã được nộp với nội dung khác',
      `Hồ sơ này đã được tiếp nhận với mã ${dossier.code} và nội dung khác với bản vừa gửi. Bản đã tiếp nhận được gửi kèm (dossier).`,
    )
  }

  override toProblem(instance: string): Problem & { dossier: DossierView } {
    return { ...super.toProblem(instance), dossier: this.dossier }
  }
}

export const dossierIdTaken = () =>
  new HttpError(409, dossierProblemTypes.idTaken, 'Mã định danh hồ sơ đã được dùng', 'Mã định danh (id) này đã được dùng cho một hồ sơ khác; hãy tạo mã mới và gửi lại.')

export const payloadTooLarge = (limit: number) =>
  new HttpError(413, dossierProblemTypes.tooLarge, 'Dữ liệu gửi lên quá lớn', `Nội dung yêu cầu vượt quá ${Math.round(limit / 1024)} KB.`)
