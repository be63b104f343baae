/** An answer as the check-your-answers page shows it (dates dd/mm/yyyy, options by label). */
import type { AddressDataset } from '@portal/shared/forms/address'
import { formatAddress, isAddressShape } from '@portal/shared/forms/address'
import { formatDate } from '@portal/shared/forms/dates'
import type { Field, Text } from '@portal/shared/forms/definition'
import { hasValue } from '@portal/shared/forms/visibility'

export interface AnswerWords {
  text: (t: Text | undefined) => string
  yes: string
  no: string
  addresses: AddressDataset | null
}

/** The answer in words, or null when there is none. Groups are shown item by item, not here. */
export function answerText(field: Field, value: unknown, words: AnswerWords): string | null {
  if (!hasValue(value) && !(field.kind === 'checkbox' && value === false)) return null
  switch (field.kind) {
    case 'date':
      return formatDate(String(value))
    case 'select':
    case 'radio':
      return words.text(field.options.find((o) => o.value === value)?.label) || String(value)
    case 'checkbox':
      if (!field.options) return value === true ? words.yes : words.no
      return (value as string[]).map((v) => words.text(field.options!.find((o) => o.value === v)?.label) || v).join(', ')
    case 'address':
      return isAddressShape(value) && words.addresses ? formatAddress(value, words.addresses) : isAddressShape(value) ? value.street : null
    case 'group':
      return null
    default:
      return String(value)
  }
}
