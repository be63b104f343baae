/**
 * 1.001022 Đăng ký nhận cha, mẹ, con — Tờ khai đăng ký nhận cha, mẹ, con (Thông tư
 * 04/2024/TT-BTP). Proof is a medical/forensic finding (c4) or, failing that, a written
 * undertaking of both sides with at least two witnesses (c3; the witnesses listed on the form).
 */
import type { DossierDefinition } from '../definition.ts'
import { applicantFields, birthDate, commitment, copyRequest, ethnicity, fullName, identityNumber, nationality, residence, t, upload } from '../blocks.ts'

const definition: DossierDefinition = {
  procedureCode: '1.001022',
  form: {
    id: 'nhan-cha-me-con',
    title: t('Tờ khai đăng ký nhận cha, mẹ, con', 'Declaration for the recognition of a parent or child'),
    version: 1,
    sections: [
      {
        id: 'applicant',
        title: t('Người yêu cầu', 'Applicant'),
        fields: [
          ...applicantFields(),
          ethnicity('applicantEthnicity'),
          ...nationality('applicantNationality'),
        ],
      },
      {
        id: 'other',
        title: t('Người được nhận', 'The person recognised'),
        fields: [
          { id: 'recognisedAs', kind: 'radio', label: t('Đề nghị công nhận người có tên dưới đây là', 'I ask to recognise the person below as my'), required: true, options: [
            { value: 'father', label: t('Cha', 'Father') },
            { value: 'mother', label: t('Mẹ', 'Mother') },
            { value: 'child', label: t('Con', 'Child') },
          ] },
          fullName('otherName'),
          birthDate('otherBirthDate', 'other'),
          ethnicity('otherEthnicity'),
          ...nationality('otherNationality'),
          residence('otherResidence'),
          identityNumber('otherIdNumber', 'other', false, t('Số định danh cá nhân (hoặc số Giấy khai sinh)', 'Personal identification number (or birth certificate number)')),
        ],
      },
      {
        id: 'proof',
        title: t('Chứng cứ', 'Proof'),
        fields: [
          { id: 'proofKind', kind: 'radio', label: t('Chứng cứ chứng minh quan hệ cha, mẹ, con', 'Proof of the relationship'), required: true, options: [
            { value: 'medical', label: t('Văn bản của cơ quan y tế, cơ quan giám định', 'A finding of a medical or forensic body') },
            { value: 'undertaking', label: t('Văn bản cam đoan, có ít nhất hai người làm chứng', 'A written undertaking with at least two witnesses') },
          ] },
          {
            id: 'witnesses', kind: 'group', label: t('Người làm chứng', 'Witnesses'), itemLabel: t('Người làm chứng', 'Witness'), min: 2, max: 5, required: true,
            showWhen: { field: 'proofKind', equals: 'undertaking' },
            fields: [fullName('name'), identityNumber('idNumber', 'witness'), residence('residence')],
          },
        ],
      },
      { id: 'closing', title: t('Bản sao và cam đoan', 'Copies and declaration'), fields: [...copyRequest(), commitment()] },
    ],
  },
  components: [
    upload('c4', t('Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ cha con, mẹ con', 'Finding of a medical, forensic or other competent body confirming the relationship'), { requiredWhen: { field: 'proofKind', equals: 'medical' }, showOriginal: true }),
    upload('c3', t('Văn bản cam đoan của các bên về mối quan hệ cha, mẹ, con, có ít nhất hai người làm chứng', 'Written undertaking of both sides about the relationship, with at least two witnesses'), { requiredWhen: { field: 'proofKind', equals: 'undertaking' } }),
  ],
}

export default definition
