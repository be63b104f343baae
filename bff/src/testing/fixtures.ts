/**
 * A small catalogue built in code for tests: two fields, three agency kinds, a directory with
 * one department and two communes, and procedures made with `procedure()`. Tests never read
 * the real seed files, so they do not change when the data does.
 */
import type { AgencyDirectory, AgencyKind, Field, Procedure } from '@portal/shared/catalog/schema'
import type { CatalogInput } from '../catalog/versioning.ts'

export const fields: Field[] = [
  { id: 'ho-tich', code: 'H55-HT', name: 'Hộ tịch', nameEn: 'Civil status' },
  { id: 'dat-dai', code: 'H55-DD', name: 'Đất đai', nameEn: 'Land' },
]

export const agencyKinds: AgencyKind[] = [
  { id: 'commune-committee', name: 'Ủy ban nhân dân cấp xã', nameEn: "Commune People's Committee", level: 'commune' },
  { id: 'department-justice', name: 'Sở Tư pháp', nameEn: 'Department of Justice', level: 'province' },
  { id: 'department-land', name: 'Sở Nông nghiệp và Môi trường', nameEn: 'Department of Agriculture and Environment', level: 'province' },
]

export const directory: AgencyDirectory = {
  province: { code: 'H55', name: 'Thái Nguyên', statisticsCode: '19' },
  agencies: [
    { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên', nameEn: 'Department of Justice', kind: 'department-justice' },
    { code: '000.01.01.H55', name: 'UBND phường Phan Đình Phùng', nameEn: 'Phan Dinh Phung Ward', kind: 'commune-committee', communeCode: '05440' },
    { code: '000.02.01.H55', name: 'UBND xã Đại Phúc', nameEn: 'Dai Phuc Commune', kind: 'commune-committee', communeCode: '05443' },
  ],
}

/** A valid procedure; override what the test is about. */
export function procedure(over: Partial<Procedure> & Pick<Procedure, 'code'>): Procedure {
  return {
    name: `Thủ tục ${over.code}`,
    level: 'commune',
    field: 'ho-tich',
    agencyKind: 'commune-committee',
    onlineService: 'partial',
    submissionMethods: ['online', 'in-person'],
    processingTime: { text: '3 ngày làm việc', options: [{ amount: 3, unit: 'working-days' }] },
    fee: { kind: 'free', items: [] },
    components: [{ id: 'c1', name: 'Tờ khai theo mẫu', originals: 1, copies: 0, presentOnly: false }],
    notes: [],
    result: 'Giấy chứng nhận',
    legalBasis: ['Luật Hộ tịch 2014'],
    sources: ['https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193'],
    ...over,
  }
}

export const birth = procedure({
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  formName: 'Tờ khai đăng ký khai sinh',
  components: [
    { id: 'c1', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, presentOnly: false },
    { id: 'c2', name: 'Giấy chứng sinh', originals: 1, copies: 0, presentOnly: false },
    { id: 'c3', name: 'Căn cước của người yêu cầu', originals: 0, copies: 0, group: 'Giấy tờ phải xuất trình', presentOnly: true },
  ],
})

export const criminalRecord = procedure({
  code: '2.000488',
  name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  level: 'province',
  agencyKind: 'department-justice',
  onlineService: 'full',
  processingTime: {
    text: 'Không quá 10 ngày; trường hợp phải xác minh thì không quá 15 ngày',
    options: [
      { amount: 10, unit: 'days' },
      { amount: 15, unit: 'days', condition: 'phải xác minh' },
    ],
    ambiguity: 'Không nói rõ ngày làm việc hay ngày lịch.',
  },
  fee: { kind: 'fixed', text: '200.000 đồng/lần/người', items: [{ amountVnd: 200000, per: 'lần' }] },
})

export const landUse = procedure({ code: '1.012345', name: 'Đăng ký đất đai lần đầu', level: 'province', field: 'dat-dai', agencyKind: 'department-land' })

/** The fixture catalogue as one publication. */
export function catalogInput(procedures: Procedure[] = [birth, criminalRecord, landUse]): CatalogInput {
  return { procedures, fields, agencyKinds, agencies: directory }
}
