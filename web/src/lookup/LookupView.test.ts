import { describe, expect, it, vi } from 'vitest'
import type { DossierLookup } from '@portal/shared/lookup/schema'
import { setLocale } from '../i18n/index.ts'
import { jsonAnswer, mountAt, settle, viewTestHooks } from '../testing.ts'

// /tra-cuu: the form, the answer of GET /api/lookup/{code} (the BFF's side is tested in
// bff/src/lookup), and a plain message for each failure.

const CODE = '000.00.01.H55-260701-0001'
const publicAnswer: DossierLookup = {
  code: CODE,
  procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' },
  status: { code: 4, key: 'processing', name: 'Đang xử lý' },
  submittedAt: '2026-07-01T15:00:00+07:00',
  receivedAt: '2026-07-02T09:00:00+07:00',
  dueAt: '2026-07-09T17:00:00+07:00',
}

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
/** Each dt/dd pair of the page's fact lists. */
const facts = (wrapper: Mounted) => wrapper.findAll('dl.facts > div').map((row) => [row.find('dt').text(), row.find('dd').text()])

describe('the look-up page', () => {
  it('looks up the code in the link at once and shows the procedure, the status and the dates', async () => {
    answering(() => jsonAnswer(publicAnswer))
    const { wrapper } = await mountAt(`/tra-cuu?ma=${CODE}`)
    await settle()
    expect(requests).toEqual([`/api/lookup/${CODE}`])
    expect(wrapper.find('h2').text()).toBe(`Hồ sơ ${CODE}`)
    expect(facts(wrapper)).toEqual([
      ['Thủ tục', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam (2.000488)'],
      ['Tình trạng', 'Đang xử lý'],
      ['Ngày nộp', '15:00 01/07/2026'],
      ['Ngày tiếp nhận', '09:00 02/07/2026'],
      ['Ngày hẹn trả kết quả', '17:00 09/07/2026'],
    ])
    expect(wrapper.find('#ma').element).toHaveProperty('value', CODE)
  })

  it('normalises what was typed, puts it in the link, and focuses the answer', async () => {
    answering(() => jsonAnswer(publicAnswer))
    const focused = vi.spyOn(HTMLElement.prototype, 'focus')
    const { wrapper, router } = await mountAt('/tra-cuu')
    expect(requests).toEqual([])
    await wrapper.find('#ma').setValue(` ${CODE.toLowerCase()} `)
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe(`/tra-cuu?ma=${encodeURIComponent(CODE)}`)
    expect(requests).toEqual([`/api/lookup/${CODE}`])
    expect(focused.mock.contexts.map((element) => (element as HTMLElement).id)).toContain('lookup-result')
  })

  it('says a code is malformed without asking the server, and asks for one when empty', async () => {
    answering(() => jsonAnswer(publicAnswer))
    const { wrapper } = await mountAt('/tra-cuu')
    await wrapper.find('#ma').setValue('H55-0001')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.find('[role=alert]').text()).toMatch(/^Mã hồ sơ chưa đúng\./)
    await wrapper.find('#ma').setValue('  ')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.find('[role=alert]').text()).toBe('Hãy nhập mã hồ sơ.')
    expect(requests).toEqual([])
  })

  it.each([
    ['an unknown code', () => jsonAnswer({ type: 'x/not-found', title: 'Không tìm thấy', status: 404 }, 404), 'Không tìm thấy hồ sơ mang mã này. Hãy kiểm tra lại từng chữ số trên giấy tiếp nhận.'],
    ['too many look-ups', () => jsonAnswer({ type: 'x/too-many-lookups', title: 'Quá nhiều', status: 429 }, 429, { 'Retry-After': '42' }), 'Bạn đã tra cứu quá nhiều lần trong một phút. Hãy thử lại sau 42 giây.'],
    ['no network', () => Promise.reject(new TypeError('Failed to fetch')), 'Cần có mạng để tra cứu. Hãy thử lại khi có kết nối.'],
    ['a server failure', () => jsonAnswer({ type: 'x/internal', title: 'Lỗi', status: 500 }, 500), 'Chưa tra cứu được vì máy chủ đang gặp lỗi. Hãy thử lại sau ít phút.'],
    ['an answer of the wrong shape', () => jsonAnswer({ code: CODE }), 'Chưa tra cứu được vì máy chủ đang gặp lỗi. Hãy thử lại sau ít phút.'],
  ])('says in plain Vietnamese what happened: %s', async (_case, res, message) => {
    answering(res)
    const { wrapper } = await mountAt(`/tra-cuu?ma=${CODE}`)
    await settle()
    expect(wrapper.find('[role=alert]').text()).toBe(message)
    expect(wrapper.find('section').exists()).toBe(false)
  })

  it('shows the owner the agency, the unit, the history and the way to the receipt', async () => {
    answering(() =>
      jsonAnswer({
        ...publicAnswer,
        owner: {
          id: '5f0c7d1e-8a53-4c1f-9a39-4b5b8c0f1a2b',
          agency: { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' },
          unit: 'H55.242',
          history: [
            { status: 'registered', at: '2026-07-01T15:00:00+07:00' },
            { status: 'accepted', at: '2026-07-02T09:00:00+07:00', unit: '000.00.01.H55' },
            { status: 'processing', at: '2026-07-02T10:00:00+07:00', unit: 'H55.242' },
          ],
        },
      }),
    )
    const { wrapper } = await mountAt(`/tra-cuu?ma=${CODE}`)
    await settle()
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['Dành cho chủ hồ sơ', 'Quá trình xử lý'])
    expect(facts(wrapper).slice(-2)).toEqual([
      ['Cơ quan tiếp nhận', 'Sở Tư pháp tỉnh Thái Nguyên (000.00.01.H55)'],
      ['Đơn vị đang giữ hồ sơ', 'H55.242'],
    ])
    expect(wrapper.findAll('ol.plain li').map((li) => li.text())).toEqual([
      '15:00 01/07/2026 — Mới đăng ký',
      '09:00 02/07/2026 — Đã được tiếp nhận (000.00.01.H55)',
      '10:00 02/07/2026 — Đang xử lý (H55.242)',
    ])
    expect(wrapper.find('a[href="/ho-so/da-nop/5f0c7d1e-8a53-4c1f-9a39-4b5b8c0f1a2b"]').text()).toBe('Xem giấy tiếp nhận')
  })

  it('speaks English when asked', async () => {
    answering(() => jsonAnswer(publicAnswer))
    await setLocale('en')
    const { wrapper } = await mountAt(`/tra-cuu?ma=${CODE}`)
    await settle()
    expect(wrapper.find('h1').text()).toBe('Look up a dossier')
    expect(facts(wrapper)[1]).toEqual(['Status', 'Being processed'])
  })
})
