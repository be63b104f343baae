/**
 * What a form's fields need from the page that holds them (the draft being edited): read and
 * change a value by path, its error message, and the moments that matter for validation and for
 * other tabs' updates (focus: the user is typing here; blur: check it now). Provided once by the
 * step view, so nested groups need no props passed through every level.
 */
import { inject, type InjectionKey } from 'vue'
import type { Field } from '@portal/shared/forms/definition'

export interface FormContext {
  valueOf(path: string): unknown
  change(path: string, value: unknown): void
  errorOf(path: string): string | undefined
  focus(path: string): void
  /** `event`: where focus went, so leaving a field for a button does not move that button. */
  blur(path: string, event?: FocusEvent): void
  /** Whether a field is shown; `scope` is '' at the top level or `groupId.<index>.` in a group. */
  visible(field: Field, scope: string): boolean
  /** Whether a value was filled from the signed-in person's account and not changed since. */
  prefilled?(path: string): boolean
}

export const formContextKey: InjectionKey<FormContext> = Symbol('form')

export function useFormContext(): FormContext {
  const context = inject(formContextKey)
  if (!context) throw new Error('a form field outside a form')
  return context
}

/** The DOM id of a value's control (the first one, where it has several): errors link to it. */
export function controlId(field: Field, path: string): string {
  const id = `f-${path.replaceAll('.', '-')}`
  switch (field.kind) {
    case 'date':
      return `${id}-day`
    case 'address':
      return `${id}-province`
    case 'radio':
      return `${id}-0`
    case 'checkbox':
      return field.options ? `${id}-0` : id
    case 'group':
      return `${id}-add`
    default:
      return id
  }
}

export const baseId = (path: string) => `f-${path.replaceAll('.', '-')}`
