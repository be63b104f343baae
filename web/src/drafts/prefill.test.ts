import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import extract from '@portal/shared/data/addresses.json'
import birth from '@portal/shared/forms/definitions/khai-sinh'
import { agenciesFixture, catalogFixture } from '../catalog/fixtures.ts'
import { replaceCatalog } from '../catalog/local.ts'
import { useCatalogStore } from '../catalog/store.ts'
import { useSessionStore } from '../auth/session.ts'
import { portalDb, type DraftRow } from '../db.ts'
import { mountAt, settle, eventually } from '../testing.ts'
import { createPrefilledDraft } from './prefill.ts'
import { mergeChanges } from './save.ts'

// The only thing faked is the server: GET /api/me answers as the BFF does for the demo citizen
// (bff/src/auth/profile.ts), and the address list is served from the real file.
const SUB = '845849a7-e18a-48fb-a216-a2522e50210e'
const ME = {
  sub: SUB,
  name: 'Nguyễn Văn An',
  identityNumber: '019085004127',
  birthDate: '1985-03-14',
  address: { formatted: 'Số 12 đường Hoàng Văn Thụ, tổ 5, Phường Phan Đình Phùng, tỉnh Thái Nguyên', streetAddress: 'Số 12 đường Hoàng Văn Thụ, tổ 5', provinceCode: '19', communeCode: '05443' },
  phone: '+84912345678',
  email: 'nguyenvanan@example.com',
  accountType: 'citizen',
  roles: [{ role: 'citizen' }],
}
const USER = { sub: SUB, name: ME.name, roles: [{ role: 'citizen' as const }], mfa: false, idleSeconds: 900, expiresAt: '2026-12-01T00:00:00Z' }
const ADDRESSES = JSON.stringify(extract)
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function server(me: () => Response) {
  const fetch = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input)
    if (url.endsWith('/api/me')) return me()
    if (url.includes('addresses.json')) return new Response(ADDRESSES, { headers: { 'content-type': 'application/json' } })
    return json(404, { title: 'Không tìm thấy' })
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}
const meCalls = (fetch: ReturnType<typeof server>) => fetch.mock.calls.filter(([url]) => String(url).endsWith('/api/me')).length

const NEW = { procedureCode: '1.001193', title: 'Thủ tục đăng ký khai sinh', formVersion: 1 }
const FILLED = ['applicantName', 'applicantIdNumber', 'applicantBirthDate', 'applicantResidence', 'applicantPhone', 'applicantEmail']

beforeAll(async () => {
  const db = await portalDb()
  await replaceCatalog(db, catalogFixture, undefined, Date.UTC(2026, 10, 27, 8))
  await db.meta.put({ key: 'agencies', value: { directory: agenciesFixture } })
})
beforeEach(async () => {
  localStorage.clear()
  await (await portalDb()).drafts.clear()
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('a draft created with a session', () => {
  it('is filled from /api/me, each filled path marked and timed like a change, and belongs to that person', async () => {
    const fetch = server(() => json(200, ME))
    const db = await portalDb()
    const id = await createPrefilledDraft(db, NEW, birth.form, USER, 1000)
    const row = (await db.drafts.get(id))!
    expect(row.values).toEqual({
      applicantName: 'Nguyễn Văn An',
      applicantIdNumber: '019085004127',
      applicantBirthDate: '1985-03-14',
      applicantResidence: { provinceCode: '19', communeCode: '05443', street: 'Số 12 đường Hoàng Văn Thụ, tổ 5' },
      applicantPhone: '0912345678',
      applicantEmail: 'nguyenvanan@example.com',
    })
    expect(row.prefilled).toEqual(FILLED)
    expect(row.fieldTimes).toEqual(Object.fromEntries(FILLED.map((path) => [path, 1000])))
    expect(row.ownerSub).toBe(SUB)
    expect(meCalls(fetch)).toBe(1)
    const headers = new Headers(fetch.mock.calls.find(([url]) => String(url).endsWith('/api/me'))?.[1]?.headers)
    expect(headers.get('X-Requested-With')).toBe('portal')
  })

  it('starts empty when signed out (no request), offline (no request) or when /api/me refuses', async () => {
    const db = await portalDb()
    const fetch = server(() => json(401, { type: 'https://dichvucong.example/problems/unauthenticated', title: 'Chưa đăng nhập' }))
    const signedOut = (await db.drafts.get(await createPrefilledDraft(db, NEW, birth.form, null)))!
    expect(meCalls(fetch)).toBe(0)
    const refused = (await db.drafts.get(await createPrefilledDraft(db, NEW, birth.form, USER)))!
    expect(meCalls(fetch)).toBe(1)
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const offline = (await db.drafts.get(await createPrefilledDraft(db, NEW, birth.form, USER)))!
    expect(meCalls(fetch)).toBe(1)
    for (const row of [signedOut, refused, offline]) {
      expect(row).toMatchObject({ values: {}, fieldTimes: {} })
      expect(row.prefilled).toBeUndefined()
      expect(row.ownerSub).toBeUndefined()
    }
  })
})

describe('marks and per-field merging', () => {
  const row: DraftRow = {
    id: 'd', procedureCode: '1.001193', title: 'K', status: 'editing', createdAt: 1, updatedAt: 1,
    values: { applicantName: 'Nguyễn Văn An', applicantPhone: '0912345678' }, fieldTimes: { applicantName: 10, applicantPhone: 10 },
    prefilled: ['applicantName', 'applicantPhone'],
  }

  it('takes the mark away with the user’s later change, keeps it against an older one, sets it with a fill', () => {
    const edited = mergeChanges(row, [{ path: 'applicantName', value: 'Nguyễn Văn Ân', time: 20 }, { path: 'applicantPhone', value: '0900000000', time: 5 }])
    expect(edited.prefilled).toEqual(['applicantPhone'])
    expect(edited.values.applicantPhone).toBe('0912345678')
    const filled = mergeChanges(edited, [{ path: 'applicantEmail', value: 'a@example.com', time: 30, prefilled: true }])
    expect(filled.prefilled).toEqual(['applicantPhone', 'applicantEmail'])
  })
})

describe('the applicant step', () => {
  async function open(path: string) {
    const mounted = await mountAt(path)
    await useCatalogStore().refresh()
    await settle()
    return mounted
  }

  it('marks each prefilled field, linked by aria-describedby, and the mark goes when the user edits it', async () => {
    server(() => json(200, ME))
    const db = await portalDb()
    const id = await createPrefilledDraft(db, NEW, birth.form, USER)
    const { wrapper } = await open(`/ho-so/${id}/applicant`)
    await eventually(() => expect(wrapper.findAll('.field-prefilled')).toHaveLength(6))
    const name = wrapper.get('#f-applicantName')
    expect((name.element as HTMLInputElement).value).toBe('Nguyễn Văn An')
    expect(wrapper.get('#f-applicantName-prefilled').text()).toBe('Đã điền sẵn từ tài khoản định danh')
    expect(name.attributes('aria-describedby')).toBe('f-applicantName-prefilled')
    expect(wrapper.get('#f-applicantIdNumber').attributes('aria-describedby')).toBe('f-applicantIdNumber-prefilled f-applicantIdNumber-hint')
    expect(wrapper.get('#f-applicantBirthDate-day').attributes('aria-describedby')).toBe('f-applicantBirthDate-prefilled')
    await eventually(() => expect((wrapper.get('#f-applicantResidence-commune').element as HTMLSelectElement).value).toBe('05443'))

    await name.setValue('Nguyễn Văn Ân')
    expect(wrapper.find('#f-applicantName-prefilled').exists()).toBe(false)
    expect(name.attributes('aria-describedby')).toBeUndefined()
    expect(wrapper.findAll('.field-prefilled')).toHaveLength(5)
    await eventually(async () => expect((await db.drafts.get(id))?.prefilled).toEqual(FILLED.slice(1)))
    expect((await db.drafts.get(id))?.values.applicantName).toBe('Nguyễn Văn Ân')
    await settle()
    expect(wrapper.find('#f-applicantName-prefilled').exists()).toBe(false)
    wrapper.unmount()
  })

  it('offers, once signed in, to fill what is still empty in a draft started signed out', async () => {
    const db = await portalDb()
    server(() => json(401, {}))
    const id = await createPrefilledDraft(db, NEW, birth.form, null)
    await db.drafts.update(id, { values: { applicantPhone: '0987654321' }, fieldTimes: { applicantPhone: 5 } })
    const fetch = server(() => json(200, ME))
    const { wrapper, pinia } = await open(`/ho-so/${id}/applicant`)
    expect(wrapper.text()).not.toContain('Điền thông tin từ tài khoản')
    useSessionStore(pinia).set(USER)
    await eventually(() => expect(wrapper.find('.prefill-offer button').exists()).toBe(true))
    expect(meCalls(fetch)).toBe(1)
    expect(wrapper.get('.prefill-offer button').text()).toBe('Điền thông tin từ tài khoản')
    await wrapper.get('.prefill-offer button').trigger('click')
    expect(wrapper.get('.prefill-offer').text()).toContain('Đã điền 5 mục')
    expect((wrapper.get('#f-applicantPhone').element as HTMLInputElement).value).toBe('0987654321')
    expect(wrapper.find('#f-applicantPhone-prefilled').exists()).toBe(false)
    expect(wrapper.findAll('.field-prefilled')).toHaveLength(5)
    await eventually(async () => expect((await db.drafts.get(id))?.prefilled?.sort()).toEqual(FILLED.filter((p) => p !== 'applicantPhone').sort()))
    wrapper.unmount()
  })
})
