/**
 * 1.004837 Đăng ký giám hộ — Tờ khai đăng ký giám hộ (Thông tư 04/2024/TT-BTP). Statutory
 * guardianship needs proof of its conditions (c6); appointed guardianship the appointment (c7).
 */
import type { DossierDefinition, Field } from '../definition.ts'
import { applicantFields, birthDate, commitment, copyRequest, ethnicity, fullName, identityNumber, mandate, nationality, residence, sex, t, upload } from '../blocks.ts'

const person = (prefix: 'guardian' | 'ward', idLabel = t('Số định danh cá nhân', 'Personal identification number')): Field[] => [
  fullName(`${prefix}Name`),
  sex(`${prefix}Sex`, prefix),
  birthDate(`${prefix}BirthDate`, prefix),
  ethnicity(`${prefix}Ethnicity`),
  ...nationality(`${prefix}Nationality`),
  residence(`${prefix}Residence`),
  identityNumber(`${prefix}IdNumber`, prefix, prefix === 'guardian', idLabel),
]

const definition: DossierDefinition = {
  procedureCode: '1.004837',
  form: {
    id: 'giam-ho',
    title: t('Tờ khai đăng ký giám hộ', 'Guardianship registration declaration'),
    version: 1,
    sections: [
      { id: 'applicant', title: t('Người yêu cầu', 'Applicant'), fields: applicantFields(t('Quan hệ với người được giám hộ', 'Relationship to the ward')) },
      { id: 'guardian', title: t('Người giám hộ', 'Guardian'), fields: person('guardian') },
      { id: 'ward', title: t('Người được giám hộ', 'Ward'), fields: person('ward', t('Số định danh cá nhân (hoặc số Giấy khai sinh)', 'Personal identification number (or birth certificate number)')) },
      {
        id: 'reason',
        title: t('Việc giám hộ', 'The guardianship'),
        fields: [
          { id: 'guardianshipKind', kind: 'radio', label: t('Loại giám hộ', 'Kind of guardianship'), required: true, options: [
            { value: 'statutory', label: t('Giám hộ đương nhiên', 'Statutory guardianship') },
            { value: 'appointed', label: t('Giám hộ cử', 'Appointed guardianship') },
          ] },
          { id: 'reasonText', kind: 'longText', label: t('Lý do đăng ký giám hộ', 'Reason for the guardianship'), required: true, maxLength: 1000 },
        ],
      },
      { id: 'closing', title: t('Bản sao và cam đoan', 'Copies and declaration'), fields: [...copyRequest(), commitment()] },
    ],
  },
  components: [
    upload('c6', t(
      'Giấy tờ chứng minh điều kiện giám hộ đương nhiên (và văn bản thỏa thuận cử một người nếu nhiều người cùng đủ điều kiện)',
      'Proof of the conditions of statutory guardianship (and the agreement naming one guardian if several qualify)',
    ), { requiredWhen: { field: 'guardianshipKind', equals: 'statutory' } }),
    upload('c7', t('Văn bản cử người giám hộ', 'Document appointing the guardian'), { requiredWhen: { field: 'guardianshipKind', equals: 'appointed' } }),
    mandate('c5'),
  ],
}

export default definition
