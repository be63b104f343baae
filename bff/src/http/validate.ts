/**
 * Validator middleware: parses one part of the request with a valibot schema and hands the
 * typed output to the handler (`c.req.valid(target)`); on failure throws a 400 invalid-input
 * problem listing every wrong input, so bad input never reaches a handler (and never a 500).
 */
import type { ValidationTargets } from 'hono'
import { validator } from 'hono/validator'
import * as v from 'valibot'
import { invalidInput } from './problem.ts'

/**
 * @example app.get('/x', validate('query', v.object({ since: CatalogVersionSchema })), (c) => c.req.valid('query').since)
 */
export function validate<Target extends keyof ValidationTargets, Schema extends v.GenericSchema>(target: Target, schema: Schema) {
  return validator(target, (value): v.InferOutput<Schema> => {
    const result = v.safeParse(schema, value)
    if (result.success) return result.output
    const errors = result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? target, message: issue.message }))
    throw invalidInput(errors, `Tham số không hợp lệ: ${[...new Set(errors.map((e) => e.path))].join(', ')}`)
  })
}
