/**
 * Test support: dossiers as the officers' API answers them, and a fake BFF at the fetch level
 * that answers the officer routes from a dossier it keeps and records every request. Nothing
 * else is mocked.
 */
import { vi } from 'vitest'
import type { OfficerDossier, OfficerQueue, OfficerQueueItem, OfficerUnit } from '@portal/shared/onestop/api'

export const DOSSIER_ID = '6b7c2f36-3f55-4a53-9a4a-6d0ad5f0f0a1'
const PHOTO = 'a'.repeat(64)
const SCAN = 'b'.repeat(64)

/** Units as the BFF lists them: the officer's agency's own first, then the rest of the directory. */
export const UNITS: OfficerUnit[] = [
  { code: 'H55.242.1', name: 'Công chức Tư pháp - Hộ tịch', parent: '000.00.D8.H55' },
  { code: 'H55.242.2', name: 'Lãnh đạo Ủy ban nhân dân phường', parent: '000.00.D8.H55' },
  { code: 'H55.242', name: 'Bộ phận Một cửa phường Phan Đình Phùng' },
]

export function queueItem(overrides: Partial<OfficerQueueItem> = {}): OfficerQueueItem {
  return {
    id: DOSSIER_ID,
    code: '000.00.D8.H55-261127-0001',
    procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
    agencyCode: '000.00.D8.H55',
    applicantName: 'Nguyễn Văn An',
    status: 'registered',
    registeredAt: '2026-11-27T08:15:00+07:00',
    overdue: false,
    dueSoon: false,
    ...overrides,
  }
}

export function officerDossier(overrides: Partial<OfficerDossier> = {}): OfficerDossier {
  const item = queueItem()
  return {
    ...item,
    submission: {
      id: DOSSIER_ID,
      procedureCode: '1.001193',
      communeCode: '05443',
      form: {
        applicantName: 'Nguyễn Văn An',
        applicantIdNumber: '019085004127',
        childName: 'Nguyễn Thị Bình',
        childBirthDate: '2026-11-07',
        childSex: 'female',
        birthCase: 'normal',
        parentsKnown: 'none',
        commitment: true,
      },
      components: [
        {
          componentId: 'c6',
          files: [
            { sha256: PHOTO, size: 120_000, type: 'image/jpeg', name: 'giay-chung-sinh.jpg' },
            { sha256: SCAN, size: 80_000, type: 'application/pdf', name: 'ban-sao.pdf' },
          ],
        },
      ],
      resultDelivery: { method: 'at-agency' },
    },
    receipt: {
      id: DOSSIER_ID,
      code: item.code,
      procedure: item.procedure,
      agency: { code: '000.00.D8.H55', name: 'Ủy ban nhân dân phường Phan Đình Phùng' },
      applicant: { name: 'Nguyễn Văn An', identityNumber: '019085004127' },
      receivedAt: item.registeredAt,
      components: [
        {
          componentId: 'c6',
          label: 'Giấy chứng sinh',
          files: [
            { name: 'giay-chung-sinh.jpg', sha256: PHOTO, size: 120_000 },
            { name: 'ban-sao.pdf', sha256: SCAN, size: 80_000 },
          ],
        },
      ],
      resultDelivery: { method: 'at-agency' },
    },
    history: [],
    supplements: [],
    apologyUsed: false,
    allowed: ['receive', 'refuse', 'requestSupplement', 'withdraw'],
    slips: [],
    ...overrides,
  }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } })

export const problem = (status: number, type: string, title: string, detail?: string) =>
  json(status, { type: `https://dichvucong.example/problems/${type}`, title, status, ...(detail ? { detail } : {}) })

export interface Recorded {
  method: string
  url: URL
  headers: Headers
  body?: unknown
}

/**
 * The officer routes over `fetch`. `queue` answers GET /api/officer/dossiers (by query);
 * `action` answers a POST of an action (default: 500). Other routes answer 404.
 */
export function fakeOfficerBff(options: {
  queue?: (query: URLSearchParams) => OfficerQueue | Response
  dossier?: () => OfficerDossier | Response
  action?: (body: unknown) => OfficerDossier | Response
  units?: () => OfficerUnit[] | Response
}) {
  const requests: Recorded[] = []
  const answer = (made: unknown) => (made instanceof Response ? made : json(200, made))
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://portal.test')
    const method = init?.method ?? 'GET'
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
    requests.push({ method, url, headers: new Headers(init?.headers), ...(body === undefined ? {} : { body }) })
    if (method === 'GET' && url.pathname === '/api/officer/dossiers' && options.queue) return answer(options.queue(url.searchParams))
    if (method === 'GET' && url.pathname === `/api/officer/dossiers/${DOSSIER_ID}` && options.dossier) return answer(options.dossier())
    if (method === 'POST' && url.pathname === `/api/officer/dossiers/${DOSSIER_ID}/actions`) {
      return options.action ? answer(options.action(body)) : problem(500, 'internal', 'Lỗi hệ thống')
    }
    if (method === 'GET' && url.pathname === '/api/officer/units' && options.units) return answer(options.units())
    return problem(404, 'not-found', 'Không tìm thấy')
  })
  vi.stubGlobal('fetch', fetch)
  return { fetch, requests }
}
