/**
 * The app's own Vietnamese texts (web/src/i18n/vi.json), the subset the server pages show, in
 * the same shape: the app replaces a server page with its own rendering, so every word must be
 * the same or the swap shows. texts.test.ts checks this copy against vi.json.
 */
export const T = {
  app: {
    name: 'Cổng Dịch vụ công',
    province: 'Thái Nguyên',
    skip: 'Bỏ qua, đến nội dung chính',
    home: 'Trang chủ',
    myDossiers: 'Hồ sơ của tôi',
    nav: 'Trình đơn chính',
    breadcrumb: 'Đường dẫn',
    signIn: 'Đăng nhập',
    lookup: 'Tra cứu hồ sơ',
    statistics: 'Thống kê',
  },
  lang: { switchTo: 'English', switchToCode: 'en' },
  status: { count: '{n} thủ tục' },
  storage: { title: 'Bộ nhớ' },
  home: {
    title: 'Tra cứu thủ tục hành chính',
    lead: 'Tìm theo tên, mã thủ tục hoặc từ khoá, gõ có dấu hay không dấu đều được. Danh mục được lưu trên máy nên vẫn tra cứu được khi mất mạng.',
  },
  browse: { byField: 'Theo lĩnh vực', byAgency: 'Theo cơ quan thực hiện', byLevel: 'Theo cấp thực hiện' },
  level: { province: 'Cấp tỉnh', commune: 'Cấp xã' },
  search: {
    label: 'Tìm thủ tục',
    placeholder: 'Ví dụ: khai sinh, 1.001193',
    submit: 'Tìm',
    title: 'Tìm kiếm',
    titleFor: 'Kết quả tìm “{q}”',
    results: '{n} kết quả',
    none: 'Không tìm thấy thủ tục nào. Hãy thử từ khác hoặc ít từ hơn.',
  },
  list: { empty: 'Chưa có thủ tục nào.' },
  procedure: {
    code: 'Mã thủ tục',
    field: 'Lĩnh vực',
    level: 'Cấp thực hiện',
    agency: 'Cơ quan thực hiện',
    online: 'Dịch vụ công trực tuyến',
    onlineLevel: { full: 'Toàn trình', partial: 'Một phần', none: 'Không trực tuyến' },
    methods: 'Cách thức nộp',
    channel: { online: 'Trực tuyến', 'in-person': 'Trực tiếp', post: 'Qua bưu chính' },
    time: 'Thời hạn giải quyết',
    anyChannel: 'Mọi cách thức',
    unit: { 'working-days': '{n} ngày làm việc', days: '{n} ngày', hours: '{n} giờ' },
    published: 'Văn bản công bố ghi:',
    ambiguity: 'Lưu ý:',
    fee: 'Phí, lệ phí',
    feeKind: {
      free: 'Không mất phí',
      fixed: 'Theo mức dưới đây',
      'by-regulation': 'Theo quy định của cơ quan có thẩm quyền',
      unknown: 'Nguồn công bố không nêu rõ',
    },
    amount: '{amount} đồng',
    components: 'Thành phần hồ sơ',
    originals: '{n} bản chính',
    copies: '{n} bản sao',
    presentOnly: 'Chỉ xuất trình, không nộp',
    notes: 'Lưu ý',
    result: 'Kết quả',
    legalBasis: 'Căn cứ pháp lý',
    form: 'Mẫu đơn, tờ khai',
    decision: 'Quyết định công bố',
    where: 'Nơi nộp hồ sơ',
    whereCommune: 'Nộp tại {kind} nơi bạn cư trú.',
    communeList: 'Danh sách {n} xã, phường',
    whereUnknown: 'Danh bạ cơ quan chưa có trên máy này.',
    phone: 'Điện thoại',
    sources: 'Nguồn',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    text: 'Trang bạn tìm không có hoặc đã được chuyển đi.',
    procedure: 'Không có thủ tục mã {code} trong danh mục.',
    back: 'Về trang chủ',
  },
} as const

const numberFormat = new Intl.NumberFormat('vi-VN')

/** Numbers as the app shows them in Vietnamese. @example formatNumber(1200) === '1.200' */
export function formatNumber(value: number): string {
  return numberFormat.format(value)
}

/**
 * Fills `{name}` placeholders as the app's i18n does (Vietnamese has one plural form, so a
 * count needs no choice). Numbers are formatted. @example fill(T.status.count, { n: 23 }) === '23 thủ tục'
 */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? formatNumber(value) : value
  })
}

/**
 * The drafts feature's texts that the procedure page shows (web/src/drafts/i18n/vi.json): the
 * "start a dossier" block, rendered here too so the app's takeover adds nothing to the page.
 */
export const TD = {
  drafts: {
    start: 'Bắt đầu soạn hồ sơ',
    startHint: 'Soạn ngay trên máy, được lưu tự động, nộp khi có mạng.',
    startFile: 'Thủ tục này chưa có tờ khai điện tử: bạn chụp hoặc quét tờ khai đã điền và đính kèm.',
  },
}
