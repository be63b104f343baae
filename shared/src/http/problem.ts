/**
 * The one error shape of the API: RFC 9457 problem details. `type` is a stable URI the app
 * switches on; `title` is Vietnamese (the app shows its own localised text by `type`).
 */
import * as v from 'valibot'

export const PROBLEM_BASE = 'https://dichvucong.example/problems/'

export const ProblemSchema = v.object({
  type: v.string(),
  title: v.string(),
  status: v.number(),
  detail: v.optional(v.string()),
  instance: v.optional(v.string()),
  /** Which inputs were wrong, for validation problems. */
  errors: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
})
export type Problem = v.InferOutput<typeof ProblemSchema>

/** Stable problem types: the suffix after PROBLEM_BASE. */
export const problemTypes = {
  notFound: 'not-found',
  invalidInput: 'invalid-input',
  internal: 'internal',
} as const
export type ProblemType = (typeof problemTypes)[keyof typeof problemTypes]
