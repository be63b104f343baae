/** Problems of the holiday table's admin API (suffixes after PROBLEM_BASE). */
import { HttpError, notFound } from '../http/problem.ts'

export const calendarProblemTypes = {
  /** 409: the date is in the table already; change that day instead. */
  dayExists: 'holiday-exists',
  /** 409: the day is confirmed already. */
  notProvisional: 'holiday-not-provisional',
} as const

export const dayExists = (date: string) =>
  new HttpError(409, calendarProblemTypes.dayExists, 'Ngày này đã có trong bảng ngày nghỉ', `Ngày ${date} đã có trong bảng: hãy sửa ngày đó thay vì thêm lần nữa.`)

export const dayNotFound = (date: string) => notFound(`Ngày ${date} không có trong bảng ngày nghỉ.`)

export const dayNotProvisional = (date: string) =>
  new HttpError(409, calendarProblemTypes.notProvisional, 'Ngày này đã được xác nhận', `Ngày ${date} không còn ở trạng thái tạm tính.`)
