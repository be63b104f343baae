/**
 * 1.001612 Đăng ký thành lập hộ kinh doanh — Giấy đề nghị đăng ký hộ kinh doanh. The form text
 * was not available; its fields follow what the law asks the request to state (Nghị định
 * 168/2025/NĐ-CP on business registration, as NĐ 01/2021 before it): the business's name,
 * address, contact, lines of business, capital, number of workers, and the owner's personal
 * details, with the household members when the household founds it together.
 */
import type { DossierDefinition } from '../definition.ts'
import { birthDate, commitment, ethnicity, fullName, identityNumber, nationality, residence, sex, t, upload } from '../blocks.ts'

const definition: DossierDefinition = {
  procedureCode: '1.001612',
  form: {
    id: 'ho-kinh-doanh',
    title: t('Giấy đề nghị đăng ký hộ kinh doanh', 'Application for household business registration'),
    version: 1,
    sections: [
      {
        id: 'business',
        title: t('Hộ kinh doanh', 'The business'),
        fields: [
          { id: 'businessName', kind: 'text', label: t('Tên hộ kinh doanh', 'Name of the household business'), required: true, maxLength: 200, hint: t('Gồm "Hộ kinh doanh" và tên riêng, ví dụ: Hộ kinh doanh Hoa Mai', '"Hộ kinh doanh" followed by its own name') },
          residence('businessAddress', t('Địa chỉ trụ sở hộ kinh doanh', 'Address of the business')),
          { id: 'businessPhone', kind: 'phone', label: t('Điện thoại', 'Phone') },
          { id: 'businessEmail', kind: 'email', label: t('Thư điện tử (email)', 'Email') },
          {
            id: 'lines', kind: 'group', label: t('Ngành, nghề kinh doanh', 'Lines of business'), itemLabel: t('Ngành, nghề', 'Line of business'), required: true, min: 1, max: 30,
            fields: [
              { id: 'name', kind: 'text', label: t('Tên ngành', 'Line of business'), required: true, maxLength: 300 },
              { id: 'code', kind: 'text', label: t('Mã ngành (cấp 4, nếu biết)', 'Industry code (4 digits, if known)'), maxLength: 4 },
            ],
          },
          { id: 'capital', kind: 'number', label: t('Vốn kinh doanh (đồng)', 'Business capital (VND)'), required: true, integer: true, min: 0 },
          { id: 'workers', kind: 'number', label: t('Số lượng lao động', 'Number of workers'), required: true, integer: true, min: 0, max: 10_000 },
          { id: 'startDate', kind: 'date', label: t('Ngày bắt đầu hoạt động kinh doanh (dự kiến)', 'Planned start date'), min: 'today' },
        ],
      },
      {
        id: 'owner',
        title: t('Chủ hộ kinh doanh', 'Owner of the business'),
        fields: [
          fullName('ownerName', t('Họ, chữ đệm và tên', 'Full name'), { prefill: 'fullName' }),
          sex('ownerSex', 'owner'),
          birthDate('ownerBirthDate', 'owner', t('Ngày, tháng, năm sinh', 'Date of birth'), { prefill: 'birthDate' }),
          ethnicity('ownerEthnicity'),
          ...nationality('ownerNationality'),
          { ...identityNumber('ownerIdNumber', 'owner'), prefill: 'identityNumber' },
          residence('ownerAddress', t('Địa chỉ liên lạc', 'Contact address'), { prefill: 'address' }),
          { id: 'ownerPhone', kind: 'phone', label: t('Điện thoại', 'Phone'), required: true, prefill: 'phone' },
          { id: 'ownerEmail', kind: 'email', label: t('Thư điện tử (email)', 'Email'), prefill: 'email' },
        ],
      },
      {
        id: 'household',
        title: t('Thành viên hộ gia đình', 'Household members'),
        fields: [
          { id: 'foundedBy', kind: 'radio', label: t('Hộ kinh doanh do', 'The business is founded by'), required: true, options: [
            { value: 'individual', label: t('Một cá nhân thành lập', 'One person') },
            { value: 'household', label: t('Các thành viên hộ gia đình thành lập', 'Members of a household') },
          ] },
          {
            id: 'members', kind: 'group', label: t('Danh sách thành viên hộ gia đình đăng ký hộ kinh doanh', 'Household members registering the business'), itemLabel: t('Thành viên', 'Member'),
            required: true, min: 1, max: 30, showWhen: { field: 'foundedBy', equals: 'household' },
            fields: [fullName('name'), sex('sex', 'member'), birthDate('birthDate', 'member'), ethnicity('ethnicity'), ...nationality('nationality'), identityNumber('idNumber', 'member'), residence('address', t('Địa chỉ liên lạc', 'Contact address'))],
          },
          { id: 'submittedBy', kind: 'radio', label: t('Người nộp hồ sơ', 'Who submits'), required: true, options: [
            { value: 'owner', label: t('Chủ hộ kinh doanh', 'The owner') },
            { value: 'person', label: t('Cá nhân được ủy quyền', 'An authorised person') },
            { value: 'organisation', label: t('Tổ chức làm dịch vụ được ủy quyền', 'An authorised service organisation') },
            { value: 'post', label: t('Nhân viên bưu chính công ích', 'Public postal service') },
          ] },
        ],
      },
      { id: 'closing', title: t('Cam kết', 'Commitment'), fields: [commitment()] },
    ],
  },
  components: [
    upload('c2', t('Văn bản ủy quyền (công chứng hoặc chứng thực) của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh', "Notarised mandate of the household members naming one of them the business's owner"), { requiredWhen: { field: 'foundedBy', equals: 'household' } }),
    upload('c5', t('Văn bản ủy quyền cho cá nhân thực hiện thủ tục', 'Mandate to the person carrying out the procedure'), { requiredWhen: { field: 'submittedBy', equals: 'person' } }),
    upload('c3', t('Hợp đồng cung cấp dịch vụ và giấy giới thiệu của tổ chức làm dịch vụ', "Service contract and the organisation's letter of introduction"), { requiredWhen: { field: 'submittedBy', equals: 'organisation' } }),
    upload('c4', t('Phiếu gửi hồ sơ của doanh nghiệp bưu chính công ích', 'Postal dispatch slip of the public postal service'), { requiredWhen: { field: 'submittedBy', equals: 'post' } }),
    upload('c6', t('Bản sao thẻ Căn cước của người ủy quyền (khi chưa có tài khoản định danh điện tử)', "Copy of the mandating person's identity card (when they have no electronic identity account)")),
  ],
}

export default definition
