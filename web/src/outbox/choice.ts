/**
 * The submit step's questions, as a small form of the shared kind (so the same field controls,
 * address input included, and the same validation): how the result is received, the address
 * for the post, and — for commune-level procedures — the commune whose agency receives it,
 * among the communes that have an agency of the procedure's kind.
 */
import type { Agency, Procedure } from '@portal/shared/catalog/schema'
import { isAddressShape } from '@portal/shared/forms/address'
import { t } from '@portal/shared/forms/blocks'
import type { ResultDelivery } from '@portal/shared/dossiers/schema'
import type { AddressValue, DossierDefinition, Field, FormDefinition, FormValues } from '@portal/shared/forms/definition'
import { compareNames } from '../ui/collate.ts'
import type { SubmitChoice } from './submission.ts'

export function choiceForm(procedure: Procedure, agencies: readonly Agency[]): FormDefinition {
  const fields: Field[] = [
    {
      id: 'delivery',
      kind: 'radio',
      label: t('Cách nhận kết quả', 'How you receive the result'),
      required: true,
      options: [
        { value: 'at-agency', label: t('Nhận trực tiếp tại cơ quan giải quyết', 'In person at the agency') },
        { value: 'post', label: t('Nhận qua bưu chính tại địa chỉ của bạn', 'By post to your address') },
        { value: 'online', label: t('Nhận bản điện tử trên Cổng (trực tuyến)', 'Online, as an electronic copy on the portal') },
      ],
    },
    { id: 'address', kind: 'address', label: t('Địa chỉ nhận kết quả', 'Address for the result'), required: true, showWhen: { field: 'delivery', equals: 'post' } },
  ]
  if (procedure.level === 'commune') {
    fields.push({
      id: 'commune',
      kind: 'select',
      label: t('Xã, phường nơi nộp hồ sơ', 'Commune where you submit'),
      hint: t('Ủy ban nhân dân xã, phường này tiếp nhận và giải quyết hồ sơ.', "This commune's People's Committee receives and handles the dossier."),
      required: true,
      options: communeAgencies(procedure, agencies).map((agency) => ({ value: agency.communeCode!, label: t(agency.name, agency.nameEn) })),
    })
  }
  return { id: 'submit', title: t('Nộp hồ sơ', 'Submit'), version: 1, sections: [{ id: 'submit', title: t('Nộp hồ sơ', 'Submit'), fields }] }
}

/** Agencies of the procedure's kind that serve a commune, by name. */
export function communeAgencies(procedure: Procedure, agencies: readonly Agency[]): Agency[] {
  return agencies.filter((agency) => agency.kind === procedure.agencyKind && agency.communeCode).sort((a, b) => compareNames('vi')(a.name, b.name))
}

/**
 * Starting answers: the result at the agency, the post address and the commune taken from the
 * applicant's address in the form (the field filled from the account's address) when known.
 */
export function defaultChoice(definition: DossierDefinition, values: FormValues, form: FormDefinition): FormValues {
  const applicantField = definition.form?.sections.flatMap((s) => s.fields).find((f) => f.kind === 'address' && f.prefill === 'address')
  const address = applicantField ? values[applicantField.id] : undefined
  const communes = form.sections[0]!.fields.find((f) => f.id === 'commune')
  const known = isAddressShape(address) && communes?.kind === 'select' && communes.options.some((o) => o.value === address.communeCode)
  return {
    delivery: 'at-agency',
    ...(isAddressShape(address) ? { address } : {}),
    ...(known ? { commune: address.communeCode } : {}),
  }
}

/** The choice from answers that passed validation (so a post address is whole). */
export function choiceOf(values: FormValues): SubmitChoice {
  const method = values.delivery as ResultDelivery['method']
  const address = values.address as AddressValue
  const resultDelivery: ResultDelivery = method === 'post' ? { method, address: { ...address, street: address.street.trim() } } : { method }
  return { resultDelivery, ...(typeof values.commune === 'string' ? { communeCode: values.commune } : {}) }
}
