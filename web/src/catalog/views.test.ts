import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { portalDb } from '../db.ts'
import { setLocale } from '../i18n/index.ts'
import { mountAt, settle } from '../testing.ts'
import { agenciesFixture, catalogFixture } from './fixtures.ts'
import { replaceCatalog } from './local.ts'
import { useCatalogStore } from './store.ts'

beforeAll(async () => {
  const db = await portalDb()
  await replaceCatalog(db, catalogFixture, undefined, Date.UTC(2026, 10, 27, 8))
  await db.meta.put({ key: 'agencies', value: { directory: agenciesFixture } })
})
afterEach(() => setLocale('vi'))

async function open(path: string) {
  const mounted = await mountAt(path)
  await useCatalogStore().refresh()
  await settle()
  return mounted
}

describe('list views', () => {
  it('lists the procedures of a field, by name, with the field as title', async () => {
    const { wrapper } = await open('/linh-vuc/ho-tich')
    expect(wrapper.find('h1').text()).toBe('Hộ tịch')
    const links = wrapper.findAll('.items a')
    expect(links.map((a) => a.attributes('href'))).toEqual(['/thu-tuc/1.000894', '/thu-tuc/1.001193'])
    expect(wrapper.text()).toContain('2 thủ tục')
    expect(document.title).toBe('Hộ tịch | Cổng Dịch vụ công Thái Nguyên')
  })

  it('lists a level and an agency kind with the same view', async () => {
    const level = await open('/cap/tinh')
    expect(level.wrapper.find('h1').text()).toBe('Cấp tỉnh')
    expect(level.wrapper.findAll('.items li')).toHaveLength(1)
    const kind = await open('/co-quan/ubnd-xa')
    expect(kind.wrapper.findAll('.items li')).toHaveLength(2)
  })

  it('shows the English names of fields in English', async () => {
    await setLocale('en')
    const { wrapper } = await open('/linh-vuc/xay-dung')
    expect(wrapper.find('h1').text()).toBe('Construction')
    expect(wrapper.text()).toContain('1 procedure')
  })

  it('answers an unknown field with the not-found view', async () => {
    const { wrapper } = await open('/linh-vuc/khong-co')
    expect(wrapper.find('h1').text()).toBe('Không tìm thấy trang')
  })
})

describe('procedure view', () => {
  it('shows everything about a commune-level procedure', async () => {
    const { wrapper } = await open('/thu-tuc/1.001193')
    const text = wrapper.text()
    expect(wrapper.find('h1').text()).toBe('Thủ tục đăng ký khai sinh')
    for (const expected of [
      '1.001193',
      'Hộ tịch',
      'Cấp xã',
      'Một phần',
      'Trực tuyến, Trực tiếp, Qua bưu chính',
      '1 ngày làm việc',
      'Ngay trong ngày làm việc',
      'Nguồn ghi "ngay trong ngày"',
      'Không mất phí',
      'Giấy tờ phải xuất trình',
      'Chỉ xuất trình, không nộp',
      'Giấy khai sinh (bản chính)',
      'Luật Hộ tịch số 60/2014/QH13',
      'Tờ khai đăng ký khai sinh',
      '163/QĐ-BTP',
      'Nộp tại Ủy ban nhân dân xã, phường nơi bạn cư trú.',
      'Danh sách 2 xã, phường',
      'UBND phường Phan Đình Phùng',
      'UBND xã Đại Phúc',
    ]) {
      expect(text).toContain(expected)
    }
    expect(wrapper.findAll('.tag-strong')).toHaveLength(1)
    expect(wrapper.find('.sources a').attributes('href')).toContain('ma_thu_tuc=1.001193')
    expect(document.title).toContain('Thủ tục đăng ký khai sinh')
  })

  it('shows times per channel, fees by regulation and the department for a province-level procedure', async () => {
    const { wrapper } = await open('/thu-tuc/1.013225')
    const text = wrapper.text()
    expect(text).toContain('Trực tiếp: 20 ngày')
    expect(text).toContain('Trực tuyến: 15 ngày (hồ sơ đầy đủ)')
    expect(text).toContain('Theo quy định của cơ quan có thẩm quyền')
    expect(text).toContain('1 bản chính')
    expect(text).toContain('2 bản sao')
    // Interleaved cases in the source: one heading per case, its components together, in order.
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual(['Công trình không theo tuyến', 'Công trình theo tuyến'])
    expect(wrapper.findAll('.components')[0]!.findAll('li')).toHaveLength(2)
    expect(text).toContain('Sở Xây dựng tỉnh Thái Nguyên')
    expect(text).not.toContain('UBND xã Đại Phúc')
  })

  it('labels in English, keeps the procedure content in Vietnamese and says so', async () => {
    await setLocale('en')
    const { wrapper } = await open('/thu-tuc/1.000894')
    const text = wrapper.text()
    expect(wrapper.find('h1').text()).toBe('Thủ tục đăng ký kết hôn')
    expect(text).toContain('Procedure details are published in Vietnamese only.')
    expect(text).toContain('Civil status')
    expect(text).toContain('In person: 30,000 VND / trường hợp')
  })

  it('answers an unknown code with a not-found message naming it', async () => {
    const { wrapper } = await open('/thu-tuc/9.999999')
    expect(wrapper.text()).toContain('Không có thủ tục mã 9.999999 trong danh mục.')
  })
})
