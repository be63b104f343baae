/** The rows of the check-your-answers page: every shown answer, group items one by one. */
import type { Field, FormDefinition, Section } from '@portal/shared/forms/definition'
import { isFieldVisible } from '@portal/shared/forms/visibility'
import { controlId } from '../forms/context.ts'
import type { Values } from '../forms/paths.ts'

export interface AnswerRow {
  field: Field
  path: string
  value: unknown
  /** The group item it belongs to (item label and number), if any. */
  item?: { field: Field & { kind: 'group' }; index: number }
  /** Where "Change" goes: the section's step and the control. */
  target: string
}

export function answerRows(draftId: string, form: FormDefinition, values: Values): { section: Section; rows: AnswerRow[] }[] {
  return form.sections.map((section) => {
    const rows: AnswerRow[] = []
    const visit = (fields: readonly Field[], scope: string, item?: AnswerRow['item'], scopeValues?: Values) => {
      for (const field of fields) {
        if (!isFieldVisible(field, values, scopeValues)) continue
        const path = scope + field.id
        const value = (scopeValues ?? values)[field.id]
        if (field.kind === 'group') {
          const items = Array.isArray(value) ? (value as Values[]) : []
          if (!items.length) rows.push({ field, path, value: undefined, target: `/ho-so/${draftId}/${section.id}#${controlId(field, path)}` })
          items.forEach((entry, index) => visit(field.fields, `${path}.${index}.`, { field, index }, entry ?? {}))
          continue
        }
        rows.push({ field, path, value, item, target: `/ho-so/${draftId}/${section.id}#${controlId(field, path)}` })
      }
    }
    visit(section.fields, '')
    return { section, rows }
  })
}
