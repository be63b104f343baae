/**
 * One valibot schema per field, derived from its definition: the single source of the rules
 * for a value that is present (whether a value is required is decided by the caller, since
 * visibility depends on the other values). Each schema's messages are IssueCodes, so valibot's
 * first issue maps straight to a FormIssue; the parameters (min, max...) come from the field.
 *
 * Values are normalised first (normalize.ts), so "+84 912 345 678" validates as "0912345678".
 */
import * as v from 'valibot'
import type { Field, FormValues } from './definition.ts'
import type { IssueCode } from './issues.ts'
import { type AddressDataset, addressProblem } from './address.ts'
import { identityNumberProblem } from './identity-number.ts'
import { phoneProblem } from './phone.ts'
import { formatDate, isIsoDate, resolveDateBound } from './dates.ts'
import { normalizeEmail, normalizeIdentityNumber, normalizeLongText, normalizePhone, normalizeText } from './normalize.ts'

export interface FieldRulesContext {
  /** ISO date of today (default: today in Việt Nam); bounds 'today' and identity years use it. */
  today: string
  addresses?: AddressDataset
}

type ValueSchema = v.GenericSchema<unknown, unknown>

/** The normalised form of a value, per kind (other values unchanged). */
export function normalizeValue(field: Field, value: unknown): unknown {
  if (typeof value === 'string') {
    switch (field.kind) {
      case 'longText':
        return normalizeLongText(value)
      case 'phone':
        return normalizePhone(value)
      case 'identityNumber':
        return normalizeIdentityNumber(value)
      case 'email':
        return normalizeEmail(value)
      case 'number': {
        const text = normalizeText(value)
        return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text
      }
      default:
        return normalizeText(value)
    }
  }
  if (field.kind === 'address' && typeof value === 'object' && value !== null) {
    const a = value as Record<string, unknown>
    return { ...a, street: typeof a.street === 'string' ? normalizeText(a.street) : a.street }
  }
  if (field.kind === 'group' && Array.isArray(value)) {
    return value.map((item) => (typeof item === 'object' && item !== null ? normalizeRecord(field.fields, item as FormValues) : item))
  }
  return value
}

/** Normalised copy of a level's values. */
export function normalizeRecord(fields: readonly Field[], values: FormValues): FormValues {
  const out: FormValues = { ...values }
  for (const field of fields) if (Object.hasOwn(values, field.id)) out[field.id] = normalizeValue(field, values[field.id])
  return out
}

/** A check that can fail in several ways: the issue's message is the code the function found. */
function problem<T>(fn: (value: T) => IssueCode | null) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const found = fn(dataset.value)
    if (found) addIssue({ message: found })
  })
}

/** The valibot schema of a present value of this field (groups: their item count only). */
export function fieldValueSchema(field: Field, ctx: FieldRulesContext): ValueSchema {
  switch (field.kind) {
    case 'text':
    case 'longText':
      return field.maxLength === undefined
        ? v.string('invalid')
        : v.pipe(v.string('invalid'), v.maxLength(field.maxLength, 'text.tooLong'))
    case 'number': {
      const steps: v.PipeItem<number, number, v.BaseIssue<unknown>>[] = [v.finite('number.invalid')]
      if (field.integer) steps.push(v.integer('number.notInteger'))
      if (field.min !== undefined) steps.push(v.minValue(field.min, 'number.tooSmall'))
      if (field.max !== undefined) steps.push(v.maxValue(field.max, 'number.tooLarge'))
      return v.pipe(v.number('number.invalid'), ...steps) as ValueSchema
    }
    case 'date': {
      const min = field.min && resolveDateBound(field.min, ctx.today)
      const max = field.max && resolveDateBound(field.max, ctx.today)
      return v.pipe(
        v.string('date.invalid'),
        v.check(isIsoDate, 'date.invalid'),
        v.check((d) => !min || d >= min, 'date.tooEarly'),
        v.check((d) => !max || d <= max, 'date.tooLate'),
      )
    }
    case 'select':
    case 'radio':
      return v.picklist(field.options.map((o) => o.value), 'choice.invalid')
    case 'checkbox':
      return field.options
        ? v.array(v.picklist(field.options.map((o) => o.value), 'choice.invalid'), 'choice.invalid')
        : v.boolean('invalid')
    case 'email':
      return v.pipe(v.string('email.invalid'), v.maxLength(254, 'email.invalid'), v.email('email.invalid'))
    case 'phone':
      return v.pipe(v.string('phone.invalid'), problem<string>(phoneProblem))
    case 'identityNumber':
      return v.pipe(v.string('identityNumber.format'), problem<string>((n) => identityNumberProblem(n, ctx.today)))
    case 'address':
      return v.pipe(v.unknown(), problem<unknown>((a) => addressProblem(a, ctx.addresses, field.required === true)))
    case 'group': {
      const steps: v.PipeItem<unknown[], unknown[], v.BaseIssue<unknown>>[] = []
      if (field.min !== undefined) steps.push(v.minLength(field.min, 'group.tooFew'))
      if (field.max !== undefined) steps.push(v.maxLength(field.max, 'group.tooMany'))
      return v.pipe(v.array(v.unknown(), 'invalid'), ...steps) as ValueSchema
    }
  }
}

/** Parameters a message needs for a code, taken from the field. */
export function issueParams(field: Field, code: IssueCode, today: string): Record<string, string | number> | undefined {
  if (code === 'text.tooLong' && 'maxLength' in field && field.maxLength !== undefined) return { max: field.maxLength }
  if ((code === 'number.tooSmall' || code === 'group.tooFew') && 'min' in field && typeof field.min === 'number') return { min: field.min }
  if ((code === 'number.tooLarge' || code === 'group.tooMany') && 'max' in field && typeof field.max === 'number') return { max: field.max }
  if (field.kind === 'date' && code === 'date.tooEarly' && field.min) return { min: formatDate(resolveDateBound(field.min, today)) }
  if (field.kind === 'date' && code === 'date.tooLate' && field.max) return { max: formatDate(resolveDateBound(field.max, today)) }
  return undefined
}
