/**
 * Validation derived from a FormDefinition, the same on the device and in the BFF.
 *
 * - Per field: a present value is normalised (normalize.ts) and parsed with the field's valibot
 *   schema (field-schema.ts); an empty value fails only when the field is required and shown.
 * - Per form: every shown field of every section, group items included (paths
 *   `groupId.<index>.fieldId`); hidden fields are skipped (visibility.ts).
 * - Across fields: an identity number is checked against the birth date and sex of the same
 *   person (`about` in definition.ts): a mismatch is reported on the identity number, as the
 *   applicant's likely slip.
 * - `formSchema(def)` wraps the whole as one valibot schema for the BFF's validator middleware:
 *   its output is the normalised, pruned values; its issues carry the dotted path, the
 *   IssueCode in `expected` and the Vietnamese message in `message`.
 */
import * as v from 'valibot'
import type { Field, FormDefinition, FormValues } from './definition.ts'
import type { FormIssue, IssueCode } from './issues.ts'
import type { AddressDataset } from './address.ts'
import { fieldValueSchema, issueParams, normalizeRecord, normalizeValue } from './field-schema.ts'
import { hasValue, pruneHidden, topLevelFields, visibleAt } from './visibility.ts'
import { identityNumberFacts } from './identity-number.ts'
import { todayInVietnam } from './dates.ts'
import { formatIssue } from './messages.ts'

export interface ValidateOptions {
  /** ISO date taken as today (default: today in Việt Nam). */
  today?: string
  addresses?: AddressDataset
}

export interface FieldContext extends ValidateOptions {
  /** Path of the value (default: the field's id). */
  path?: string
  /** Top-level values, for the visibility of fields inside a group. */
  values?: FormValues
}

function issue(field: Field, path: string, code: IssueCode, today: string): FormIssue {
  const params = issueParams(field, code, today)
  return params ? { path, code, params } : { path, code }
}

/** Inline validation of one field's value (a group: its count and its items). */
export function validateField(field: Field, value: unknown, context: FieldContext = {}): FormIssue[] {
  const today = context.today ?? todayInVietnam()
  const path = context.path ?? field.id
  const normalized = normalizeValue(field, value)
  if (!hasValue(normalized)) {
    const needed = field.required || (field.kind === 'group' && (field.min ?? 0) > 0)
    return needed ? [issue(field, path, 'required', today)] : []
  }
  const result = v.safeParse(fieldValueSchema(field, { today, addresses: context.addresses }), normalized)
  if (!result.success) return [issue(field, path, result.issues[0].message as IssueCode, today)]
  if (field.kind !== 'group') return []
  return (normalized as unknown[]).flatMap((item, i) =>
    validateLevel(field.fields, context.values ?? {}, isRecord(item) ? item : {}, `${path}.${i}.`, { ...context, today }),
  )
}

const isRecord = (x: unknown): x is FormValues => typeof x === 'object' && x !== null && !Array.isArray(x)

function validateLevel(fields: readonly Field[], top: FormValues, scope: FormValues | undefined, prefix: string, options: ValidateOptions & { today: string }): FormIssue[] {
  const ids = new Set(fields.map((f) => f.id))
  const own = scope ?? top
  const shown = fields.filter((f) => visibleAt(f, ids, top, scope))
  const issues = shown.flatMap((f) => validateField(f, own[f.id], { ...options, path: prefix + f.id, values: top }))
  const failed = new Set(issues.map((i) => i.path))
  return issues.concat(crossCheck(shown, own, prefix, failed))
}

/** Identity number against birth date and sex of the same person, when both are valid. */
function crossCheck(fields: readonly Field[], values: FormValues, prefix: string, failed: ReadonlySet<string>): FormIssue[] {
  const out: FormIssue[] = []
  for (const idField of fields) {
    if (idField.about?.fact !== 'identityNumber' || failed.has(prefix + idField.id)) continue
    const facts = identityNumberFacts(String(normalizeValue(idField, values[idField.id]) ?? ''))
    if (!facts) continue
    const person = idField.about.person
    const path = prefix + idField.id
    for (const other of fields) {
      if (other.about?.person !== person || failed.has(prefix + other.id)) continue
      const value = values[other.id]
      if (other.about.fact === 'birthDate' && typeof value === 'string' && value.length >= 4) {
        const year = Number(value.slice(0, 4))
        if (year !== facts.birthYear) out.push({ path, code: 'identityNumber.birthYearMismatch', params: { year: facts.birthYear } })
      }
      if (other.about.fact === 'sex' && (value === 'male' || value === 'female') && value !== facts.sex) {
        out.push({ path, code: 'identityNumber.sexMismatch' })
      }
    }
  }
  return out
}

/** Every issue of the whole form (hidden fields skipped), in the order of the fields. */
export function validateForm(def: FormDefinition, values: FormValues, options: ValidateOptions = {}): FormIssue[] {
  const today = options.today ?? todayInVietnam()
  const fields = topLevelFields(def)
  // Visibility is decided on the pruned values, so a field shown only by a hidden one is hidden too.
  const top = pruneHidden(def, normalizeRecord(fields, values))
  return validateLevel(fields, top, undefined, '', { ...options, today })
}

/** How far the form is: shown required fields (inside group items too) and how many have a value. */
export function formProgress(def: FormDefinition, values: FormValues): { answered: number; required: number } {
  const top = pruneHidden(def, values)
  const tally = { answered: 0, required: 0 }
  const count = (fields: readonly Field[], scope: FormValues | undefined) => {
    const ids = new Set(fields.map((f) => f.id))
    for (const f of fields) {
      if (!visibleAt(f, ids, top, scope)) continue
      const value = (scope ?? top)[f.id]
      if (f.required) {
        tally.required++
        if (hasValue(value)) tally.answered++
      }
      if (f.kind === 'group' && Array.isArray(value)) for (const item of value) count(f.fields, isRecord(item) ? item : {})
    }
  }
  count(topLevelFields(def), undefined)
  return tally
}

function pathItems(input: FormValues, dotted: string): [v.IssuePathItem, ...v.IssuePathItem[]] {
  const items: v.IssuePathItem[] = []
  let node: unknown = input
  for (const key of dotted.split('.')) {
    const container = node
    const value = isRecord(container) || Array.isArray(container) ? (container as Record<string, unknown>)[key] : undefined
    items.push({ type: 'unknown', origin: 'value', input: container, key: /^\d+$/.test(key) ? Number(key) : key, value })
    node = value
  }
  return items as [v.IssuePathItem, ...v.IssuePathItem[]]
}

function labelAt(def: FormDefinition, dotted: string): string {
  let fields: readonly Field[] = topLevelFields(def)
  let found: Field | undefined
  for (const key of dotted.split('.')) {
    if (/^\d+$/.test(key)) continue
    found = fields.find((f) => f.id === key)
    fields = found?.kind === 'group' ? found.fields : []
  }
  return found?.label.vi ?? dotted
}

/** One valibot schema for the whole form: checks everything, outputs normalised pruned values. */
export function formSchema(def: FormDefinition, options: ValidateOptions = {}) {
  return v.pipe(
    v.record(v.string(), v.unknown()),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return
      for (const found of validateForm(def, dataset.value, options)) {
        addIssue({
          message: formatIssue(found, 'vi', labelAt(def, found.path)),
          expected: found.code,
          path: pathItems(dataset.value, found.path),
        })
      }
    }),
    v.transform((values) => pruneHidden(def, normalizeRecord(topLevelFields(def), values))),
  )
}
