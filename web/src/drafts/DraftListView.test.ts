import { enableAutoUnmount } from '@vue/test-utils'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { agenciesFixture, catalogFixture } from '../catalog/fixtures.ts'
import { replaceCatalog } from '../catalog/local.ts'
import { portalDb, type DraftRow, type FileRow } from '../db.ts'
import { setLocale } from '../i18n/index.ts'
import { mountAt, settle, eventually } from '../testing.ts'

// "Hồ sơ của tôi" (/ho-so): every draft on the device with its procedure, progress, last change
// and size; rename in place; delete only after a confirmation; the device's storage use.

const MB = 1024 * 1024
const HOUR = 3_600_000
const NOW = Date.UTC(2026, 10, 27, 8)

const draft = (row: Partial<DraftRow> & Pick<DraftRow, 'id' | 'title'>): DraftRow => ({
  procedureCode: '1.001193',
  status: 'editing',
  values: {},
  fieldTimes: {},
  createdAt: NOW - 5 * HOUR,
  updatedAt: NOW - HOUR,
  ...row,
})
const file = (id: string, draftId: string, size: number): FileRow => ({
  id,
  draftId,
  componentId: 'c6',
  name: `${id}.jpg`,
  type: 'image/jpeg',
  size,
  sha256: id,
  blob: new Blob([id]),
  createdAt: NOW,
})

beforeAll(async () => {
  const db = await portalDb()
  await replaceCatalog(db, catalogFixture, undefined, NOW)
  await db.meta.put({ key: 'agencies', value: { directory: agenciesFixture } })
})
beforeEach(async () => {
  localStorage.clear()
  const db = await portalDb()
  await db.drafts.clear()
  await db.files.clear()
  await db.drafts.bulkAdd([
    draft({ id: 'older', title: 'Khai sinh cho bé Bình', values: { applicantName: 'Nguyễn Văn An', childName: 'Bình' }, updatedAt: NOW - 2 * HOUR }),
    draft({ id: 'newer', title: 'Thủ tục đăng ký khai sinh', status: 'ready', updatedAt: NOW - HOUR }),
  ])
  await db.files.bulkAdd([file('f1', 'older', 1.5 * MB), file('f2', 'older', 0.5 * MB)])
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: { persisted: async () => true, persist: async () => true, estimate: async () => ({ usage: 12 * MB, quota: 12 * MB + 1.2 * 1024 * MB }) },
  })
})
afterEach(async () => {
  await setLocale('vi')
  vi.restoreAllMocks()
})
enableAutoUnmount(afterEach)

async function openList() {
  const mounted = await mountAt('/ho-so')
  await eventually(() => expect(mounted.wrapper.findAll('li.draft')).toHaveLength(2))
  // The procedure, its definition (a chunk of its own) and the progress they give.
  await eventually(() => expect(mounted.wrapper.findAll('.draft-facts li')[0]?.text()).toMatch(/^Đã trả lời/))
  await settle()
  return mounted
}

describe('the drafts list', () => {
  it('lists every draft, the latest change first, with procedure, status, progress, last change and size', async () => {
    const { wrapper } = await openList()
    expect(wrapper.get('h1').text()).toBe('Hồ sơ của tôi')
    expect(document.title).toBe('Hồ sơ của tôi | Cổng Dịch vụ công Thái Nguyên')
    const [newer, older] = wrapper.findAll('li.draft')

    expect(newer!.get('h2 a').text()).toBe('Thủ tục đăng ký khai sinh')
    expect(newer!.get('h2 a').attributes('href')).toBe('/ho-so/newer')
    expect(newer!.get('.draft-meta').text()).toBe('Sẵn sàng nộp') // the title is the procedure's name: not twice
    expect(newer!.text()).toContain('Chưa có tệp đính kèm')

    expect(older!.get('h2 a').text()).toBe('Khai sinh cho bé Bình')
    expect(older!.findAll('.draft-meta span').map((span) => span.text())).toEqual(['Đang soạn', 'Thủ tục đăng ký khai sinh'])
    const facts = older!.findAll('.draft-facts li').map((li) => li.text())
    expect(facts).toHaveLength(3)
    expect(facts[0]).toMatch(/^Đã trả lời 2\/\d+ câu bắt buộc · \d+\/\d+ giấy tờ$/)
    expect(facts[1]).toMatch(/^Sửa lần cuối .*\d{2}\/11\/2026$/)
    expect(facts[2]).toBe('Tệp đính kèm: 2\u00a0MB')
  })

  it('shows what the device holds', async () => {
    const { wrapper } = await openList()
    await eventually(() => expect(wrapper.find('.storage-use').exists()).toBe(true))
    expect(wrapper.get('.storage-use').text()).toBe('Đã dùng 12\u00a0MB / còn trống khoảng 1,2\u00a0GB.')
  })

  it('renames a draft in place', async () => {
    const { wrapper } = await openList()
    const older = () => wrapper.findAll('li.draft').find((li) => li.get('h2').attributes('id') === 'draft-older')!
    await older().findAll('button').find((b) => b.text() === 'Đổi tên')!.trigger('click')
    const input = older().get('input')
    expect(older().get('label').text()).toBe('Tên mới của hồ sơ')
    expect((input.element as HTMLInputElement).value).toBe('Khai sinh cho bé Bình')
    await input.setValue('  Hồ sơ khai sinh của Bình  ')
    await older().get('form').trigger('submit')
    await eventually(async () => expect((await (await portalDb()).drafts.get('older'))?.title).toBe('Hồ sơ khai sinh của Bình'))
    await eventually(() => expect(wrapper.get('#draft-older a').text()).toBe('Hồ sơ khai sinh của Bình'))
    expect(older().find('form').exists()).toBe(false)
  })

  it('asks before deleting, and deletes the draft and its files only when confirmed', async () => {
    const { wrapper } = await openList()
    const db = await portalDb()
    const deleteButton = () => wrapper.get('#draft-older').element.closest('li')!.querySelector<HTMLButtonElement>('.danger')!
    expect(deleteButton().textContent).toBe('Xoá')

    deleteButton().click()
    await settle()
    const dialog = wrapper.get('dialog')
    expect(dialog.get('h2').text()).toBe('Xoá hồ sơ “Khai sinh cho bé Bình”?')
    expect(dialog.text()).toContain('Không thể hoàn tác.')
    await dialog.findAll('button').find((b) => b.text() === 'Huỷ')!.trigger('click')
    await settle()
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(await db.drafts.get('older')).toBeDefined()
    expect(await db.files.where('draftId').equals('older').count()).toBe(2)

    deleteButton().click()
    await settle()
    await wrapper.get('dialog').findAll('button').find((b) => b.text() === 'Xoá hồ sơ')!.trigger('click')
    await eventually(() => expect(wrapper.findAll('li.draft')).toHaveLength(1))
    expect(await db.drafts.get('older')).toBeUndefined()
    expect(await db.files.where('draftId').equals('older').count()).toBe(0)
    expect(await db.drafts.get('newer')).toBeDefined()
  })

  it('says so when there is no draft, and speaks English', async () => {
    await (await portalDb()).drafts.clear()
    await setLocale('en')
    const { wrapper } = await mountAt('/ho-so')
    await eventually(() => expect(wrapper.text()).toContain('No dossiers yet.'))
    expect(wrapper.get('h1').text()).toBe('My dossiers')
    expect(wrapper.get('a.button').attributes('href')).toBe('/tim-kiem')
  })
})
