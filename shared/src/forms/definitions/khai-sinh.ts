/**
 * 1.001193 Đăng ký khai sinh — Tờ khai đăng ký khai sinh (Thông tư 04/2024/TT-BTP). The
 * electronic form replaces both the paper form (c1) and the interactive e-form (c2); c7 and c8
 * are shown at the counter, not uploaded. The birth case decides which papers are needed.
 */
import type { DossierDefinition } from '../definition.ts'
import { applicantFields, birthDate, commitment, copyRequest, ethnicity, fullName, identityNumber, mandate, nationality, residence, sex, t, upload } from '../blocks.ts'

const definition: DossierDefinition = {
  procedureCode: '1.001193',
  form: {
    id: 'khai-sinh',
    title: t('Tờ khai đăng ký khai sinh', 'Birth registration declaration'),
    version: 1,
    sections: [
      { id: 'applicant', title: t('Người yêu cầu', 'Applicant'), fields: applicantFields(t('Quan hệ với người được khai sinh', 'Relationship to the child')) },
      {
        id: 'child',
        title: t('Người được khai sinh', 'The child'),
        fields: [
          fullName('childName', t('Họ, chữ đệm, tên người được khai sinh', 'Full name of the child')),
          birthDate('childBirthDate', 'child'),
          { id: 'birthPlace', kind: 'text', label: t('Nơi sinh', 'Place of birth'), required: true, maxLength: 200, hint: t('Tên cơ sở y tế (nếu sinh tại cơ sở y tế) và địa chỉ', 'Name of the health facility (if born in one) and its address') },
          sex('childSex', 'child'),
          ethnicity('childEthnicity'),
          ...nationality('childNationality'),
          { id: 'hometown', kind: 'text', label: t('Quê quán', 'Home town'), required: true, maxLength: 200 },
          {
            id: 'birthCase',
            kind: 'radio',
            label: t('Trường hợp khai sinh', 'Case'),
            required: true,
            options: [
              { value: 'normal', label: t('Khai sinh thông thường', 'Ordinary birth registration') },
              { value: 'surrogacy', label: t('Trẻ sinh ra do mang thai hộ', 'Child born through surrogacy') },
              { value: 'abandoned', label: t('Trẻ bị bỏ rơi', 'Abandoned child') },
            ],
          },
        ],
      },
      {
        id: 'parents',
        title: t('Cha, mẹ', 'Parents'),
        fields: [
          {
            id: 'parentsKnown',
            kind: 'radio',
            label: t('Thông tin cha, mẹ', 'Parents known'),
            required: true,
            options: [
              { value: 'both', label: t('Khai cả cha và mẹ', 'Both parents') },
              { value: 'mother', label: t('Chỉ khai mẹ (chưa xác định được cha)', 'Mother only (father not established)') },
              { value: 'none', label: t('Chưa xác định được cha, mẹ', 'Neither parent established') },
            ],
          },
          ...[
            fullName('motherName', t('Họ, chữ đệm, tên người mẹ', "Mother's full name")),
            birthDate('motherBirthDate', 'mother', t('Ngày, tháng, năm sinh của mẹ', "Mother's date of birth")),
            identityNumber('motherIdNumber', 'mother', false, t('Số định danh cá nhân của mẹ', "Mother's personal identification number")),
            ethnicity('motherEthnicity', t('Dân tộc của mẹ', "Mother's ethnic group")),
            ...nationality('motherNationality', t('Quốc tịch của mẹ', "Mother's nationality")),
            residence('motherResidence', t('Nơi cư trú của mẹ', "Mother's place of residence")),
          ].map((f) => (f.showWhen ? f : { ...f, showWhen: { field: 'parentsKnown', in: ['both', 'mother'] } })),
          ...[
            fullName('fatherName', t('Họ, chữ đệm, tên người cha', "Father's full name")),
            birthDate('fatherBirthDate', 'father', t('Ngày, tháng, năm sinh của cha', "Father's date of birth")),
            identityNumber('fatherIdNumber', 'father', false, t('Số định danh cá nhân của cha', "Father's personal identification number")),
            ethnicity('fatherEthnicity', t('Dân tộc của cha', "Father's ethnic group")),
            ...nationality('fatherNationality', t('Quốc tịch của cha', "Father's nationality")),
            residence('fatherResidence', t('Nơi cư trú của cha', "Father's place of residence")),
          ].map((f) => (f.showWhen ? f : { ...f, showWhen: { field: 'parentsKnown', equals: 'both' } })),
        ],
      },
      { id: 'closing', title: t('Bản sao và cam đoan', 'Copies and declaration'), fields: [...copyRequest(), commitment()] },
    ],
  },
  components: [
    upload('c6', t(
      'Giấy chứng sinh; nếu không có thì văn bản của người làm chứng, hoặc giấy cam đoan về việc sinh',
      'Birth certificate from the health facility; failing that, a witness statement or a written undertaking about the birth',
    ), { requiredWhen: { field: 'birthCase', in: ['normal', 'surrogacy'] }, showOriginal: true }),
    upload('c3', t('Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập', 'Official record of the child being abandoned'), { requiredWhen: { field: 'birthCase', equals: 'abandoned' } }),
    upload('c5', t('Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ', 'Confirmation by the health facility that performed the assisted reproduction for the surrogacy'), { requiredWhen: { field: 'birthCase', equals: 'surrogacy' } }),
    mandate('c4'),
  ],
}

export default definition
