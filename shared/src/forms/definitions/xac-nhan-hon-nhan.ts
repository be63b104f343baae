/**
 * 1.004873 Cấp Giấy xác nhận tình trạng hôn nhân — Tờ khai cấp Giấy xác nhận tình trạng hôn
 * nhân (Thông tư 04/2024/TT-BTP). A certificate issued before must be handed back when a new
 * one is asked for another purpose or because it expired (c3). c5, c6 are shown at the counter.
 */
import type { DossierDefinition } from '../definition.ts'
import { applicantFields, birthDate, commitment, ethnicity, fullName, identityNumber, mandate, nationality, residence, sex, t, upload } from '../blocks.ts'

const definition: DossierDefinition = {
  procedureCode: '1.004873',
  form: {
    id: 'xac-nhan-tinh-trang-hon-nhan',
    title: t('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Declaration for a certificate of marital status'),
    version: 1,
    sections: [
      { id: 'applicant', title: t('Người yêu cầu', 'Applicant'), fields: applicantFields(t('Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân', 'Relationship to the person the certificate is for')) },
      {
        id: 'subject',
        title: t('Người được cấp Giấy xác nhận', 'Person the certificate is for'),
        fields: [
          fullName('subjectName'),
          sex('subjectSex', 'subject'),
          birthDate('subjectBirthDate', 'subject'),
          { id: 'subjectBirthPlace', kind: 'text', label: t('Nơi sinh', 'Place of birth'), required: true, maxLength: 200 },
          ethnicity('subjectEthnicity'),
          ...nationality('subjectNationality'),
          identityNumber('subjectIdNumber', 'subject'),
          residence('subjectResidence'),
          { id: 'occupation', kind: 'text', label: t('Nghề nghiệp', 'Occupation'), maxLength: 100 },
        ],
      },
      {
        id: 'status',
        title: t('Tình trạng hôn nhân', 'Marital status'),
        fields: [
          { id: 'periodPlace', kind: 'text', label: t('Trong thời gian cư trú tại', 'While residing at'), maxLength: 200, hint: t('Chỉ ghi khi cần xác nhận cho một thời gian cư trú trước đây', 'Only when the certificate is for an earlier period of residence') },
          { id: 'periodFrom', kind: 'date', label: t('Từ ngày', 'From'), required: true, max: 'today', showWhen: { field: 'periodPlace' } },
          { id: 'periodTo', kind: 'date', label: t('Đến ngày', 'To'), required: true, max: 'today', showWhen: { field: 'periodPlace' } },
          { id: 'maritalStatus', kind: 'longText', label: t('Tình trạng hôn nhân', 'Marital status'), required: true, maxLength: 1000, hint: t('Ví dụ: Chưa đăng ký kết hôn với ai; hoặc đã ly hôn theo Bản án số ... ngày ... của Tòa án ...', 'E.g. never married; or divorced by judgment no. ... of ... court') },
          { id: 'purpose', kind: 'text', label: t('Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân', 'Purpose of the certificate'), required: true, maxLength: 300 },
          { id: 'reissue', kind: 'checkbox', label: t('Đã được cấp Giấy xác nhận tình trạng hôn nhân trước đây (nay xin cấp lại)', 'A certificate was issued before (this is a new request)') },
        ],
      },
      { id: 'closing', title: t('Cam đoan', 'Declaration'), fields: [commitment()] },
    ],
  },
  components: [
    upload('c3', t('Giấy xác nhận tình trạng hôn nhân đã được cấp trước đó', 'The certificate of marital status issued before'), { requiredWhen: { field: 'reissue', equals: true }, showOriginal: true }),
    mandate('c4'),
  ],
}

export default definition
