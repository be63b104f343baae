import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Notice } from '@portal/shared/notices/schema'
import { useSessionStore } from '../auth/session.ts'
import { portalDb } from '../db.ts'
import { setLocale } from '../i18n/index.ts'
import { mountAt, settle, eventually, viewTestHooks } from '../testing.ts'
import { UNREAD_CHANGED } from './api.ts'
import { bootNotices } from './boot.ts'

// /thong-bao against the inbox API as the BFF answers it (the BFF side: bff/src/notices).

const DOSSIER = '6f1c2a4e-8b1d-4c3e-9f00-0123456789ab'
const CODE = '000.00.01.H55-260701-0007'

const supplement = (id: string, over: Partial<Notice> = {}): Notice => ({
  id,
  dossierId: DOSSIER,
  dossierCode: CODE,
  kind: 'supplementRequested',
  status: 'supplementRequested',
  title: { vi: 'Hồ sơ cần bổ sung', en: 'Your dossier needs a supplement' },
  lines: [
    { vi: 'Sở Tư pháp tỉnh Thái Nguyên đề nghị bổ sung, hoàn thiện hồ sơ với các nội dung dưới đây.', en: 'Sở Tư pháp tỉnh Thái Nguyên asks you to complete the dossier with what is listed below.' },
    { vi: 'Hạn bổ sung: 17:00 ngày 23/07/2026.', en: 'Supply it by: 23 July 2026 at 17:00.' },
    { vi: 'Cách bổ sung: mở mục «Hồ sơ của tôi» trên Cổng, chọn hồ sơ và gửi đủ các nội dung trên.', en: 'How: open “My dossiers” (Hồ sơ của tôi) on the portal, choose the dossier and send everything listed above.' },
  ],
  list: { heading: { vi: 'Nội dung cần bổ sung:', en: 'To supply (as written by the agency, in Vietnamese):' }, items: ['Tờ khai chưa ký', 'Bản sao căn cước'] },
  action: { label: { vi: 'Bổ sung hồ sơ', en: 'Supply the documents' }, path: `/ho-so/da-nop/${DOSSIER}` },
  createdAt: '2026-07-02T03:00:00.000Z',
  ...over,
})
const received = (id: string, readAt?: string): Notice => ({
  id,
  dossierId: DOSSIER,
  dossierCode: CODE,
  kind: 'received',
  status: 'accepted',
  title: { vi: 'Hồ sơ đã được tiếp nhận', en: 'Your dossier has been received' },
  lines: [{ vi: 'Ngày hẹn trả kết quả: 17:00 ngày 15/07/2026.', en: 'Result due: 15 July 2026 at 17:00.' }],
  action: { label: { vi: 'Xem hồ sơ', en: 'View the dossier' }, path: `/ho-so/da-nop/${DOSSIER}` },
  createdAt: '2026-07-01T02:00:00.000Z',
  ...(readAt ? { readAt } : {}),
})
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

let stored: Notice[]
let requests: { method: string; url: string; headers: Headers }[]
let offline: boolean

function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET'
      const headers = new Headers(init.headers)
      requests.push({ method, url, headers })
      if (offline) throw new TypeError('Failed to fetch')
      const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } })
      if (method === 'GET' && url === '/api/notices/unread-count') return json({ unread: stored.filter((n) => !n.readAt).length })
      if (method === 'GET' && url.startsWith('/api/notices')) {
        const before = new URL(url, 'http://portal.test').searchParams.get('before')
        const start = before ? Number(before) : 0
        const page = stored.slice(start, start + 2)
        return json({ notices: page, ...(start + 2 < stored.length ? { next: String(start + 2) } : {}) })
      }
      const marked = /^\/api\/notices\/([^/]+)\/read$/.exec(url)
      if (method === 'POST' && marked && headers.get('X-Requested-With')) {
        stored = stored.map((n) => (n.id === marked[1] ? { ...n, readAt: n.readAt ?? '2026-07-02T04:00:00.000Z' } : n))
        return json(stored.find((n) => n.id === marked[1]))
      }
      return json({ type: 'x/not-found', title: 'Không tìm thấy', status: 404 }, 404)
    }),
  )
}

const signIn = () => localStorage.setItem('portal.session', JSON.stringify({ sub: 'alice', name: 'Nguyễn Văn An', roles: [{ role: 'citizen' }], mfa: false, idleSeconds: 900, expiresAt: '2026-07-02T12:00:00.000Z' }))

beforeEach(async () => {
  await (await portalDb()).notices.clear()
  localStorage.clear()
  stored = [supplement(uuid(2)), received(uuid(1), '2026-07-01T05:00:00.000Z')]
  requests = []
  offline = false
  serve()
})
viewTestHooks()

async function open() {
  const mounted = await mountAt('/thong-bao')
  await settle()
  return mounted
}

describe('the inbox (/thong-bao)', () => {
  it('shows my notices newest first, what to do, every item asked, and which are unread', async () => {
    signIn()
    const { wrapper } = await open()
    expect(wrapper.get('h1').text()).toBe('Thông báo')
    const items = wrapper.findAll('li.notice')
    expect(items).toHaveLength(2)
    const [first, second] = items
    expect(first!.classes()).toContain('notice-unread')
    expect(first!.get('h2').text()).toBe('Hồ sơ cần bổ sung Chưa đọc')
    expect(first!.get('.notice-meta').text()).toMatch(new RegExp(`^Hồ sơ ${CODE.replaceAll('.', '\\.')} · `))
    expect(first!.text()).toContain('Hạn bổ sung: 17:00 ngày 23/07/2026.')
    expect(first!.text()).toContain('Cách bổ sung: mở mục «Hồ sơ của tôi»')
    expect(first!.findAll('.notice-list li').map((li) => li.text())).toEqual(['Tờ khai chưa ký', 'Bản sao căn cước'])
    expect(first!.get('a.button').attributes('href')).toBe(`/ho-so/da-nop/${DOSSIER}`)
    expect(second!.classes()).not.toContain('notice-unread')
    expect(second!.find('button').exists()).toBe(false)
  })

  it('marks a notice read (with the CSRF header) and asks the badge to count again', async () => {
    signIn()
    const { wrapper } = await open()
    const counted = vi.fn()
    window.addEventListener(UNREAD_CHANGED, counted)
    await wrapper.get('li.notice button.link-button').trigger('click')
    await settle()
    const post = requests.find((r) => r.method === 'POST')
    expect(post?.url).toBe(`/api/notices/${uuid(2)}/read`)
    expect(post?.headers.get('X-Requested-With')).toBe('portal')
    expect(wrapper.findAll('li.notice-unread')).toHaveLength(0)
    expect(counted).toHaveBeenCalledTimes(1)
    window.removeEventListener(UNREAD_CHANGED, counted)
  })

  it('in English: the notice in English, the officer’s own words kept in Vietnamese (lang="vi")', async () => {
    signIn()
    await setLocale('en')
    const { wrapper } = await open()
    expect(wrapper.get('h1').text()).toBe('Notices')
    const first = wrapper.get('li.notice')
    expect(first.get('h2').text()).toBe('Your dossier needs a supplement Unread')
    expect(first.text()).toContain('Supply it by: 23 July 2026 at 17:00.')
    expect(first.get('.notice-list li').attributes('lang')).toBe('vi')
    expect(first.get('.notice-list li').text()).toBe('Tờ khai chưa ký')
  })

  it('loads older notices page by page', async () => {
    signIn()
    stored = [supplement(uuid(5)), supplement(uuid(4)), supplement(uuid(3)), received(uuid(1))]
    const { wrapper } = await open()
    expect(wrapper.findAll('li.notice')).toHaveLength(2)
    await wrapper.get('button.notices-more').trigger('click')
    await settle()
    expect(wrapper.findAll('li.notice')).toHaveLength(4)
    expect(wrapper.find('button.notices-more').exists()).toBe(false)
    expect(requests.filter((r) => r.method === 'GET').map((r) => r.url)).toEqual(['/api/notices', '/api/notices?before=2'])
  })

  it('signed out: asks to sign in and asks the server nothing', async () => {
    const { wrapper } = await open()
    expect(wrapper.text()).toContain('Đăng nhập để xem thông báo về hồ sơ của bạn.')
    expect(wrapper.get('a.button').attributes('href')).toBe('/auth/login?next=%2Fthong-bao')
    expect(requests).toEqual([])
  })

  it('keeps the newest page on the device: with no network the inbox opens with it, as last marked, and says so', async () => {
    signIn()
    const first = await open()
    await first.wrapper.get('li.notice button.link-button').trigger('click')
    await settle()
    first.wrapper.unmount()

    offline = true
    const { wrapper } = await open()
    await eventually(() => expect(wrapper.findAll('li.notice')).toHaveLength(2))
    expect(wrapper.findAll('li.notice h2').map((h) => h.text())).toEqual(['Hồ sơ cần bổ sung', 'Hồ sơ đã được tiếp nhận'])
    expect(wrapper.findAll('li.notice-unread')).toHaveLength(0)
    expect(wrapper.get('[role=alert]').text()).toBe('Không có mạng nên chưa tải được thông báo mới: đây là các thông báo đã lưu trên máy lần trước.')
    // Back online, "Thử lại" brings the server's page (a newer notice) in place of the device's.
    offline = false
    stored = [received(uuid(3)), ...stored]
    await wrapper.get('.note button').trigger('click')
    await settle()
    expect(wrapper.findAll('li.notice')).toHaveLength(2)
    expect(wrapper.findAll('li.notice-unread')).toHaveLength(1)
    expect(wrapper.find('[role=alert]').exists()).toBe(false)
  })

  it('on a shared device, another person sees none of the notices kept for the first', async () => {
    signIn()
    ;(await open()).wrapper.unmount()
    localStorage.setItem('portal.session', JSON.stringify({ sub: 'bob', name: 'Trần Thị Bình', roles: [{ role: 'citizen' }], mfa: false, idleSeconds: 900, expiresAt: '2026-07-02T12:00:00.000Z' }))
    offline = true
    const { wrapper } = await open()
    expect(wrapper.findAll('li.notice')).toHaveLength(0)
    expect(wrapper.get('.note').text()).toContain('Không tải được thông báo: cần có kết nối mạng.')
  })

  it('without network: says so in plain words, and tries again on request', async () => {
    signIn()
    offline = true
    const { wrapper } = await open()
    expect(wrapper.get('.note').text()).toContain('Không tải được thông báo: cần có kết nối mạng.')
    offline = false
    await wrapper.get('.note button').trigger('click')
    await settle()
    expect(wrapper.findAll('li.notice')).toHaveLength(2)
  })
})

describe('the header’s count (boot.ts)', () => {
  it('asks the server for the unread count when signed in, and again when the inbox marked one read', async () => {
    signIn()
    setActivePinia(createPinia())
    const session = useSessionStore()
    const unread = { value: 0 }
    bootNotices(session, unread)
    await eventually(() => expect(unread.value).toBe(1))
    stored = stored.map((n) => ({ ...n, readAt: '2026-07-02T04:00:00.000Z' }))
    window.dispatchEvent(new Event(UNREAD_CHANGED))
    await eventually(() => expect(unread.value).toBe(0))
    expect(requests.filter((r) => r.url === '/api/notices/unread-count')).toHaveLength(2)
  })

  it('signed out: zero, without asking', async () => {
    setActivePinia(createPinia())
    const unread = { value: 5 }
    bootNotices(useSessionStore(), unread)
    await settle()
    expect(unread.value).toBe(0)
    expect(requests).toEqual([])
  })
})
