/**
 * What validation reports: one `FormIssue` per problem, addressed by the value's path
 * (`fieldId`, or `groupId.<index>.fieldId` inside a group; a group's own count issues use the
 * group's id). `code` is stable (the BFF and tests match on it); the text shown to people comes
 * from messages.ts, so wording can change without touching validation.
 */
export const ISSUE_CODES = [
  'required',
  'invalid',
  'text.tooLong',
  'number.invalid',
  'number.notInteger',
  'number.tooSmall',
  'number.tooLarge',
  'date.invalid',
  'date.tooEarly',
  'date.tooLate',
  'choice.invalid',
  'email.invalid',
  'phone.invalid',
  'phone.mobilePrefix',
  'phone.landlineArea',
  'identityNumber.format',
  'identityNumber.province',
  'identityNumber.futureYear',
  'identityNumber.birthYearMismatch',
  'identityNumber.sexMismatch',
  'address.invalid',
  'address.province',
  'address.commune',
  'address.street',
  'group.tooFew',
  'group.tooMany',
] as const

export type IssueCode = (typeof ISSUE_CODES)[number]

export interface FormIssue {
  path: string
  code: IssueCode
  params?: Record<string, string | number>
}
