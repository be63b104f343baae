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
  /** 409: a supplement for a dossier with no open supplement request (status not supplementRequested). */
  supplementNotRequested: 'supplement-not-requested',
  /** 422: the supplement breaks a rule (components not asked for, files not uploaded…); `errors` lists every fault. */
  supplementInvalid: 'supplement-invalid',
  /** 409: the dossier can no longer be withdrawn (processing started, or it is closed). */
  withdrawalNotAllowed: 'withdrawal-not-allowed',
  /** 409: this request was answered already (a supplement for it, or the withdrawal, was sent under another id). */
  stepAlreadySent: 'step-already-sent',
  /** 409: this id was sent before with other content. */
  stepConflict: 'step-conflict',
  /** 409: this id is taken by another dossier, step or person: make a new id. */
  stepIdTaken: 'step-id-taken',
  /** 503: the result is with the province's one-stop-shop and could not be fetched now (Retry-After). */
  resultUnavailable: 'result-unavailable',
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

export const supplementNotRequested = (code: string, status: string) =>
  new HttpError(
    409,
    dossierProblemTypes.supplementNotRequested,
    'Hồ sơ không ở trạng thái Yêu cầu bổ sung',
    `Hồ sơ ${code} đang ở trạng thái “${status}”: cơ quan không yêu cầu bổ sung, nên không thể nộp bổ sung. Bản bổ sung không được lưu.`,
  )

export const supplementInvalid = (errors: ProblemErrors) =>
  new HttpError(422, dossierProblemTypes.supplementInvalid, 'Bản bổ sung chưa hợp lệ', `Bản bổ sung chưa được nhận: ${errors.length} điểm cần sửa (xem errors).`, errors)

export const withdrawalNotAllowed = (code: string, status: string, why: string) =>
  new HttpError(
    409,
    dossierProblemTypes.withdrawalNotAllowed,
    'Không thể rút hồ sơ',
    `Hồ sơ ${code} đang ở trạng thái “${status}”: ${why} Chỉ rút được hồ sơ trước khi cơ quan bắt đầu giải quyết (Mới đăng ký, Được tiếp nhận, Yêu cầu bổ sung).`,
  )

export const stepAlreadySent = (detail: string) => new HttpError(409, dossierProblemTypes.stepAlreadySent, 'Yêu cầu này đã được gửi', detail)

export const stepConflict = () =>
  new HttpError(
    409,
    dossierProblemTypes.stepConflict,
    'Đã gửi với nội dung khác',
    'Mã định danh (id) này đã được dùng cho một lần gửi có nội dung khác; bản đã nhận được giữ nguyên. Nếu muốn gửi nội dung mới, hãy tạo mã mới.',
  )

export const stepIdTaken = () =>
  new HttpError(409, dossierProblemTypes.stepIdTaken, 'Mã định danh đã được dùng', 'Mã định danh (id) này đã được dùng cho một yêu cầu khác; hãy tạo mã mới và gửi lại.')

/** Seconds the app is told to wait before asking for a result that could not be fetched. */
export const RESULT_RETRY_AFTER_S = 60

export const resultUnavailable = () =>
  new HttpError(
    503,
    dossierProblemTypes.resultUnavailable,
    'Chưa lấy được kết quả',
    'Kết quả đang ở hệ thống một cửa của tỉnh và chưa lấy về được lúc này. Ứng dụng sẽ thử lại; kết quả vẫn nhận được tại cơ quan.',
  )
