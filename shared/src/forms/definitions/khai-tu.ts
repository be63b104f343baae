/**
 * 1.000656 Đăng ký khai tử — Tờ khai đăng ký khai tử (Thông tư 04/2024/TT-BTP). The death
 * notice (c3) is needed unless the death was long ago with no notice, when other proof (c5)
 * takes its place. c6–c8 are shown at the counter.
 */
import type { DossierDefinition } from '../definition.ts'
import { applicantFields, birthDate, commitment, copyRequest, ethnicity, fullName, identityNumber, mandate, nationality, residence, sex, t, upload, YES_NO } from '../blocks.ts'

const definition: DossierDefinition = {
  procedureCode: '1.000656',
  form: {
    id: 'khai-tu',
    title: t('Tờ khai đăng ký khai tử', 'Death registration declaration'),
    version: 1,
    sections: [
      { id: 'applicant', title: t('Người yêu cầu', 'Applicant'), fields: applicantFields(t('Quan hệ với người đã chết', 'Relationship to the deceased')) },
      {
        id: 'deceased',
        title: t('Người đã chết', 'The deceased'),
        fields: [
          fullName('deceasedName', t('Họ, chữ đệm, tên người đã chết', 'Full name of the deceased')),
          sex('deceasedSex', 'deceased'),
          birthDate('deceasedBirthDate', 'deceased'),
          ethnicity('deceasedEthnicity'),
          ...nationality('deceasedNationality'),
          residence('lastResidence', t('Nơi cư trú cuối cùng', 'Last place of residence')),
          identityNumber('deceasedIdNumber', 'deceased', false),
        ],
      },
      {
        id: 'death',
        title: t('Thông tin về việc chết', 'The death'),
        fields: [
          { id: 'deathDate', kind: 'date', label: t('Đã chết vào ngày', 'Date of death'), required: true, max: 'today' },
          { id: 'deathTime', kind: 'text', label: t('Lúc (giờ, phút)', 'Time (hours, minutes)'), maxLength: 20, hint: t('Ví dụ: 14 giờ 30 phút', 'For example: 14:30') },
          { id: 'deathPlace', kind: 'text', label: t('Nơi chết', 'Place of death'), required: true, maxLength: 200 },
          { id: 'deathCause', kind: 'text', label: t('Nguyên nhân chết', 'Cause of death'), required: true, maxLength: 200 },
          { id: 'hasDeathNotice', kind: 'radio', label: t('Có Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử không?', 'Is there a death notice or a paper in its place?'), required: true, options: YES_NO },
          { id: 'deathNoticeNumber', kind: 'text', label: t('Số Giấy báo tử/Giấy tờ thay thế Giấy báo tử', 'Number of the death notice'), maxLength: 50, showWhen: { field: 'hasDeathNotice', equals: 'yes' } },
          { id: 'deathNoticeIssuer', kind: 'text', label: t('Do (cơ quan) cấp', 'Issued by'), required: true, maxLength: 200, showWhen: { field: 'hasDeathNotice', equals: 'yes' } },
          { id: 'deathNoticeDate', kind: 'date', label: t('Ngày cấp', 'Date of issue'), required: true, max: 'today', showWhen: { field: 'hasDeathNotice', equals: 'yes' } },
        ],
      },
      { id: 'closing', title: t('Bản sao và cam đoan', 'Copies and declaration'), fields: [...copyRequest(), commitment()] },
    ],
  },
  components: [
    upload('c3', t('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp', 'Death notice, or a paper in its place, issued by the competent authority'), { requiredWhen: { field: 'hasDeathNotice', equals: 'yes' }, showOriginal: true }),
    upload('c5', t('Giấy tờ, tài liệu, chứng cứ chứng minh sự kiện chết (người chết đã lâu, không có Giấy báo tử)', 'Papers proving the death (death long ago, no death notice)'), { requiredWhen: { field: 'hasDeathNotice', equals: 'no' }, maxFiles: 10 }),
    mandate('c4'),
  ],
}

export default definition
