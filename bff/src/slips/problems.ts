/** Problem types of the slips and the register (suffixes after PROBLEM_BASE). */
import { HttpError } from '../http/problem.ts'

export const slipProblemTypes = {
  registerTooLarge: 'register-too-large',
} as const

export const registerTooLarge = (limit: number) =>
  new HttpError(
    422,
    slipProblemTypes.registerTooLarge,
    'Sổ theo dõi quá dài',
    `Khoảng thời gian này có hơn ${limit.toLocaleString('vi-VN')} hồ sơ: hãy chọn khoảng ngắn hơn.`,
  )
