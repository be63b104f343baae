/**
 * 1.013225 Cấp giấy phép xây dựng mới (công trình cấp III, IV và nhà ở riêng lẻ) — Đơn đề nghị
 * cấp giấy phép xây dựng, Mẫu số 01 Phụ lục II Nghị định 175/2024/NĐ-CP: 1. the investor,
 * 2. the site, 3. the designer, 4. what is to be built, 5. completion, 6. the commitment.
 * The kind of work decides the papers (Arts. 53–56 NĐ 175/2024): land papers (c7, or c10 for
 * linear works; c7 already lists the land-use certificates c3, c4, c6 as its alternatives, so
 * those are not asked separately), the project approval and the design drawings.
 */
import type { DossierDefinition } from '../definition.ts'
import { commitment, residence, t, upload } from '../blocks.ts'

const NON_LINEAR = ['non-linear', 'religious', 'belief', 'monument', 'diplomatic', 'house']
const area = (id: string, vi: string, en: string) => ({ id, kind: 'number', label: t(`${vi} (m²)`, `${en} (m²)`), required: true, min: 0 }) as const

const definition: DossierDefinition = {
  procedureCode: '1.013225',
  form: {
    id: 'gpxd-mau-01',
    title: t('Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01, Nghị định 175/2024/NĐ-CP)', 'Application for a building permit (Form 01, Decree 175/2024)'),
    version: 1,
    sections: [
      {
        id: 'investor',
        title: t('1. Thông tin về chủ đầu tư', '1. The investor'),
        fields: [
          { id: 'investorName', kind: 'text', label: t('Tên chủ đầu tư', 'Name of the investor'), required: true, maxLength: 200, prefill: 'fullName' },
          { id: 'investorIdNumber', kind: 'identityNumber', label: t('Số định danh cá nhân (chủ đầu tư là cá nhân)', 'Personal identification number (individual investor)'), prefill: 'identityNumber' },
          { id: 'representative', kind: 'text', label: t('Người đại diện', 'Representative'), maxLength: 100 },
          { id: 'position', kind: 'text', label: t('Chức vụ', 'Position'), maxLength: 100, showWhen: { field: 'representative' } },
          residence('investorAddress', t('Địa chỉ liên hệ', 'Contact address'), { prefill: 'address' }),
          { id: 'investorPhone', kind: 'phone', label: t('Số điện thoại', 'Phone'), required: true, prefill: 'phone' },
          { id: 'investorEmail', kind: 'email', label: t('Thư điện tử (email)', 'Email'), prefill: 'email' },
        ],
      },
      {
        id: 'site',
        title: t('2. Thông tin công trình', '2. The site'),
        fields: [
          { id: 'plotNumber', kind: 'text', label: t('Lô đất số (thửa đất số, tờ bản đồ số)', 'Plot number (parcel and map sheet)'), required: true, maxLength: 100 },
          area('plotArea', 'Diện tích lô đất', 'Plot area'),
          residence('siteAddress', t('Địa điểm xây dựng', 'Building site')),
        ],
      },
      {
        id: 'designer',
        title: t('3. Tổ chức, cá nhân lập, thẩm tra thiết kế xây dựng', '3. Design and design review'),
        fields: [
          { id: 'designUnit', kind: 'text', label: t('Tên đơn vị thiết kế', 'Design firm'), maxLength: 200, hint: t('Nhà ở riêng lẻ dưới 7 tầng, tổng diện tích sàn dưới 500 m²: hộ gia đình được tự thiết kế', 'Single houses under 7 storeys and 500 m² may be designed by the household itself') },
          { id: 'designCertificate', kind: 'text', label: t('Mã số chứng chỉ năng lực', 'Capacity certificate number'), maxLength: 50, showWhen: { field: 'designUnit' } },
          { id: 'designLead', kind: 'text', label: t('Tên chủ nhiệm, chủ trì thiết kế', 'Lead designer'), maxLength: 100, showWhen: { field: 'designUnit' } },
          { id: 'designLeadCertificate', kind: 'text', label: t('Mã số chứng chỉ hành nghề', 'Practising certificate number'), maxLength: 50, showWhen: { field: 'designUnit' } },
          { id: 'reviewUnit', kind: 'text', label: t('Tên đơn vị thẩm tra thiết kế (nếu có)', 'Design review firm (if any)'), maxLength: 200 },
        ],
      },
      {
        id: 'work',
        title: t('4. Nội dung đề nghị cấp phép', '4. What is to be built'),
        fields: [
          { id: 'workKind', kind: 'select', label: t('Loại công trình', 'Kind of work'), required: true, options: [
            { value: 'house', label: t('Nhà ở riêng lẻ', 'Single house') },
            { value: 'non-linear', label: t('Công trình không theo tuyến', 'Non-linear work') },
            { value: 'linear', label: t('Công trình theo tuyến trong đô thị', 'Linear work in an urban area') },
            { value: 'religious', label: t('Công trình tôn giáo', 'Religious building') },
            { value: 'belief', label: t('Công trình tín ngưỡng', 'Building of worship (belief)') },
            { value: 'monument', label: t('Tượng đài, tranh hoành tráng', 'Monument or monumental painting') },
            { value: 'diplomatic', label: t('Công trình của cơ quan ngoại giao, tổ chức quốc tế', 'Work of a diplomatic mission or international organisation') },
          ] },
          { id: 'workGrade', kind: 'radio', label: t('Cấp công trình', 'Grade of the work'), required: true, options: [
            { value: 'III', label: t('Cấp III', 'Grade III') },
            { value: 'IV', label: t('Cấp IV', 'Grade IV') },
          ] },
          area('groundFloorArea', 'Diện tích xây dựng tầng 1 (tầng trệt)', 'Ground-floor area'),
          area('totalFloorArea', 'Tổng diện tích sàn', 'Total floor area'),
          { id: 'height', kind: 'number', label: t('Chiều cao công trình (m)', 'Height (m)'), required: true, min: 0, max: 500 },
          { id: 'storeys', kind: 'number', label: t('Số tầng', 'Number of storeys'), required: true, integer: true, min: 1, max: 100, hint: t('Ghi rõ số tầng hầm, tầng lửng, tum trong phần mô tả', 'Mention basements, mezzanines and roof structures in the description') },
          { id: 'description', kind: 'longText', label: t('Mô tả khác (tầng hầm, tầng lửng, tum...)', 'Other details (basements, mezzanines...)'), maxLength: 2000 },
        ],
      },
      {
        id: 'completion',
        title: t('5. Dự kiến thời gian hoàn thành công trình', '5. Planned completion'),
        fields: [{ id: 'months', kind: 'number', label: t('Số tháng', 'Months'), required: true, integer: true, min: 1, max: 240 }],
      },
      { id: 'closing', title: t('6. Cam kết', '6. Commitment'), fields: [{ ...commitment(), label: t(
        'Tôi xin cam đoan làm theo đúng giấy phép được cấp, nếu sai tôi xin hoàn toàn chịu trách nhiệm và bị xử lý theo quy định của pháp luật.',
        'I undertake to build as the permit allows and accept full responsibility and the legal consequences if I do not.',
      ) }] },
    ],
  },
  components: [
    upload('c7', t('Một trong những giấy tờ hợp pháp về đất đai (Giấy chứng nhận quyền sử dụng đất...) theo Điều 53 Nghị định 175/2024/NĐ-CP', 'One of the lawful land papers (land-use certificate...) per Art. 53 of Decree 175/2024'), { requiredWhen: { field: 'workKind', in: NON_LINEAR }, showOriginal: true }),
    upload('c10', t('Giấy tờ hợp pháp về đất đai (công trình theo tuyến)', 'Lawful land papers (linear work)'), { requiredWhen: { field: 'workKind', equals: 'linear' }, showOriginal: true }),
    upload('c20', t('Hồ sơ thiết kế xây dựng nhà ở riêng lẻ: 02 bộ bản vẽ, kết quả thủ tục phòng cháy chữa cháy, báo cáo thẩm tra (nếu có)', 'House design: 2 sets of drawings, fire-safety approval, design review report (if required)'), { requiredWhen: { field: 'workKind', equals: 'house' }, maxFiles: 20 }),
    upload('c5', t('Quyết định phê duyệt dự án, thông báo kết quả thẩm định và bản vẽ thiết kế cơ sở', 'Project approval, appraisal notice and basic design drawings'), { requiredWhen: { field: 'workKind', equals: 'non-linear' }, maxFiles: 20 }),
    upload('c8', t('Quyết định phê duyệt dự án, thông báo kết quả thẩm định (công trình theo tuyến)', 'Project approval and appraisal notice (linear work)'), { requiredWhen: { field: 'workKind', equals: 'linear' }, maxFiles: 20 }),
    upload('c9', t('02 bộ bản vẽ thiết kế xây dựng (công trình theo tuyến)', '2 sets of design drawings (linear work)'), { requiredWhen: { field: 'workKind', equals: 'linear' }, maxFiles: 20 }),
    upload('c11', t('02 bộ bản vẽ thiết kế xây dựng (công trình tôn giáo)', '2 sets of design drawings (religious building)'), { requiredWhen: { field: 'workKind', equals: 'religious' }, maxFiles: 20 }),
    upload('c13', t('Văn bản chấp thuận về sự cần thiết xây dựng và quy mô công trình của cơ quan chuyên môn về tôn giáo', 'Approval of the need and scale by the provincial religious affairs body'), { requiredWhen: { field: 'workKind', equals: 'religious' } }),
    upload('c12', t('Văn bản của cơ quan quản lý về văn hóa (công trình tôn giáo thuộc dự án tu bổ di tích)', 'Opinion of the culture authority (religious work within a heritage project)')),
    upload('c16', t('02 bộ bản vẽ thiết kế xây dựng, kết quả thủ tục phòng cháy chữa cháy (công trình tín ngưỡng)', '2 sets of design drawings and fire-safety approval (building of worship)'), { requiredWhen: { field: 'workKind', equals: 'belief' }, maxFiles: 20 }),
    upload('c15', t('Ý kiến của cơ quan chuyên môn về tín ngưỡng, tôn giáo (nếu pháp luật có quy định)', 'Opinion of the religious affairs body (where the law requires it)')),
    upload('c14', t('Văn bản về sự cần thiết xây dựng của cơ quan quản lý về văn hóa (công trình tín ngưỡng thuộc dự án tu bổ di tích)', 'Opinion of the culture authority (worship building within a heritage project)')),
    upload('c17', t('02 bộ bản vẽ thiết kế xây dựng (tượng đài, tranh hoành tráng)', '2 sets of design drawings (monument)'), { requiredWhen: { field: 'workKind', equals: 'monument' }, maxFiles: 20 }),
    upload('c18', t('Văn bản chấp thuận về sự cần thiết xây dựng và quy mô của cơ quan quản lý nhà nước về văn hóa', 'Approval of the need and scale by the culture authority'), { requiredWhen: { field: 'workKind', equals: 'monument' } }),
    upload('c19', t('Các điều khoản của Hiệp định hoặc thỏa thuận đã ký với Chính phủ Việt Nam', 'The relevant terms of the agreement signed with the Government of Việt Nam'), { requiredWhen: { field: 'workKind', equals: 'diplomatic' } }),
  ],
}

export default definition
