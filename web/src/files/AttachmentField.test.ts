import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ComponentRule } from '@portal/shared/forms/definition'
import { portalDb } from '../db.ts'
import { i18n } from '../i18n/index.ts'
import { settle, eventually } from '../testing.ts'
import AttachmentField from './AttachmentField.vue'
import { bytes } from './fixtures.ts'

// The worker does not run in happy-dom; image processing is the e2e tests' part.
vi.mock('./image.ts', async (original) => ({
  ...(await original<typeof import('./image.ts')>()),
  processImage: vi.fn(async () => ({ blob: new Blob([bytes.jpegJfif, new Uint8Array(500)]), width: 2000, height: 1500, preview: new Blob([bytes.jpegJfif]) })),
}))

const rule: ComponentRule = {
  id: 'c6',
  label: { vi: 'Giấy chứng sinh', en: 'Birth certificate' },
  required: true,
  minFiles: 1,
  maxFiles: 2,
  accept: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
  showOriginal: true,
}

const createObjectURL = vi.fn((_blob: Blob) => `blob:preview-${Math.random()}`)
const revokeObjectURL = vi.fn()

beforeEach(async () => {
  Object.assign(URL, { createObjectURL, revokeObjectURL })
  await (await portalDb()).files.clear()
})
afterEach(() => vi.clearAllMocks())
// Earlier fields would otherwise keep watching the same draft's files.
enableAutoUnmount(afterEach)

async function mountField(props: { rule?: ComponentRule } = {}) {
  const wrapper = mount(AttachmentField, { props: { draftId: 'd1', rule, ...props }, global: { plugins: [i18n] } })
  await eventually(() => expect(wrapper.find('section').exists()).toBe(true)) // its texts are in
  await settle()
  return wrapper
}

async function pick(wrapper: Awaited<ReturnType<typeof mountField>>, which: 'camera' | 'picker', ...files: File[]) {
  const input = wrapper.findAll('input[type=file]')[which === 'camera' ? 0 : 1]!
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
  for (let i = 0; i < 10; i++) await settle()
}

const pdf = (name: string, size = 2000) => new File([bytes.pdf, new Uint8Array(size)], name, { type: 'application/pdf' })

describe('the attachment field', () => {
  it('says what the component asks for and offers the camera and a picker', async () => {
    const wrapper = await mountField()
    expect(wrapper.find('h2').text()).toBe('Giấy chứng sinh')
    expect(wrapper.text()).toContain('Bắt buộc · Tối đa 2 tệp.')
    expect(wrapper.text()).toContain('Nhận ảnh (JPG, PNG, HEIC) hoặc PDF, mỗi tệp tối đa 10\u00a0MB.')
    expect(wrapper.text()).toContain('Mang bản chính khi nhận kết quả.')
    const [camera, picker] = wrapper.findAll('input[type=file]')
    expect(camera!.attributes()).toMatchObject({ accept: 'image/*', capture: 'environment' })
    expect(picker!.attributes('accept')).toBe('image/jpeg,image/png,image/heic,image/heif,application/pdf,.heic,.heif')
    expect(picker!.attributes('multiple')).toBeDefined()
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Chụp ảnh', 'Chọn ảnh hoặc PDF'])
  })

  it('offers only a PDF picker where only PDF is taken, one file at a time', async () => {
    const wrapper = await mountField({ rule: { ...rule, accept: ['application/pdf'], maxFiles: 1, showOriginal: false } })
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Chọn tệp PDF'])
    expect(wrapper.find('input[type=file]').attributes('accept')).toBe('application/pdf')
    expect(wrapper.find('input[type=file]').attributes('multiple')).toBeUndefined()
    expect(wrapper.text()).not.toContain('bản chính')
  })

  it('stores a picked photo and a PDF, lists them and announces each', async () => {
    const wrapper = await mountField()
    await pick(wrapper, 'camera', new File([bytes.jpegExif, new Uint8Array(3000)], 'IMG_0001.jpg'))
    expect(wrapper.find('[role=status]').text()).toMatch(/^Đã lưu “IMG_0001.jpg” \(1\u00a0kB\)\.$/)
    await pick(wrapper, 'picker', pdf('to-khai.pdf'))
    const items = wrapper.findAll('li')
    expect(items.map((li) => li.find('.name').text())).toEqual(['IMG_0001.jpg', 'to-khai.pdf'])
    expect(items[0]!.text()).toContain('Ảnh 2000 × 1500')
    expect(items[1]!.find('svg').exists()).toBe(true) // the PDF sign, no preview
    expect(createObjectURL).toHaveBeenCalledTimes(1)
  })

  it('explains a refused file in the alert region and keeps what was saved', async () => {
    const wrapper = await mountField()
    await pick(wrapper, 'picker', pdf('kept.pdf'))
    await pick(wrapper, 'picker', new File([bytes.exe, new Uint8Array(100)], 'cccd.jpg', { type: 'image/jpeg' }))
    const alert = wrapper.find('[role=alert]')
    expect(alert.text()).toContain('Chưa thêm được “cccd.jpg”: tệp này không phải ảnh (JPG, PNG, HEIC) hoặc PDF.')
    expect(alert.text()).toContain('Các tệp đã lưu trước đó vẫn còn nguyên.')
    expect(wrapper.findAll('li .name').map((n) => n.text())).toEqual(['kept.pdf'])
  })

  it('adds what fits of a multiple pick, says why the rest was not added, then offers no more picks', async () => {
    const wrapper = await mountField()
    await pick(wrapper, 'picker', pdf('1.pdf', 10), pdf('2.pdf', 20), pdf('3.pdf', 30))
    expect(wrapper.findAll('li')).toHaveLength(2)
    expect(wrapper.find('[role=alert]').text()).toContain('Chưa thêm “3.pdf”: thành phần này nhận tối đa 2 tệp.')
    expect(wrapper.findAll('input[type=file]')).toHaveLength(0)
    expect(wrapper.text()).toContain('Đã đủ 2 tệp.')
  })

  it('removes a file only after confirmation, and revokes its preview URL', async () => {
    const wrapper = await mountField()
    await pick(wrapper, 'camera', new File([bytes.jpegJfif, new Uint8Array(10)], 'a.jpg'))
    const remove = wrapper.get('li button')
    expect(remove.attributes('aria-label')).toBe('Xoá “a.jpg”')
    await remove.trigger('click')
    expect(wrapper.get('li').text()).toContain('Xoá “a.jpg” khỏi hồ sơ?')
    await wrapper.get('li .link-button').trigger('click') // keep it
    expect(wrapper.findAll('li')).toHaveLength(1)
    await wrapper.get('li button').trigger('click')
    await wrapper.get('li .button').trigger('click')
    for (let i = 0; i < 5; i++) await settle()
    expect(wrapper.findAll('li')).toHaveLength(0)
    expect(wrapper.find('[role=status]').text()).toBe('Đã xoá “a.jpg”.')
    expect(revokeObjectURL).toHaveBeenCalledTimes(1)
  })

  it('revokes preview URLs when it goes away', async () => {
    const wrapper = await mountField()
    await pick(wrapper, 'camera', new File([bytes.jpegJfif, new Uint8Array(10)], 'a.jpg'))
    wrapper.unmount()
    await flushPromises()
    expect(revokeObjectURL).toHaveBeenCalledWith(createObjectURL.mock.results[0]!.value)
  })
})
