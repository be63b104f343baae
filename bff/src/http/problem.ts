/**
 * The typed HTTP error every handler throws, and the problem+json body it becomes (RFC 9457,
 * shape in shared/src/http/problem.ts). Handlers never build error responses themselves: they
 * throw, and app.ts's onError/notFound answer in one place (errors.ts).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { PROBLEM_BASE, problemTypes, type Problem } from '@portal/shared/http/problem'

/** Types the BFF adds to the shared ones (the app does not switch on these). */
export const bffProblemTypes = {
  forbiddenOrigin: 'forbidden-origin',
  httpError: 'http-error',
} as const

export type ProblemErrors = NonNullable<Problem['errors']>

export class HttpError extends Error {
  override name = 'HttpError'

  constructor(
    readonly status: ContentfulStatusCode,
    /** Suffix after PROBLEM_BASE. */
    readonly type: string,
    /** Vietnamese, short, the same for every occurrence of this type. */
    readonly title: string,
    readonly detail?: string,
    readonly errors?: ProblemErrors,
  ) {
    super(detail ?? title)
  }

  toProblem(instance: string): Problem {
    return {
      type: PROBLEM_BASE + this.type,
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      instance,
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    }
  }
}

/** @example throw notFound('Không có thủ tục mã 1.999999') */
export const notFound = (detail?: string) => new HttpError(404, problemTypes.notFound, 'Không tìm thấy', detail)

/** @example throw invalidInput([{ path: 'since', message: 'Invalid format' }]) */
export const invalidInput = (errors: ProblemErrors, detail?: string) =>
  new HttpError(400, problemTypes.invalidInput, 'Dữ liệu gửi lên không hợp lệ', detail, errors)

export const internalError = () =>
  new HttpError(500, problemTypes.internal, 'Lỗi hệ thống', 'Máy chủ gặp lỗi khi xử lý yêu cầu; vui lòng thử lại sau.')

export const forbiddenOrigin = (detail: string) =>
  new HttpError(403, bffProblemTypes.forbiddenOrigin, 'Yêu cầu từ trang khác bị từ chối', detail)
