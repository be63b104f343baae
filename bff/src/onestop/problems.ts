/** Problem types of the officers' API (suffixes after PROBLEM_BASE). */
import type { Problem } from '@portal/shared/http/problem'
import type { LifecycleErrorCode } from '@portal/shared/lifecycle/messages'
import { HttpError } from '../http/problem.ts'

export const oneStopProblemTypes = {
  /** 409: the state machine refuses the step now; `code` is the lifecycle error code. */
  refused: 'transition-refused',
  /** 422: the procedure has no structured processing time to count the due date from. */
  processingTimeMissing: 'processing-time-missing',
  /** 422: the result file is not one the officer uploaded (tus) and finished. */
  resultFileUnknown: 'result-file-unknown',
} as const

/** The lifecycle's refusal, with its stable code and its Vietnamese message as `detail`. */
export class TransitionRefused extends HttpError {
  constructor(
    readonly code: LifecycleErrorCode,
    message: { vi: string },
  ) {
    super(409, oneStopProblemTypes.refused, 'Không thể thực hiện thao tác với hồ sơ', message.vi)
  }

  override toProblem(instance: string): Problem & { code: LifecycleErrorCode } {
    return { ...super.toProblem(instance), code: this.code }
  }
}

export const processingTimeMissing = (detail: string) => new HttpError(422, oneStopProblemTypes.processingTimeMissing, 'Chưa có thời hạn giải quyết', detail)

export const resultFileUnknown = () =>
  new HttpError(
    422,
    oneStopProblemTypes.resultFileUnknown,
    'Chưa có tệp kết quả',
    'Tệp kết quả chưa được tải lên bằng tài khoản của bạn, hoặc chưa tải lên xong: hãy tải tệp lên rồi trả kết quả.',
  )
