/**
 * What a draft still lacks, derived from its definition: the form's issues (shared validation),
 * each section's state for the task list, and the file components' counts against their rules.
 */
import type { ComponentRule, DossierDefinition, Field, FormDefinition, Section } from '@portal/shared/forms/definition'
import type { FormIssue } from '@portal/shared/forms/issues'
import { formProgress, validateForm } from '@portal/shared/forms/validate'
import { hasValue, isFieldVisible, topLevelFields } from '@portal/shared/forms/visibility'
import type { Values } from '../forms/paths.ts'

export type TaskState = 'notStarted' | 'inProgress' | 'done' | 'error'

const topId = (path: string) => path.split('.')[0]!

export function issuesOfSection(section: Section, issues: readonly FormIssue[]): FormIssue[] {
  const ids = new Set(section.fields.map((f) => f.id))
  return issues.filter((issue) => ids.has(topId(issue.path)))
}

export function sectionState(section: Section, values: Values, issues: readonly FormIssue[]): TaskState {
  if (!section.fields.some((f) => hasValue(values[f.id]))) return 'notStarted'
  const own = issuesOfSection(section, issues)
  if (own.some((issue) => issue.code !== 'required')) return 'error'
  return own.length ? 'inProgress' : 'done'
}

/** The field a value path belongs to (`members.1.name` → the `name` field of group `members`). */
export function fieldAt(form: FormDefinition, path: string): Field | undefined {
  let fields: readonly Field[] = topLevelFields(form)
  let found: Field | undefined
  for (const key of path.split('.')) {
    if (/^\d+$/.test(key)) continue
    found = fields.find((f) => f.id === key)
    fields = found?.kind === 'group' ? found.fields : []
  }
  return found
}

export function sectionOf(form: FormDefinition, path: string): Section | undefined {
  return form.sections.find((s) => s.fields.some((f) => f.id === topId(path)))
}

export function isComponentRequired(rule: ComponentRule, values: Values): boolean {
  if (rule.required) return true
  if (!rule.requiredWhen) return false
  return isFieldVisible({ id: rule.id, kind: 'text', label: rule.label, showWhen: rule.requiredWhen }, values)
}

export interface ComponentIssue {
  rule: ComponentRule
  code: 'files' | 'tooManyFiles'
}

/** Components with too few files (when required) or too many. `counts`: files per component id. */
export function componentIssues(def: DossierDefinition, values: Values, counts: ReadonlyMap<string, number>): ComponentIssue[] {
  return def.components.flatMap((rule): ComponentIssue[] => {
    const n = counts.get(rule.id) ?? 0
    if (n > rule.maxFiles) return [{ rule, code: 'tooManyFiles' }]
    if (isComponentRequired(rule, values) && n < Math.max(1, rule.minFiles)) return [{ rule, code: 'files' }]
    return []
  })
}

export function attachmentsState(def: DossierDefinition, values: Values, counts: ReadonlyMap<string, number>): TaskState {
  // Nothing attached is "not started" even when nothing is required yet: the answers may still
  // make a component required, and "done" would tell the user to skip the step.
  if (![...counts.values()].some((n) => n > 0)) return 'notStarted'
  const issues = componentIssues(def, values, counts)
  if (issues.some((i) => i.code === 'tooManyFiles')) return 'error'
  return issues.length ? 'inProgress' : 'done'
}

export interface DraftProgress {
  answered: number
  required: number
  /** Required components with enough files, of all required components. */
  files: number
  components: number
}

export function draftProgress(def: DossierDefinition, values: Values, counts: ReadonlyMap<string, number>): DraftProgress {
  const { answered, required } = def.form ? formProgress(def.form, values) : { answered: 0, required: 0 }
  const needed = def.components.filter((rule) => isComponentRequired(rule, values))
  const missing = new Set(componentIssues(def, values, counts).map((i) => i.rule.id))
  return { answered, required, files: needed.filter((r) => !missing.has(r.id)).length, components: needed.length }
}

export const formIssues = (form: FormDefinition | undefined, values: Values): FormIssue[] => (form ? validateForm(form, values) : [])
