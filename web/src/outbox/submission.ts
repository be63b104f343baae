/**
 * The submission built from a ready draft: the form's shown values only (pruneHidden), each
 * component's files by reference (SHA-256, size, type, name: the bytes go up separately by tus),
 * and the applicant's choices made at the submit step.
 */
import type { DossierSubmission, ResultDelivery } from '@portal/shared/dossiers/schema'
import type { DossierDefinition } from '@portal/shared/forms/definition'
import { pruneHidden } from '@portal/shared/forms/visibility'
import type { DraftRow, FileRow } from '../db.ts'

export interface SubmitChoice {
  resultDelivery: ResultDelivery
  /** For commune-level procedures: the commune whose agency receives it. */
  communeCode?: string
}

export function buildSubmission(draft: DraftRow, definition: DossierDefinition, files: readonly FileRow[], choice: SubmitChoice): DossierSubmission {
  const components = definition.components
    .map((rule) => ({
      componentId: rule.id,
      files: files
        .filter((file) => file.componentId === rule.id)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map(({ sha256, size, type, name }) => ({ sha256, size, type, name })),
    }))
    .filter((component) => component.files.length > 0)
  return {
    id: draft.id,
    procedureCode: draft.procedureCode,
    ...(choice.communeCode ? { communeCode: choice.communeCode } : {}),
    form: definition.form ? pruneHidden(definition.form, draft.values) : {},
    ...(draft.formVersion !== undefined ? { formVersion: draft.formVersion } : {}),
    components,
    resultDelivery: choice.resultDelivery,
  }
}
