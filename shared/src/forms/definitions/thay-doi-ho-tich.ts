/**
 * 1.004859 Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc — Tờ khai
 * (Thông tư 04/2024/TT-BTP). Each change is one row: what, from, to. The consent of a person of
 * 9 or more (name change) or of the parents of a minor is signed on paper at the counter.
 */
import type { DossierDefinition } from '../definition.ts'
import { applicantFields, birthDate, commitment, copyRequest, ethnicity, fullName, identityNumber, mandate, nationality, residence, sex, t, upload } from '../blocks.ts'

const definition: DossierDefinition = {
  procedureCode: '1.004859',
  form: {
    id: 'thay-doi-cai-chinh-ho-tich',
    title: t('Tờ khai đăng ký việc thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc', 'Declaration for changing, correcting or completing civil-status records, or re-determining ethnicity'),
    version: 1,
    sections: [
      { id: 'applicant', title: t('Người yêu cầu', 'Applicant'), fields: applicantFields(t('Quan hệ với người được thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc', 'Relationship to the person concerned')) },
      {
        id: 'subject',
        title: t('Người được thay đổi, cải chính, bổ sung', 'Person concerned'),
        fields: [
          fullName('subjectName'),
          sex('subjectSex', 'subject'),
          birthDate('subjectBirthDate', 'subject'),
          ethnicity('subjectEthnicity'),
          ...nationality('subjectNationality'),
          identityNumber('subjectIdNumber', 'subject', false),
          residence('subjectResidence'),
        ],
      },
      {
        id: 'record',
        title: t('Việc hộ tịch đã đăng ký', 'The registered record'),
        fields: [
          { id: 'recordKind', kind: 'select', label: t('Đã đăng ký', 'Registered event'), required: true, options: [
            { value: 'birth', label: t('Khai sinh', 'Birth') },
            { value: 'marriage', label: t('Kết hôn', 'Marriage') },
            { value: 'death', label: t('Khai tử', 'Death') },
            { value: 'parentage', label: t('Nhận cha, mẹ, con', 'Recognition of parentage') },
            { value: 'guardianship', label: t('Giám hộ', 'Guardianship') },
            { value: 'other', label: t('Việc hộ tịch khác', 'Other') },
          ] },
          { id: 'recordDate', kind: 'date', label: t('Ngày đăng ký', 'Date registered'), required: true, max: 'today' },
          { id: 'recordPlace', kind: 'text', label: t('Tại (cơ quan đăng ký)', 'At (registry)'), required: true, maxLength: 200 },
          { id: 'recordNumber', kind: 'text', label: t('Số', 'Number'), maxLength: 30 },
          { id: 'recordBook', kind: 'text', label: t('Quyển số', 'Book number'), maxLength: 30 },
        ],
      },
      {
        id: 'request',
        title: t('Nội dung đề nghị', 'Request'),
        fields: [
          { id: 'requestKind', kind: 'radio', label: t('Đề nghị', 'I ask to'), required: true, options: [
            { value: 'change', label: t('Thay đổi', 'Change') },
            { value: 'correct', label: t('Cải chính', 'Correct') },
            { value: 'complete', label: t('Bổ sung', 'Complete') },
            { value: 'ethnicity', label: t('Xác định lại dân tộc', 'Re-determine ethnicity') },
          ] },
          {
            id: 'changes', kind: 'group', label: t('Nội dung thay đổi', 'Changes'), itemLabel: t('Nội dung', 'Change'), required: true, min: 1, max: 10,
            fields: [
              { id: 'item', kind: 'text', label: t('Thông tin', 'Item'), required: true, maxLength: 100, hint: t('Ví dụ: Họ, chữ đệm, tên; Ngày sinh; Quê quán', 'E.g. name, date of birth, home town') },
              { id: 'from', kind: 'text', label: t('Từ', 'From'), maxLength: 300, hint: t('Để trống nếu là bổ sung thông tin chưa có', 'Leave empty when completing missing information') },
              { id: 'to', kind: 'text', label: t('Thành', 'To'), required: true, maxLength: 300 },
            ],
          },
          { id: 'reason', kind: 'longText', label: t('Lý do', 'Reason'), required: true, maxLength: 1000 },
        ],
      },
      { id: 'closing', title: t('Bản sao và cam đoan', 'Copies and declaration'), fields: [...copyRequest(), commitment()] },
    ],
  },
  components: [
    upload('c6', t('Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Papers on which the change, correction or completion is based'), { required: true, maxFiles: 10, showOriginal: true }),
    mandate('c5'),
  ],
}

export default definition
