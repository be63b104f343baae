/**
 * Mẫu CT01 — Tờ khai thay đổi thông tin cư trú (Thông tư 53/2025/TT-BCA), one form for the nine
 * residence procedures; each has its own DossierDefinition (residence-*.ts) with its components.
 * Items 1–10 as printed; item 11, the household members changing with the applicant, is a
 * repeated group. The consents of the household head, the owner of the home, or the parents of
 * a minor are given through the VNeID app or on paper, not typed here.
 */
import type { FormDefinition } from '../definition.ts'
import { birthDate, commitment, fullName, identityNumber, sex, t } from '../blocks.ts'

const ct01Form: FormDefinition = {
  id: 'ct01',
  title: t('Tờ khai thay đổi thông tin cư trú (Mẫu CT01)', 'Residence information change declaration (Form CT01)'),
  version: 1,
  sections: [
    {
      id: 'declarant',
      title: t('Người kê khai', 'Declarant'),
      fields: [
        fullName('fullName', t('1. Họ, chữ đệm và tên', '1. Full name'), { prefill: 'fullName' }),
        birthDate('birthDate', 'declarant', t('2. Ngày, tháng, năm sinh', '2. Date of birth'), { prefill: 'birthDate' }),
        sex('sex', 'declarant', t('3. Giới tính', '3. Sex')),
        { ...identityNumber('idNumber', 'declarant', true, t('4. Số định danh cá nhân', '4. Personal identification number')), prefill: 'identityNumber' },
        { id: 'phone', kind: 'phone', label: t('5. Số điện thoại liên hệ', '5. Contact phone number'), required: true, prefill: 'phone' },
        { id: 'email', kind: 'email', label: t('6. Email', '6. Email'), prefill: 'email' },
      ],
    },
    {
      id: 'household',
      title: t('Chủ hộ', 'Head of household'),
      fields: [
        fullName('headName', t('7. Họ, chữ đệm và tên chủ hộ', '7. Full name of the head of household')),
        { id: 'headRelation', kind: 'text', label: t('8. Mối quan hệ với chủ hộ', '8. Relationship to the head of household'), required: true, maxLength: 50, hint: t('Ví dụ: Chủ hộ, Vợ, Con, Cháu', 'E.g. head, wife, son, grandchild') },
        identityNumber('headIdNumber', 'head', true, t('9. Số định danh cá nhân của chủ hộ', '9. Personal identification number of the head of household')),
      ],
    },
    {
      id: 'request',
      title: t('Nội dung đề nghị', 'Request'),
      fields: [
        { id: 'requestContent', kind: 'longText', label: t('10. Nội dung đề nghị', '10. What you request'), required: true, maxLength: 2000, hint: t('Ví dụ: Đăng ký thường trú vào hộ gia đình ông Nguyễn Văn A tại địa chỉ ...', 'E.g. register permanent residence in the household of Mr Nguyễn Văn A at ...') },
        { id: 'requestAddress', kind: 'address', label: t('Địa chỉ chỗ ở đề nghị đăng ký', 'Address of the home concerned'), prefill: 'address' },
        { id: 'withMembers', kind: 'checkbox', label: t('Có thành viên hộ gia đình cùng thay đổi', 'Household members change with me') },
        {
          id: 'members', kind: 'group', label: t('11. Những thành viên trong hộ gia đình cùng thay đổi', '11. Household members changing with the declarant'), itemLabel: t('Thành viên', 'Member'),
          required: true, min: 1, max: 20, showWhen: { field: 'withMembers', equals: true },
          fields: [
            fullName('name', t('Họ, chữ đệm và tên', 'Full name')),
            birthDate('birthDate', 'member'),
            sex('sex', 'member'),
            identityNumber('idNumber', 'member'),
            { id: 'relation', kind: 'text', label: t('Mối quan hệ với chủ hộ', 'Relationship to the head of household'), required: true, maxLength: 50 },
          ],
        },
      ],
    },
    { id: 'closing', title: t('Cam đoan', 'Declaration'), fields: [commitment()] },
  ],
}

export default ct01Form
