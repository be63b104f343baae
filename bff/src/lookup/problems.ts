/** Problem types of the look-up (suffixes after PROBLEM_BASE). */
import { HttpError } from '../http/problem.ts'

export const lookupProblemTypes = {
  /** 429: over the per-address limit; Retry-After says when to try again. */
  tooMany: 'too-many-lookups',
} as const

export const tooManyLookups = (limit: number, retryAfterSeconds: number) =>
  new HttpError(
    429,
    lookupProblemTypes.tooMany,
    'Quá nhiều lượt tra cứu',
    `Mỗi địa chỉ được tra cứu tối đa ${limit} lần mỗi phút; hãy thử lại sau ${retryAfterSeconds} giây.`,
  )

