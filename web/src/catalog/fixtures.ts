/** A small catalogue for tests: three procedures, two levels, one agency directory. */
import type { AgencyDirectory, Catalog, Procedure } from '@portal/shared/catalog/schema'

const birth: Procedure = {
  code: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  level: 'commune',
  field: 'ho-tich',
  agencyKind: 'ubnd-xa',
  agencyText: 'Ủy ban nhân dân cấp xã',
  onlineService: 'partial',
  submissionMethods: ['online', 'in-person', 'post'],
  processingTime: {
    text: 'Ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.',
    options: [{ amount: 1, unit: 'working-days' }],
    ambiguity: 'Nguồn ghi "ngay trong ngày" nhưng có ngoại lệ sau 15 giờ.',
  },
  fee: { kind: 'free', text: 'Miễn lệ phí', items: [] },
  components: [
    { id: 'c1', name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, copies: 0, presentOnly: false },
    { id: 'c2', name: 'Giấy chứng sinh', originals: 1, copies: 0, group: 'Giấy tờ phải nộp', presentOnly: false },
    { id: 'c3', name: 'Giấy tờ tùy thân của người đi đăng ký', originals: 1, copies: 0, group: 'Giấy tờ phải xuất trình', presentOnly: true },
  ],
  notes: ['Người đi đăng ký khai sinh xuất trình bản chính giấy tờ tùy thân.'],
  result: 'Giấy khai sinh (bản chính)',
  legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
  formName: 'Tờ khai đăng ký khai sinh',
  decisionNumber: '163/QĐ-BTP',
  sources: ['https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193'],
}

const marriage: Procedure = {
  ...birth,
  code: '1.000894',
  name: 'Thủ tục đăng ký kết hôn',
  components: [{ id: 'c1', name: 'Tờ khai đăng ký kết hôn', originals: 1, copies: 0, presentOnly: false }],
  fee: { kind: 'fixed', items: [{ amountVnd: 30000, per: 'trường hợp', channel: 'in-person' }] },
  formName: undefined,
  decisionNumber: undefined,
}

const building: Procedure = {
  ...birth,
  code: '1.013225',
  name: 'Cấp giấy phép xây dựng mới',
  level: 'province',
  field: 'xay-dung',
  agencyKind: 'so-xay-dung',
  agencyText: 'Sở Xây dựng',
  onlineService: 'full',
  submissionMethods: ['online', 'in-person'],
  processingTime: {
    text: '20 ngày; 15 ngày nếu nộp trực tuyến',
    options: [
      { channel: 'in-person', amount: 20, unit: 'days' },
      { channel: 'online', amount: 15, unit: 'days', condition: 'hồ sơ đầy đủ' },
    ],
  },
  fee: { kind: 'by-regulation', text: 'Theo Nghị quyết của HĐND tỉnh', items: [] },
  components: [
    { id: 'c1', name: 'Đơn đề nghị cấp giấy phép xây dựng', originals: 1, copies: 2, group: 'Công trình không theo tuyến', presentOnly: false },
    { id: 'c2', name: 'Bản vẽ thiết kế theo tuyến', originals: 0, copies: 2, group: 'Công trình theo tuyến', presentOnly: false },
    { id: 'c3', name: 'Giấy chứng nhận quyền sử dụng đất', originals: 0, copies: 1, group: 'Công trình không theo tuyến', presentOnly: false },
  ],
  notes: [],
  result: 'Giấy phép xây dựng',
  legalBasis: ['Luật Xây dựng 2014'],
  sources: ['reference/procedures.json'],
}

export const catalogFixture: Catalog = {
  version: '0a1b2c3d.1',
  fields: [
    { id: 'ho-tich', code: 'BTP-HT', name: 'Hộ tịch', nameEn: 'Civil status' },
    { id: 'xay-dung', code: 'BXD-XD', name: 'Xây dựng', nameEn: 'Construction' },
  ],
  agencyKinds: [
    { id: 'ubnd-xa', name: 'Ủy ban nhân dân xã, phường', nameEn: 'Commune People’s Committee', level: 'commune' },
    { id: 'so-xay-dung', name: 'Sở Xây dựng', nameEn: 'Department of Construction', level: 'province' },
  ],
  procedures: [birth, marriage, building],
}

export const agenciesFixture: AgencyDirectory = {
  province: { code: '000.00.00.H55', name: 'Thái Nguyên', statisticsCode: '19' },
  agencies: [
    { code: '000.01.00.H55', name: 'Sở Xây dựng tỉnh Thái Nguyên', nameEn: 'Thai Nguyen Department of Construction', kind: 'so-xay-dung', address: 'Phường Phan Đình Phùng', phone: '0208 3855 000' },
    { code: '000.00.01.H55', name: 'UBND phường Phan Đình Phùng', nameEn: 'Phan Dinh Phung Ward People’s Committee', kind: 'ubnd-xa', communeCode: '05440' },
    { code: '000.00.02.H55', name: 'UBND xã Đại Phúc', nameEn: 'Dai Phuc Commune People’s Committee', kind: 'ubnd-xa', communeCode: '05443' },
  ],
}

/** A fetch that answers from a route table; every request is recorded. */
export function fakeFetch(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  const requests: Request[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(new URL(String(input), 'http://portal.test'), init)
    requests.push(request)
    const url = new URL(request.url)
    const route = routes[url.pathname + url.search] ?? routes[url.pathname]
    if (!route) return new Response('not found', { status: 404 })
    return route(request)
  }
  return { fetch: fetch as typeof globalThis.fetch, requests }
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { ...init, headers: { 'content-type': 'application/json', ...init.headers } })
}
