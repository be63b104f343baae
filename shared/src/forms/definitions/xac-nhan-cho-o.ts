/**
 * 1.013314 Xác nhận tình trạng chỗ ở hợp pháp, diện tích nhà ở tối thiểu — Tờ khai Mẫu số 02
 * ban hành kèm theo Nghị định 154/2024/NĐ-CP: I. the person asking, II. the home and its areas,
 * III. what is to be confirmed. The commune's confirmation (part IV) is filled by the officer.
 */
import type { DossierDefinition } from '../definition.ts'
import { birthDate, commitment, fullName, identityNumber, residence, t, upload } from '../blocks.ts'

const area = (id: string, vi: string, en: string, required = true) =>
  ({ id, kind: 'number', label: t(`${vi} (m²)`, `${en} (m²)`), required, min: 0, max: 1_000_000 }) as const

const definition: DossierDefinition = {
  procedureCode: '1.013314',
  form: {
    id: 'mau-02-nd154',
    title: t('Tờ khai xác nhận tình trạng chỗ ở hợp pháp, diện tích nhà ở tối thiểu để đăng ký thường trú, đăng ký tạm trú (Mẫu số 02)', 'Declaration for confirming a lawful home and its minimum floor area (Form 02)'),
    version: 1,
    sections: [
      {
        id: 'applicant',
        title: t('I. Thông tin người đề nghị', 'I. The person asking'),
        fields: [
          fullName('applicantName', t('1. Họ, chữ đệm và tên', '1. Full name'), { prefill: 'fullName' }),
          birthDate('applicantBirthDate', 'applicant', t('2. Ngày, tháng, năm sinh', '2. Date of birth'), { prefill: 'birthDate' }),
          { ...identityNumber('applicantIdNumber', 'applicant', true, t('3. Số định danh cá nhân', '3. Personal identification number')), prefill: 'identityNumber' },
          residence('applicantResidence', t('4. Nơi cư trú', '4. Place of residence'), { prefill: 'address' }),
          { id: 'applicantPhone', kind: 'phone', label: t('Số điện thoại liên hệ', 'Contact phone number'), required: true, prefill: 'phone' },
          { id: 'applicantEmail', kind: 'email', label: t('Email', 'Email'), prefill: 'email' },
        ],
      },
      {
        id: 'home',
        title: t('II. Thông tin về chỗ ở hợp pháp', 'II. The home'),
        fields: [
          residence('homeAddress', t('1. Địa chỉ chỗ ở hợp pháp', '1. Address of the home')),
          area('plotArea', '2. Diện tích thửa đất', '2. Plot area'),
          area('builtArea', 'Diện tích xây dựng', 'Built area'),
          area('floorArea', 'Diện tích sàn', 'Floor area'),
          { id: 'residentsCount', kind: 'number', label: t('Tổng số người đang đăng ký thường trú', 'Number of people with permanent residence there'), required: true, integer: true, min: 0, max: 1000 },
          area('remainingArea', 'Diện tích sàn còn lại được đăng ký thường trú khi cho thuê, mượn, ở nhờ', 'Floor area left for tenants, borrowers or lodgers', false),
        ],
      },
      {
        id: 'request',
        title: t('III. Nội dung đề nghị xác nhận', 'III. What is to be confirmed'),
        fields: [
          { id: 'confirm', kind: 'checkbox', label: t('1. Tình trạng chỗ ở để đăng ký thường trú, tạm trú', '1. State of the home for residence registration'), required: true, options: [
            { value: 'lawful', label: t('Chỗ ở hợp pháp', 'It is a lawful home') },
            { value: 'minimumArea', label: t('Bảo đảm diện tích nhà ở tối thiểu', 'It meets the minimum floor area') },
            { value: 'noDispute', label: t('Nhà ở, đất ở không có tranh chấp quyền sở hữu, quyền sử dụng', 'No dispute over ownership or land use') },
            { value: 'notRestricted', label: t('Không thuộc địa điểm không được đăng ký thường trú mới', 'Not a place where new permanent residence is barred') },
          ] },
          { id: 'tenantsCount', kind: 'number', label: t('2. Tổng số người thuê, mượn, ở nhờ', '2. Number of tenants, borrowers or lodgers'), integer: true, min: 0, max: 1000 },
          area('tenantsArea', 'Tổng số diện tích chỗ ở hợp pháp thuê, mượn, ở nhờ', 'Total floor area rented, borrowed or lodged', false),
        ],
      },
      { id: 'closing', title: t('Cam đoan', 'Declaration'), fields: [commitment()] },
    ],
  },
  components: [
    upload('supporting', t('Giấy tờ, tài liệu về chỗ ở kèm theo (nếu có)', 'Papers about the home (if any)'), { maxFiles: 10 }),
  ],
}

export default definition
