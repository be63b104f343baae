import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { agenciesFixture, catalogFixture } from '../catalog/fixtures.ts'
import { replaceCatalog } from '../catalog/local.ts'
import { portalDb } from '../db.ts'
import { setLocale } from '../i18n/index.ts'
import { mountAt, settle, eventually } from '../testing.ts'
import { fakeOfficerBff, problem, queueItem } from './testing.ts'

// The officer's queue (/can-bo): the server's order with overdue and soon-due dossiers marked,
// filters written into the URL and sent, more pages by the cursor, and who may see it.

const AGENCY = agenciesFixture.agencies.find((a) => a.kind === 'ubnd-xa')!.code
const officer = { sub: 'officer-1', name: 'Phạm Thị Hồng', roles: [{ role: 'officer', id: 1, duty: 'reception', agencyCode: AGENCY }], mfa: true, idleSeconds: 900, expiresAt: '2026-11-28T00:00:00Z' }
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const overdue = queueItem({ id: id(1), code: '000.00.D8.H55-261120-0003', status: 'processing', overdue: true, dueAt: '2026-11-25T17:00:00+07:00' })
const soon = queueItem({ id: id(2), code: '000.00.D8.H55-261124-0001', status: 'accepted', dueSoon: true, dueAt: '2026-11-28T17:00:00+07:00' })
const fresh = queueItem({ id: id(3), code: '000.00.D8.H55-261127-0001', applicantName: 'Trần Thị Bích Ngọc' })

beforeAll(async () => {
  const db = await portalDb()
  await replaceCatalog(db, catalogFixture, undefined, Date.now())
  await db.meta.put({ key: 'agencies', value: { directory: agenciesFixture } })
})
beforeEach(() => {
  localStorage.clear()
  localStorage.setItem('portal.session', JSON.stringify(officer))
})
afterEach(async () => {
  await setLocale('vi')
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})
enableAutoUnmount(afterEach)

async function openQueue(path = '/can-bo') {
  const mounted = await mountAt(path)
  await eventually(() => expect(mounted.wrapper.text()).not.toContain('Đang tải danh sách hồ sơ…'))
  await settle()
  return mounted
}

describe('the officer’s queue', () => {
  it('lists the dossiers in the server’s order, overdue and soon due marked in words', async () => {
    fakeOfficerBff({ queue: () => ({ items: [overdue, soon, fresh] }) })
    const { wrapper } = await openQueue()
    expect(wrapper.get('h1').text()).toBe('Hồ sơ cần xử lý')
    expect(document.title).toBe('Hồ sơ cần xử lý | Cổng Dịch vụ công Thái Nguyên')
    const rows = wrapper.findAll('ol.queue > li')
    expect(rows.map((r) => r.get('a').text())).toEqual([overdue.code, soon.code, fresh.code])
    expect(rows.map((r) => r.classes().find((c) => c.startsWith('due-')))).toEqual(['due-overdue', 'due-soon', 'due-none'])
    expect(rows[0]!.get('a').attributes('href')).toBe(`/can-bo/ho-so/${overdue.id}`)
    const line = (row: (typeof rows)[number]) => row.get('.queue-line').text().replace(/\s+/g, ' ')
    expect(line(rows[0]!)).toBe('Đang xử lý Quá hạn Hạn trả 17:00 25/11/2026')
    expect(line(rows[1]!)).toBe('Được tiếp nhận Sắp đến hạn Hạn trả 17:00 28/11/2026')
    expect(line(rows[2]!)).toBe('Mới đăng ký Nộp lúc 08:15 27/11/2026')
    expect(rows[2]!.text()).toContain('Người nộp: Trần Thị Bích Ngọc')
    expect(wrapper.get('[role=status]').text()).toBe('Đang hiện 3 hồ sơ')
  })

  it('applies the filters: into the URL and the request; the procedures offered are the agency’s', async () => {
    const { requests } = fakeOfficerBff({ queue: (query) => ({ items: query.get('due') === 'overdue' ? [overdue] : [overdue, soon, fresh] }) })
    const { wrapper, router } = await openQueue()
    // The procedures of the officer's kind of agency (a ward), not a province department's.
    await eventually(() => expect(wrapper.findAll('#filter-procedure option').map((o) => o.text())).toEqual(['Tất cả thủ tục', 'Thủ tục đăng ký kết hôn', 'Thủ tục đăng ký khai sinh']))
    await wrapper.get('#filter-status').setValue('processing')
    await wrapper.get('#filter-due').setValue('overdue')
    await wrapper.get('#filter-procedure').setValue('1.001193')
    await wrapper.get('form.filters').trigger('submit')
    await eventually(() => expect(wrapper.findAll('ol.queue > li')).toHaveLength(1))
    expect(router.currentRoute.value.query).toEqual({ procedure: '1.001193', status: 'processing', due: 'overdue' })
    expect(requests.at(-1)?.url.search).toBe('?procedure=1.001193&status=processing&due=overdue')
    // A URL with filters opens with them chosen.
    expect((wrapper.get('#filter-due').element as HTMLSelectElement).value).toBe('overdue')
  })

  it('a filter the URL gets wrong is not sent', async () => {
    const { requests } = fakeOfficerBff({ queue: () => ({ items: [] }) })
    const { wrapper } = await openQueue('/can-bo?status=lost&due=overdue')
    expect(requests[0]?.url.search).toBe('?due=overdue')
    expect(wrapper.get('[role=status]').text()).toBe('Không có hồ sơ nào khớp bộ lọc.')
  })

  it('shows more by the cursor, each dossier once, and moves focus to the first added', async () => {
    const { requests } = fakeOfficerBff({
      queue: (query) => (query.get('cursor') === 'page-2' ? { items: [soon, fresh] } : { items: [overdue, soon], next: 'page-2' }),
    })
    const { wrapper } = await openQueue()
    const focus = vi.spyOn(HTMLElement.prototype, 'focus')
    await wrapper.get('.actions button').trigger('click')
    await eventually(() => expect(wrapper.findAll('ol.queue > li')).toHaveLength(3))
    expect(requests.at(-1)?.url.searchParams.get('cursor')).toBe('page-2')
    expect(wrapper.find('.actions button').exists()).toBe(false)
    await eventually(() => expect(focus.mock.contexts.map((link) => (link as HTMLElement).textContent)).toEqual([fresh.code]))
  })

  it('asks to sign in when the session is gone, and tells a non-officer the page is not theirs', async () => {
    fakeOfficerBff({ queue: () => problem(401, 'unauthenticated', 'Chưa đăng nhập') })
    let { wrapper } = await openQueue()
    expect(wrapper.get('a.button').attributes('href')).toBe('/auth/login?next=%2Fcan-bo')
    expect(localStorage.getItem('portal.session')).toBeNull()
    wrapper.unmount()

    fakeOfficerBff({ queue: () => problem(403, 'forbidden', 'Không có quyền') })
    ;({ wrapper } = await openQueue())
    expect(wrapper.get('.note').text()).toBe('Trang này chỉ dành cho cán bộ tiếp nhận và xử lý hồ sơ của cơ quan.')
  })

  it('says in plain words when the server cannot be reached', async () => {
    fakeOfficerBff({
      queue: () => {
        throw new TypeError('Failed to fetch')
      },
    })
    const { wrapper } = await openQueue()
    expect(wrapper.get('[role=alert]').text()).toBe('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.')
  })

  it('links the register (Mẫu 06) for the chosen period, and refuses a period backwards', async () => {
    fakeOfficerBff({ queue: () => ({ items: [] }) })
    const { wrapper } = await openQueue()
    await wrapper.get('#register-from').setValue('2026-11-01')
    await wrapper.get('#register-to').setValue('2026-11-27')
    expect(wrapper.get('.register a.button').attributes('href')).toBe(`/api/officer/register.pdf?agency=${encodeURIComponent(AGENCY)}&from=2026-11-01&to=2026-11-27`)
    await wrapper.get('#register-to').setValue('2026-10-31')
    expect(wrapper.find('.register a.button').exists()).toBe(false)
    expect(wrapper.get('#register-error').text()).toBe('Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.')
  })

  it('speaks English', async () => {
    fakeOfficerBff({ queue: () => ({ items: [overdue] }) })
    await setLocale('en')
    const { wrapper } = await openQueue()
    expect(wrapper.get('h1').text()).toBe('Dossiers to handle')
    expect(wrapper.get('.queue-line').text()).toBe('Being processed Overdue Due 25/11/2026, 17:00')
  })
})
