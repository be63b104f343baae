import { describe, expect, it, vi } from 'vitest'
import type { Statistics, StatisticsGroup } from '@portal/shared/statistics/schema'
import { setLocale } from '../i18n/index.ts'
import { jsonAnswer, mountAt, settle, viewTestHooks } from '../testing.ts'

// /thong-ke: the filters in the URL, the groups of GET /api/statistics as cards with bars and
// written numbers (the BFF's side is tested in bff/src/statistics), the CSV link with the same
// query, and a plain message for each failure.

const group = (over: Partial<StatisticsGroup> = {}): StatisticsGroup => ({
  agency: { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên', nameEn: 'Department of Justice' },
  received: 12,
  processed: 10,
  early: 6,
  onTime: 2,
  late: 2,
  inProgress: 3,
  ratings: { 'very-satisfied': 4, satisfied: 1, unsatisfied: 1 },
  indices: { totalTime: 1.4, unitTime: null, contacts: 2, agencies: 2, oneStop: 1.8, publication: 2, attitude: 1.5, feedback: null, online: 2 },
  total: 15.8,
  grade: 'excellent',
  ...over,
})

const answer = (over: Partial<Statistics> = {}): Statistics => ({
  groupBy: 'agency',
  from: '2025-08',
  to: '2026-07',
  computedAt: '2026-07-01T15:00:00+07:00',
  groups: [group(), group({ agency: { code: '000.00.D8.H55', name: 'UBND phường Phan Đình Phùng', nameEn: 'Phan Dinh Phung Ward' }, received: 3, processed: 0, early: 0, onTime: 0, late: 0, inProgress: 3, total: null, grade: null, ratings: { 'very-satisfied': 0, satisfied: 0, unsatisfied: 0 } })],
  totals: { received: 15, processed: 10, early: 6, onTime: 2, late: 2, inProgress: 6 },
  ...over,
})

let requests: string[]
function answering(res: () => Response | Promise<Response>) {
  requests = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      requests.push(url)
      return res()
    }),
  )
}

viewTestHooks()

type Mounted = Awaited<ReturnType<typeof mountAt>>['wrapper']
const totals = (w: Mounted) => w.findAll('.stats-totals > div').map((d) => [d.find('dt').text(), d.find('dd').text()])
const cards = (w: Mounted) => w.findAll('.stats-groups > li')

describe('the statistics page', () => {
  it('shows the totals and a card per agency with bars, written numbers, the score and the ratings', async () => {
    answering(() => jsonAnswer(answer()))
    const { wrapper } = await mountAt('/thong-ke')
    await settle()
    expect(requests).toEqual(['/api/statistics?groupBy=agency'])
    expect(wrapper.find('h1').text()).toBe('Thống kê kết quả giải quyết hồ sơ')
    expect(totals(wrapper)).toEqual([
      ['Tiếp nhận', '15'],
      ['Đã giải quyết', '10'],
      ['Trước hạn', '6'],
      ['Đúng hạn', '2'],
      ['Quá hạn', '2'],
      ['Đang giải quyết', '6'],
    ])
    const [justice, ward] = cards(wrapper)
    expect(justice!.find('h2').text()).toBe('Sở Tư pháp tỉnh Thái Nguyên')
    // The biggest figure fills its bar; the others in proportion.
    expect(justice!.findAll('.stats-fill').map((b) => (b.element as HTMLElement).style.width)).toEqual(['100%', `${(100 * 10) / 12}%`, '25%'])
    expect(justice!.findAll('.stats-numbers > div').map((d) => d.text())).toEqual(['Tiếp nhận12', 'Đã giải quyết10', 'Đang giải quyết3'])
    expect(justice!.findAll('.stats-split > span').map((b) => (b.element as HTMLElement).style.width)).toEqual(['60%', '20%', '20%'])
    expect(justice!.text()).toContain('80% đúng hạn hoặc trước hạn')
    expect(justice!.text()).toContain('Điểm đánh giá: 15,8/18, xếp loại Xuất sắc')
    expect(justice!.text()).toContain('Đánh giá của người dân: 4 rất hài lòng, 1 hài lòng, 1 chưa hài lòng')
    expect(justice!.findAll('.stats-indices li').map((li) => li.find('strong').text())).toEqual(['1,4', 'chưa đánh giá', '2', '2', '1,8', '2', '1,5', 'chưa đánh giá', '2'])
    expect(ward!.find('.stats-split').exists()).toBe(false)
    expect(ward!.text()).toContain('Chưa đủ hồ sơ đã giải quyết để chấm điểm.')
    expect(wrapper.find('a[download]').attributes('href')).toBe('/api/statistics.csv?groupBy=agency&from=2025-08&to=2026-07')
  })

  it('takes over the server page with its own figures, without asking again or showing "loading"', async () => {
    const script = Object.assign(document.createElement('script'), { type: 'application/json', id: 'page-data', textContent: JSON.stringify(answer({ groupBy: 'agency-month', from: '2026-01', to: '2026-03' })) })
    document.head.append(script)
    answering(() => jsonAnswer(answer()))
    const { wrapper, router } = await mountAt('/thong-ke?groupBy=agency-month&from=2026-01')
    // Rendered in the first pass, before any promise settles: no "loading" in between.
    expect(wrapper.find('[role="status"]').exists()).toBe(false)
    expect(totals(wrapper)[0]).toEqual(['Tiếp nhận', '15'])
    await settle()
    expect(requests).toEqual([])
    expect(wrapper.find('a[download]').attributes('href')).toBe('/api/statistics.csv?groupBy=agency-month&from=2026-01&to=2026-03')
    // Other filters, and the same ones again later, are asked of the BFF.
    await router.replace('/thong-ke?groupBy=agency')
    await settle()
    await router.replace('/thong-ke?groupBy=agency-month&from=2026-01')
    await settle()
    expect(requests).toEqual(['/api/statistics?groupBy=agency', '/api/statistics?groupBy=agency-month&from=2026-01'])
  })

  it('asks the BFF when the server page was for other filters', async () => {
    const script = Object.assign(document.createElement('script'), { type: 'application/json', id: 'page-data', textContent: JSON.stringify(answer({ groupBy: 'agency-field' })) })
    document.head.append(script)
    answering(() => jsonAnswer(answer()))
    await mountAt('/thong-ke')
    await settle()
    expect(requests).toEqual(['/api/statistics?groupBy=agency'])
  })

  it('takes the filters from the link, puts the chosen ones in it, and names months and fields', async () => {
    answering(() => jsonAnswer(answer({ groupBy: 'agency-month', from: '2026-01', to: '2026-03', groups: [group({ month: '2026-02' })] })))
    const { wrapper, router } = await mountAt('/thong-ke?groupBy=agency-month&from=2026-01&to=2026-03')
    await settle()
    expect(requests).toEqual(['/api/statistics?groupBy=agency-month&from=2026-01&to=2026-03'])
    expect(cards(wrapper)[0]!.find('h2').text()).toBe('Sở Tư pháp tỉnh Thái Nguyên · 2026-02')
    expect((wrapper.find('#groupBy').element as HTMLSelectElement).value).toBe('agency-month')

    answering(() => jsonAnswer(answer({ groupBy: 'agency-field', from: '2026-02', to: '2026-03', groups: [group({ field: { code: 'ho-tich', name: 'Hộ tịch', nameEn: 'Civil status' } })] })))
    await wrapper.find('#groupBy').setValue('agency-field')
    await wrapper.find('#from').setValue('2026-02')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/thong-ke?groupBy=agency-field&from=2026-02&to=2026-03')
    expect(requests).toEqual(['/api/statistics?groupBy=agency-field&from=2026-02&to=2026-03'])
    expect(cards(wrapper)[0]!.find('h2').text()).toBe('Sở Tư pháp tỉnh Thái Nguyên · Hộ tịch')
    expect(wrapper.find('a[download]').attributes('href')).toBe('/api/statistics.csv?groupBy=agency-field&from=2026-02&to=2026-03')

    await setLocale('en')
    await settle()
    expect(cards(wrapper)[0]!.find('h2').text()).toBe('Department of Justice · Civil status')
    expect(wrapper.find('h1').text()).toBe('Dossier statistics')
  })

  it('says plainly when the period is wrong, the phone is offline or the server fails', async () => {
    answering(() => jsonAnswer({ type: 'x', title: 'Dữ liệu gửi lên không hợp lệ', status: 400 }, 400))
    const { wrapper } = await mountAt('/thong-ke?from=2026-05&to=2026-01')
    await settle()
    expect(wrapper.find('[role=alert]').text()).toContain('Khoảng thời gian chưa đúng')
    expect(wrapper.find('.stats-groups').exists()).toBe(false)

    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await wrapper.find('form').trigger('submit')
    await wrapper.find('#groupBy').setValue('agency-month')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.find('[role=alert]').text()).toBe('Cần có mạng để xem số liệu thống kê. Hãy thử lại khi có kết nối.')

    answering(() => jsonAnswer({ groups: 'nope' }))
    await wrapper.find('#groupBy').setValue('agency')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.find('[role=alert]').text()).toBe('Chưa tải được số liệu vì máy chủ đang gặp lỗi. Hãy thử lại sau ít phút.')
  })
})
