import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { DirectoryEntry, DirectoryView } from '@portal/shared/catalog/directory'
import { mountAt, settle, viewTestHooks } from '../../testing.ts'

// /quan-tri/co-quan against the admin API's answers (the BFF side, rules and versions, is tested
// in bff/src/catalog/directory; the whole journey and a device's sync in e2e).

const refs = (dossiers = 0, roles = 0, units = 0) => ({ dossiers, roles, units })
const JUSTICE: DirectoryEntry = { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên', nameEn: 'Department of Justice', kind: 'department-justice', address: 'Số 1', references: refs(0, 2, 1) }
const UNIT: DirectoryEntry = { code: '001.00.01.H55', name: 'Phòng Hành chính tư pháp', nameEn: 'Civil Administration Division', kind: 'department-justice', parent: JUSTICE.code, unit: true, references: refs() }
const WARD: DirectoryEntry = { code: '000.01.01.H55', name: 'UBND phường Phan Đình Phùng', nameEn: 'Phan Dinh Phung Ward', kind: 'commune-committee', communeCode: '05440', references: refs(3) }
const OLD: DirectoryEntry = { code: '000.02.01.H55', name: 'UBND xã Đại Phúc', nameEn: 'Dai Phuc Commune', kind: 'commune-committee', inactive: true, references: refs(1) }

const directory = (): DirectoryView => ({
  version: '0a1b2c3d.4',
  province: { code: 'H55', name: 'Thái Nguyên', statisticsCode: '19' },
  kinds: [
    { id: 'commune-committee', name: 'Ủy ban nhân dân cấp xã', nameEn: "Commune People's Committee", level: 'commune' },
    { id: 'department-justice', name: 'Sở Tư pháp', nameEn: 'Department of Justice', level: 'province' },
  ],
  agencies: [JUSTICE, WARD, OLD, UNIT],
  edited: null,
})

let requests: { method: string; url: string; body: unknown }[]
function serve() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET'
      requests.push({ method, url, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined })
      if (method === 'GET') return new Response(JSON.stringify(directory()), { headers: { 'Content-Type': 'application/json' } })
      if (method === 'DELETE') return new Response(null, { status: 204 })
      return new Response(JSON.stringify({ agency: JUSTICE, version: '0a1b2c3d.5' }), { status: method === 'POST' && url === '/api/admin/agencies' ? 201 : 200, headers: { 'Content-Type': 'application/json' } })
    }),
  )
}

beforeEach(() => {
  requests = []
  serve()
})
viewTestHooks()

async function open() {
  const { wrapper } = await mountAt('/quan-tri/co-quan')
  await settle()
  return wrapper
}
type Page = Awaited<ReturnType<typeof open>>
const names = (wrapper: Page) => wrapper.findAll('.entries h2').map((h) => h.text())
const entry = (wrapper: Page, name: string) => {
  const found = wrapper.findAll('.entries > li').find((li) => li.find('h2').text() === name)
  if (!found) throw new Error(`no entry ${name}`)
  return found
}
const click = async (scope: Pick<Page, 'findAll'>, text: string) => {
  const found = scope.findAll('button').find((b) => b.text() === text)
  if (!found) throw new Error(`no button ${text}`)
  await found.trigger('click')
  await settle()
}

describe('the agency directory screen', () => {
  it('lists units under their agency, hides deactivated entries until asked, and searches folded', async () => {
    const wrapper = await open()
    expect(names(wrapper)).toEqual([JUSTICE.name, UNIT.name, WARD.name])
    expect(entry(wrapper, UNIT.name).text()).toContain(`Thuộc ${JUSTICE.name}`)
    expect(entry(wrapper, JUSTICE.name).text()).toContain('0 hồ sơ · 2 vai trò cán bộ · 1 đơn vị trực thuộc')
    expect(wrapper.text()).toContain('Phiên bản danh mục 0a1b2c3d.4.')
    await wrapper.findAll('.filters input[type=checkbox]')[0]!.setValue(true)
    expect(names(wrapper)).toContain(OLD.name)
    expect(entry(wrapper, OLD.name).text()).toContain('Ngừng hoạt động')
    await wrapper.find('#directory-search').setValue('dai phuc')
    expect(names(wrapper)).toEqual([OLD.name])
  })

  it('offers removal only for what nothing names; deactivates and reactivates', async () => {
    const wrapper = await open()
    expect(entry(wrapper, WARD.name).text()).toContain('Đang được dùng: chỉ có thể ngừng hoạt động.')
    expect(entry(wrapper, WARD.name).findAll('button').map((b) => b.text())).not.toContain('Xoá')
    await click(entry(wrapper, WARD.name), 'Ngừng hoạt động')
    await click(entry(wrapper, UNIT.name), 'Xoá')
    await click(entry(wrapper, UNIT.name), 'Xoá khỏi danh bạ')
    expect(requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST /api/admin/agencies/${WARD.code}/deactivate`,
      `DELETE /api/admin/agencies/${UNIT.code}`,
    ])
    expect(wrapper.find('[role=status]').text()).toContain('Đã lưu')
  })

  it('sends only what an edit changed, an emptied fact as null', async () => {
    const wrapper = await open()
    await click(entry(wrapper, JUSTICE.name), 'Sửa')
    const id = `#edit-${JUSTICE.code}`
    await wrapper.find(`${id}-name`.replace(/\./g, '\\.')).setValue('Sở Tư pháp tỉnh Thái Nguyên (mới)')
    await wrapper.find(`${id}-address`.replace(/\./g, '\\.')).setValue('')
    await entry(wrapper, JUSTICE.name).find('form').trigger('submit')
    await settle()
    expect(requests.find((r) => r.method === 'PATCH')).toEqual({
      method: 'PATCH',
      url: `/api/admin/agencies/${JUSTICE.code}`,
      body: { name: 'Sở Tư pháp tỉnh Thái Nguyên (mới)', address: null },
    })
    expect(wrapper.find('[role=status]').text()).toBe('Đã lưu (phiên bản 0a1b2c3d.5). Các thiết bị nhận thay đổi ở lần đồng bộ tiếp theo.')
  })

  it('adds a unit under an agency', async () => {
    const wrapper = await open()
    await wrapper.find('#add-code').setValue('002.00.01.H55')
    await wrapper.find('#add-name').setValue('Phòng Bổ trợ tư pháp')
    await wrapper.find('#add-name-en').setValue('Judicial Support Division')
    await wrapper.find('#add-kind').setValue('department-justice')
    await wrapper.find('#add-parent').setValue(JUSTICE.code)
    await wrapper.find('.panel input[type=checkbox]').setValue(true)
    await wrapper.find('.panel form').trigger('submit')
    await settle()
    expect(requests.find((r) => r.method === 'POST')).toEqual({
      method: 'POST',
      url: '/api/admin/agencies',
      body: { code: '002.00.01.H55', name: 'Phòng Bổ trợ tư pháp', nameEn: 'Judicial Support Division', kind: 'department-justice', unit: true, parent: JUSTICE.code },
    })
  })
})
