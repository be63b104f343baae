/**
 * Building blocks shared by the definitions: the fields every civil-status form repeats (a
 * person's name, sex, birth date, ethnicity, nationality, identity number, residence), the
 * applicant block with its prefills, the copy request, the closing commitment, and file
 * components. Ids are passed in, so each form keeps its own stable ids.
 */
import type { ComponentRule, Condition, Field, FileType, Option, Text } from './definition.ts'
import { DEFAULT_ACCEPT } from './definition.ts'
import { ETHNIC_GROUPS } from './ethnic-groups.ts'

export const t = (vi: string, en: string): Text => ({ vi, en })
const opt = (value: string, vi: string, en: string): Option => ({ value, label: t(vi, en) })

export const SEX_OPTIONS: readonly Option[] = [opt('male', 'Nam', 'Male'), opt('female', 'Nữ', 'Female')]
export const YES_NO: readonly Option[] = [opt('yes', 'Có', 'Yes'), opt('no', 'Không', 'No')]
export const NATIONALITY_OPTIONS: readonly Option[] = [opt('VN', 'Việt Nam', 'Vietnamese'), opt('other', 'Quốc tịch khác', 'Other nationality')]

/** Who asks, relative to the person the paper is about (the authorised case needs a mandate). */
export const RELATION_OPTIONS: readonly Option[] = [
  opt('self', 'Bản thân', 'Myself'),
  opt('mother', 'Mẹ', 'Mother'),
  opt('father', 'Cha', 'Father'),
  opt('spouse', 'Vợ/chồng', 'Spouse'),
  opt('child', 'Con', 'Child'),
  opt('grandparent', 'Ông/bà', 'Grandparent'),
  opt('sibling', 'Anh/chị/em ruột', 'Sibling'),
  opt('relative', 'Người thân thích khác', 'Other relative'),
  opt('authorised', 'Người được ủy quyền', 'Authorised person'),
  opt('other', 'Khác', 'Other'),
]

export const fullName = (id: string, label = t('Họ, chữ đệm, tên', 'Full name'), extra: Partial<Field> = {}): Field =>
  ({ id, kind: 'text', label, required: true, maxLength: 100, ...extra }) as Field

export const sex = (id: string, person: string, label = t('Giới tính', 'Sex')): Field =>
  ({ id, kind: 'radio', label, required: true, options: SEX_OPTIONS, about: { person, fact: 'sex' } })

export const birthDate = (id: string, person: string, label = t('Ngày, tháng, năm sinh', 'Date of birth'), extra: Partial<Field> = {}): Field =>
  ({ id, kind: 'date', label, required: true, max: 'today', about: { person, fact: 'birthDate' }, ...extra }) as Field

export const ethnicity = (id: string, label = t('Dân tộc', 'Ethnic group'), required = true): Field =>
  ({ id, kind: 'select', label, required, options: ETHNIC_GROUPS })

/** Nationality: Việt Nam or another, named in a field shown only then. */
export const nationality = (id: string, label = t('Quốc tịch', 'Nationality'), required = true): Field[] => [
  { id, kind: 'select', label, required, options: NATIONALITY_OPTIONS },
  { id: `${id}Other`, kind: 'text', label: t('Ghi rõ quốc tịch', 'Specify the nationality'), required: true, maxLength: 60, showWhen: { field: id, equals: 'other' } },
]

export const identityNumber = (id: string, person: string, required = true, label = t('Số định danh cá nhân', 'Personal identification number')): Field =>
  ({ id, kind: 'identityNumber', label, required, about: { person, fact: 'identityNumber' }, hint: t('12 chữ số in trên thẻ căn cước', 'The 12 digits printed on the identity card') })

export const residence = (id: string, label = t('Nơi cư trú', 'Place of residence'), extra: Partial<Field> = {}): Field =>
  ({ id, kind: 'address', label, required: true, ...extra }) as Field

/** The applicant (người yêu cầu), prefilled from the signed-in person's verified claims. */
export function applicantFields(relationLabel?: Text): Field[] {
  const fields: Field[] = [
    fullName('applicantName', t('Họ, chữ đệm, tên người yêu cầu', 'Full name of the applicant'), { prefill: 'fullName' }),
    { ...identityNumber('applicantIdNumber', 'applicant'), prefill: 'identityNumber' } as Field,
    birthDate('applicantBirthDate', 'applicant', t('Ngày, tháng, năm sinh', 'Date of birth'), { prefill: 'birthDate' }),
    residence('applicantResidence', t('Nơi cư trú', 'Place of residence'), { prefill: 'address' }),
    { id: 'applicantPhone', kind: 'phone', label: t('Số điện thoại liên hệ', 'Contact phone number'), required: true, prefill: 'phone' },
    { id: 'applicantEmail', kind: 'email', label: t('Thư điện tử (email)', 'Email'), prefill: 'email' },
  ]
  if (relationLabel) fields.push({ id: 'applicantRelation', kind: 'select', label: relationLabel, required: true, options: RELATION_OPTIONS })
  return fields
}

/** "Đề nghị cấp bản sao": the box, then the number of copies once ticked. */
export const copyRequest = (): Field[] => [
  { id: 'wantCopies', kind: 'checkbox', label: t('Đề nghị cấp bản sao', 'I request certified copies') },
  { id: 'copyCount', kind: 'number', label: t('Số lượng bản sao', 'Number of copies'), required: true, integer: true, min: 1, max: 20, showWhen: { field: 'wantCopies', equals: true } },
]

/** The closing sentence every form prints above the signature, as a box to tick. */
export const commitment = (): Field => ({
  id: 'commitment',
  kind: 'checkbox',
  required: true,
  label: t(
    'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.',
    'I declare that the above is true and I take legal responsibility for this declaration.',
  ),
})

interface UploadOptions {
  required?: boolean
  requiredWhen?: Condition
  minFiles?: number
  maxFiles?: number
  showOriginal?: boolean
  accept?: readonly FileType[]
}

/** A file component (10 MB a file and 50 MB a dossier apply to all: see definition.ts). */
export function upload(id: string, label: Text, o: UploadOptions = {}): ComponentRule {
  const rule: ComponentRule = {
    id,
    label,
    required: o.required ?? false,
    minFiles: o.minFiles ?? 1,
    maxFiles: o.maxFiles ?? 5,
    accept: o.accept ?? DEFAULT_ACCEPT,
    showOriginal: o.showOriginal ?? false,
  }
  return o.requiredWhen ? { ...rule, requiredWhen: o.requiredWhen } : rule
}

/** The mandate, needed when the applicant acts for someone else (civil-status procedures). */
export const mandate = (id: string) =>
  upload(id, t(
    'Văn bản ủy quyền (được chứng thực; không cần chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột)',
    'Power of attorney (certified, unless the authorised person is a grandparent, parent, child, spouse or sibling)',
  ), { requiredWhen: { field: 'applicantRelation', equals: 'authorised' } })
