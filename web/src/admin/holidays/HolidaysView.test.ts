import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { HolidayDay, HolidayTableView } from '@portal/shared/calendar/schema'
import { setLocale } from '../../i18n/index.ts'
import { mountAt, settle, viewTestHooks } from '../../testing.ts'

// /quan-tri/ngay-nghi against the admin API's answers (the BFF side is tested in bff/src/calendar;
// the whole journey in e2e/tests/admin-calendar-directory.e2e.ts).

const at = '2026-07-01T08:00:00.000Z'
const day = (date: string, off: boolean, name: string, extra: Partial<HolidayDay> = {}): HolidayDay => ({ date, off, name, source: 'BLLĐ 2019', updatedAt: at, updatedBy: 'seed', ...extra })
const seeded = (): HolidayTableView => ({
  from: '2025-01-01',
  until: '2027-12-31',
  revision: 1,
  days: [
    day('2025-01-01', true, 'Tết Dương lịch'),
    day('2026-01-01', true, 'Tết Dương lịch'),
    day('2026-09-01', true, 'Quốc khánh (adjacent day, assumed before)', { provisional: true, source: 'not announced' }),
    day('2026-09-03', false, 'Quốc khánh adjacent day if chosen after', { provisional: true }),
  ],
})

let table: HolidayTableView
let requests: { method: string; url: string; body: unknown }[]
let refuse: { status: number; type: string; detail: string } | null

/** The admin API as the BFF answers it, kept in memory for one test. */
function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET'
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined
      requests.push({ method, url, body })
      const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } })
      if (refuse && method !== 'GET') {
        return new Response(JSON.stringify({ type: `https://dichvucong.example/problems/${refuse.type}`, title: 'x', status: refuse.status, detail: refuse.detail }), {
          status: refuse.status,
          headers: { 'Content-Type': 'application/problem+json' },
        })
      }
      if (method === 'GET') return json(table)
      const date = url.split('/')[4] ?? ''
      if (method === 'POST' && url === '/api/admin/holidays') {
        const added = { ...(body as unknown as HolidayDay), updatedAt: at, updatedBy: 'admin' }
        if (!added.provisional) delete added.provisional
        table = { ...table, revision: table.revision + 1, days: [...table.days, added].sort((a, b) => a.date.localeCompare(b.date)) }
        return json(added, 201)
      }
      if (method === 'POST' && url.endsWith('/confirm')) {
        table = { ...table, days: table.days.map((d) => (d.date === date ? { ...d, provisional: undefined, source: String(body?.source ?? d.source) } : d)) }
        return json(table.days.find((d) => d.date === date))
      }
      if (method === 'DELETE') {
        table = { ...table, days: table.days.filter((d) => d.date !== date) }
        return new Response(null, { status: 204 })
      }
      if (method === 'PUT') {
        table = { ...table, ...(body as { from: string; until: string }) }
        return json(body)
      }
      return json({}, 404)
    }),
  )
}

beforeEach(() => {
  table = seeded()
  requests = []
  refuse = null
  serve()
})
viewTestHooks()

async function open() {
  const { wrapper } = await mountAt('/quan-tri/ngay-nghi')
  await settle()
  await wrapper.find('#year').setValue('2026')
  return wrapper
}
const headings = (wrapper: Awaited<ReturnType<typeof open>>) => wrapper.findAll('.days h2').map((h) => h.text())
/** Submits the form that holds `field`. */
async function submit(wrapper: Awaited<ReturnType<typeof open>>, field: string) {
  const form = wrapper.findAll('form').find((f) => f.find(field).exists())
  if (!form) throw new Error(`no form with ${field}`)
  await form.trigger('submit')
}
const button = (wrapper: Awaited<ReturnType<typeof open>>, text: string) => {
  const found = wrapper.findAll('button').find((b) => b.text() === text)
  if (!found) throw new Error(`no button ${text}`)
  return found
}

describe('the holiday table screen', () => {
  it('shows the period, the provisional days to confirm, one year at a time, and that counted due dates stay', async () => {
    const wrapper = await open()
    const text = wrapper.text()
    expect(text).toContain('Bảng áp dụng từ 01/01/2025 đến hết 31/12/2027.')
    expect(text).toContain('Có 2 ngày tạm tính chờ xác nhận theo văn bản chính thức.')
    expect(text).toContain('Hạn giải quyết đã tính cho hồ sơ (đã in trên giấy hẹn) không thay đổi theo.')
    expect(headings(wrapper)).toEqual(['Thứ Năm, 01/01/2026', 'Thứ Ba, 01/09/2026', 'Thứ Năm, 03/09/2026'])
    expect(wrapper.findAll('.days li')[2]?.text()).toContain('Ngày làm việc')
    await wrapper.find('#year').setValue('2025')
    expect(headings(wrapper)).toEqual(['Thứ Tư, 01/01/2025'])
    await wrapper.findAll('.filters input[type=checkbox]')[0]!.setValue(true)
    expect(headings(wrapper)).toEqual(['Thứ Ba, 01/09/2026', 'Thứ Năm, 03/09/2026'])
  })

  it('adds a worked Saturday and shows it in its year', async () => {
    const wrapper = await open()
    await wrapper.find('#add-date').setValue('2027-02-20')
    await wrapper.find('#add-kind').setValue('worked')
    await wrapper.find('#add-name').setValue('Làm bù cho thứ Sáu 5/2')
    await wrapper.find('#add-source').setValue('Thông báo số 1')
    await submit(wrapper, '#add-date')
    await settle()
    expect(requests.find((r) => r.method === 'POST')).toEqual({
      method: 'POST',
      url: '/api/admin/holidays',
      body: { date: '2027-02-20', off: false, name: 'Làm bù cho thứ Sáu 5/2', source: 'Thông báo số 1', provisional: false },
    })
    expect(wrapper.find('[role=status]').text()).toBe('Đã lưu. Các hạn giải quyết tính từ nay dùng bảng mới.')
    expect(headings(wrapper)).toEqual(['Thứ Bảy, 20/02/2027'])
    expect((wrapper.find('#add-name').element as HTMLInputElement).value).toBe('')
  })

  it('confirms a provisional day with the official text, removes a day after asking', async () => {
    const wrapper = await open()
    const confirmButtons = wrapper.findAll('button').filter((b) => b.text() === 'Xác nhận')
    await confirmButtons[0]!.trigger('click')
    await wrapper.find('#confirm-2026-09-01').setValue('Thông báo 123/TB-BNV')
    await submit(wrapper, '#confirm-2026-09-01')
    await settle()
    expect(requests.find((r) => r.url.endsWith('/confirm'))).toEqual({ method: 'POST', url: '/api/admin/holidays/2026-09-01/confirm', body: { source: 'Thông báo 123/TB-BNV' } })
    expect(wrapper.text()).toContain('Có 1 ngày tạm tính chờ xác nhận')

    await wrapper.findAll('button').filter((b) => b.text() === 'Xoá')[0]!.trigger('click')
    expect(wrapper.text()).toContain('Xoá ngày 01/01/2026?')
    await button(wrapper, 'Xoá khỏi bảng').trigger('click')
    await settle()
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.url)).toEqual(['/api/admin/holidays/2026-01-01'])
    expect(headings(wrapper)).toEqual(['Thứ Ba, 01/09/2026', 'Thứ Năm, 03/09/2026'])
  })

  it('shows the server’s reason when a change is refused, and keeps the table', async () => {
    const wrapper = await open()
    refuse = { status: 409, type: 'holiday-exists', detail: 'Ngày 2026-01-01 đã có trong bảng: hãy sửa ngày đó thay vì thêm lần nữa.' }
    await wrapper.find('#add-date').setValue('2026-01-01')
    await wrapper.find('#add-name').setValue('Tết')
    await wrapper.find('#add-source').setValue('Luật')
    await submit(wrapper, '#add-date')
    await settle()
    expect(wrapper.find('[role=alert]').text()).toBe('Chưa thực hiện được: Ngày 2026-01-01 đã có trong bảng: hãy sửa ngày đó thay vì thêm lần nữa.')
    expect(headings(wrapper)).toHaveLength(3)
  })

  it('tells a non-administrator the page is not for them', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ type: 'x/forbidden', title: 'x', status: 403 }), { status: 403 })))
    const { wrapper } = await mountAt('/quan-tri/ngay-nghi')
    await settle()
    expect(wrapper.text()).toContain('Trang này chỉ dành cho quản trị viên')
    expect(wrapper.find('.days').exists()).toBe(false)
  })

  it('speaks English beside Vietnamese', async () => {
    await setLocale('en')
    const wrapper = await open()
    expect(wrapper.find('h1').text()).toBe('Public holidays and working weekend days')
    expect(headings(wrapper)[0]).toBe('Thursday, 01/01/2026')
    expect(wrapper.text()).toContain('A deadline already counted for a dossier (printed on its receipt) does not change.')
  })
})
