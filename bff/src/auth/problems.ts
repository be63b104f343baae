/** Problem types of authentication and access control (suffixes after PROBLEM_BASE). */
import { HttpError } from '../http/problem.ts'

export const authProblemTypes = {
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  mfaRequired: 'mfa-required',
  csrf: 'csrf-header-missing',
} as const

/** No session, or one that expired: the app asks the person to sign in. */
export const unauthenticated = () =>
  new HttpError(401, authProblemTypes.unauthenticated, 'Chưa đăng nhập', 'Vui lòng đăng nhập để tiếp tục.')

export const forbidden = (detail = 'Tài khoản của bạn không có quyền thực hiện thao tác này.') =>
  new HttpError(403, authProblemTypes.forbidden, 'Không có quyền', detail)

export const mfaRequired = () =>
  new HttpError(403, authProblemTypes.mfaRequired, 'Cần xác thực hai lớp', 'Thao tác này cần một phiên đăng nhập có xác thực hai lớp.')

export const csrfHeaderMissing = () =>
  new HttpError(403, authProblemTypes.csrf, 'Yêu cầu không hợp lệ', 'Thiếu tiêu đề X-Requested-With: yêu cầu này phải đến từ ứng dụng.')
