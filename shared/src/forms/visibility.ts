/**
 * Conditional fields: which fields are shown, and what is submitted.
 *
 * A condition names a field of the same level (inside a group item: a sibling) or, failing
 * that, a top-level field. "Has a value" means: not empty text, not false, not an empty list,
 * an address with a province. A field whose condition refers to a hidden field is hidden too:
 * hidden values do not count (pruning runs until nothing more is hidden, so chains of
 * conditions settle whatever the order of the fields).
 */
import type { Condition, Field, FormDefinition, FormValues } from './definition.ts'

export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (typeof value === 'number') return !Number.isNaN(value)
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') {
    const province = (value as { provinceCode?: unknown }).provinceCode
    return province === undefined || (typeof province === 'string' && province !== '')
  }
  return true
}

function holds(condition: Condition, value: unknown): boolean {
  if (!hasValue(value)) return false
  const values = Array.isArray(value) ? value : [value]
  if (condition.equals !== undefined) return values.some((v) => v === condition.equals)
  if (condition.in) return values.some((v) => typeof v === 'string' && condition.in!.includes(v))
  return true
}

/** Top-level fields of a definition, across its sections. */
export function topLevelFields(def: FormDefinition): Field[] {
  return def.sections.flatMap((s) => s.fields)
}

/**
 * Whether a field is shown. `values`: the top-level values; `scopeValues`: the group item the
 * field belongs to, if any (its own keys win over top-level ones of the same name).
 */
export function isFieldVisible(field: Field, values: FormValues, scopeValues?: FormValues): boolean {
  const condition = field.showWhen
  if (!condition) return true
  const inScope = scopeValues !== undefined && Object.hasOwn(scopeValues, condition.field)
  return holds(condition, inScope ? scopeValues[condition.field] : values[condition.field])
}

/** Visibility when the level's field ids are known (decides scope by id, not by key presence). */
export function visibleAt(field: Field, levelIds: ReadonlySet<string>, values: FormValues, scope?: FormValues): boolean {
  const condition = field.showWhen
  if (!condition) return true
  const own = scope !== undefined && levelIds.has(condition.field)
  return holds(condition, own ? scope[condition.field] : values[condition.field])
}

function pruneLevel(fields: readonly Field[], top: FormValues, scope: FormValues | undefined): FormValues {
  const ids = new Set(fields.map((f) => f.id))
  const source = scope ?? top
  const out: FormValues = {}
  for (const field of fields) {
    if (!Object.hasOwn(source, field.id) || !visibleAt(field, ids, top, scope)) continue
    const value = source[field.id]
    if (field.kind === 'group') {
      out[field.id] = Array.isArray(value)
        ? value.map((item) => pruneLevel(field.fields, top, typeof item === 'object' && item !== null ? (item as FormValues) : {}))
        : value
    } else {
      out[field.id] = value
    }
  }
  return out
}

/**
 * What gets submitted: the values of shown fields only (inside group items too); keys that are
 * not fields of the definition are dropped.
 */
export function pruneHidden(def: FormDefinition, values: FormValues): FormValues {
  const fields = topLevelFields(def)
  let current = values
  for (let round = 0; round <= fields.length; round++) {
    const next = pruneLevel(fields, current, undefined)
    if (JSON.stringify(next) === JSON.stringify(current)) return next
    current = next
  }
  return current
}
