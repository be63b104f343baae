import { enableAutoUnmount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { OfficerDossier } from '@portal/shared/onestop/api'
import { agenciesFixture, catalogFixture } from '../catalog/fixtures.ts'
import { replaceCatalog } from '../catalog/local.ts'
import { portalDb } from '../db.ts'
import { setLocale } from '../i18n/index.ts'
import { mountAt, settle, eventually } from '../testing.ts'
import { DOSSIER_ID, fakeOfficerBff, officerDossier, problem, UNITS } from './testing.ts'

// The officer's dossier page: what the applicant sent (answers with the form's labels, files
// with previews), the due date, history, control slip and slips; each action's form, its
// checks, the confirmation, the request and the page after it.

const officer = { sub: 'officer-1', roles: [{ role: 'officer', id: 1, duty: 'reception', agencyCode: '000.00.D8.H55' }], mfa: true, idleSeconds: 900, expiresAt: '2026-11-28T00:00:00Z' }

beforeAll(async () => {
  const db = await portalDb()
  await replaceCatalog(db, catalogFixture, undefined, Date.now())
  await db.meta.put({ key: 'agencies', value: { directory: agenciesFixture } })
})
beforeEach(() => localStorage.setItem('portal.session', JSON.stringify(officer)))
afterEach(async () => {
  await setLocale('vi')
  vi.unstubAllGlobals()
})
enableAutoUnmount(afterEach)

async function openDossier(dossier: () => OfficerDossier | Response, action?: (body: unknown) => OfficerDossier | Response) {
  const bff = fakeOfficerBff({ dossier, units: () => UNITS, ...(action ? { action } : {}) })
  const { wrapper } = await mountAt(`/can-bo/ho-so/${DOSSIER_ID}`)
  await eventually(() => expect(wrapper.text()).not.toContain('Đang tải hồ sơ…'))
  // The form's definition is a chunk of its own (its first import takes a while on a busy machine).
  await eventually(() => expect(wrapper.text()).toContain('Họ, chữ đệm, tên người được khai sinh'))
  await settle()
  return { wrapper, ...bff }
}

const button = (wrapper: VueWrapper, name: string) => {
  const found = wrapper.findAll('button').find((b) => b.text() === name)
  if (!found) throw new Error(`no button "${name}" in: ${wrapper.findAll('button').map((b) => b.text()).join(' | ')}`)
  return found
}
/** A timeline entry's lines (time, what, unit, who, note), each as read. */
const lines = (li: { element: Element }) => [...li.element.children].map((child) => child.textContent!.trim().replace(/\s+/g, ' ')).join(' | ')
const facts = (wrapper: VueWrapper) => Object.fromEntries(wrapper.findAll('.facts > div').map((row) => [row.get('dt').text(), row.get('dd').text().replace(/\s+/g, ' ')]))

describe('the officer’s dossier page', () => {
  it('shows who and what, the answers with their labels, the files with previews', async () => {
    const { wrapper } = await openDossier(() => officerDossier({ externalCode: 'TN-2026-000123' }))
    expect(wrapper.get('h1').text()).toBe('000.00.D8.H55-261127-0001')
    expect(document.title).toBe('000.00.D8.H55-261127-0001 | Cổng Dịch vụ công Thái Nguyên')
    expect(facts(wrapper)).toMatchObject({
      'Mã trên hệ thống một cửa': 'TN-2026-000123',
      'Thủ tục': 'Thủ tục đăng ký khai sinh (1.001193)',
      'Người nộp': 'Nguyễn Văn An, Số định danh cá nhân 019085004127',
      'Trạng thái': 'Mới đăng ký',
      'Hạn trả kết quả': 'Chưa tính (hồ sơ chưa được tiếp nhận, hoặc đang chờ bổ sung)',
      'Thời điểm nộp': '08:15 27/11/2026',
      'Nhận kết quả': 'Tại cơ quan giải quyết',
    })
    const answers = Object.fromEntries(wrapper.findAll('.answers > div').map((row) => [row.get('dt').text(), row.get('dd').text()]))
    expect(answers).toMatchObject({
      'Họ, chữ đệm, tên người được khai sinh': 'Nguyễn Thị Bình',
      'Ngày, tháng, năm sinh': '07/11/2026',
      'Trường hợp khai sinh': 'Khai sinh thông thường',
    })
    const image = wrapper.get('.previews img')
    expect(image.attributes('src')).toBe(`/api/officer/dossiers/${DOSSIER_ID}/files/${'a'.repeat(64)}`)
    expect(image.attributes('alt')).toBe('Xem ảnh giay-chung-sinh.jpg cỡ đầy đủ (tab mới)')
    const pdf = wrapper.findAll('.previews a').find((a) => a.text().startsWith('Mở ban-sao.pdf'))!
    expect(pdf.attributes()).toMatchObject({ href: `/api/officer/dossiers/${DOSSIER_ID}/files/${'b'.repeat(64)}`, target: '_blank' })
    expect(wrapper.text()).toContain('Giấy chứng sinh; nếu không có thì văn bản của người làm chứng')
    // Only the officer's actions: the applicant's withdrawal is not a button here.
    expect(wrapper.findAll('.action-buttons button').map((b) => b.text())).toEqual(['Tiếp nhận', 'Yêu cầu bổ sung', 'Từ chối tiếp nhận'])
  })

  it('shows the due date with its flag, the history, the control slip, supplements and the slips', async () => {
    const history: OfficerDossier['history'] = [
      { at: '2026-11-27T09:00:00+07:00', event: 'receive', from: 'registered', to: 'accepted', unit: '000.00.D8.H55', actor: 'Phạm Thị Hồng' },
      { at: '2026-11-27T09:30:00+07:00', event: 'startProcessing', from: 'accepted', to: 'processing', unit: 'H55.242.1', actor: 'Vũ Quang Huy' },
      { at: '2026-11-27T10:00:00+07:00', event: 'transfer', from: 'processing', to: 'processing', unit: 'H55.242.2', note: 'Trình lãnh đạo ký' },
    ]
    const { wrapper } = await openDossier(() =>
      officerDossier({
        status: 'processing',
        dueAt: '2026-11-28T17:00:00+07:00',
        dueSoon: true,
        unit: 'H55.242.2',
        history,
        supplements: [{ requestedAt: '2026-11-27T08:30:00+07:00', items: [{ componentId: 'c6', description: 'Ảnh bị mờ' }, { description: 'Ghi rõ quê quán' }], receivedAt: '2026-11-27T08:50:00+07:00' }],
        allowed: ['recordOpinion', 'transfer', 'approve'],
        slips: [1, 2, 5],
      }),
    )
    expect(facts(wrapper)).toMatchObject({ 'Hạn trả kết quả': '17:00 28/11/2026 Sắp đến hạn', 'Đơn vị đang giữ hồ sơ': 'Lãnh đạo Ủy ban nhân dân phường' })
    expect(wrapper.findAll('#history-title ~ .timeline > li').map(lines)).toEqual([
      '08:15 27/11/2026 | Nộp hồ sơ trực tuyến → Mới đăng ký',
      '09:00 27/11/2026 | Tiếp nhận hồ sơ → Được tiếp nhận | 000.00.D8.H55 | Người thực hiện: Phạm Thị Hồng',
      '09:30 27/11/2026 | Chuyển xử lý → Đang xử lý | Công chức Tư pháp - Hộ tịch | Người thực hiện: Vũ Quang Huy',
      '10:00 27/11/2026 | Chuyển đơn vị → Đang xử lý | Lãnh đạo Ủy ban nhân dân phường | Trình lãnh đạo ký',
    ])
    expect(wrapper.findAll('#control-title ~ .timeline > li').map(lines)).toEqual([
      '09:30 27/11/2026 | 000.00.D8.H55 → Công chức Tư pháp - Hộ tịch | Người thực hiện: Vũ Quang Huy',
      '10:00 27/11/2026 | Công chức Tư pháp - Hộ tịch → Lãnh đạo Ủy ban nhân dân phường | Trình lãnh đạo ký',
    ])
    const supplements = wrapper.get('#supplements-title').element.parentElement!.textContent!.replace(/\s+/g, ' ')
    expect(supplements).toContain('Yêu cầu lúc 08:30 27/11/2026 — Đã nhận bổ sung lúc 08:50 27/11/2026')
    expect(supplements).toContain('Giấy chứng sinh; nếu không có thì văn bản của người làm chứng, hoặc giấy cam đoan về việc sinh: Ảnh bị mờ')
    expect(supplements).toContain('Nội dung khác: Ghi rõ quê quán')
    const slips = wrapper.findAll('.slips a')
    expect(slips.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)', `/api/dossiers/${DOSSIER_ID}/slips/1`],
      ['Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF)', `/api/dossiers/${DOSSIER_ID}/slips/2`],
      ['Mẫu 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ (PDF)', `/api/dossiers/${DOSSIER_ID}/slips/5`],
    ])
  })

  it('shows under each supplement request what the applicant sent: files previewed as the originals, corrected answers, the note; the history counts the files', async () => {
    const photo = { sha256: 'c'.repeat(64), size: 90_000, type: 'image/jpeg', name: 'giay-chung-sinh-ro.jpg' }
    const scan = { sha256: 'd'.repeat(64), size: 70_000, type: 'application/pdf', name: 'cam-doan.pdf' }
    const dossier = officerDossier({
      status: 'supplementRequested',
      history: [
        { at: '2026-11-27T09:00:00+07:00', event: 'receive', from: 'registered', to: 'accepted', actor: 'Phạm Thị Hồng' },
        { at: '2026-11-27T09:10:00+07:00', event: 'requestSupplement', from: 'accepted', to: 'supplementRequested', actor: 'Phạm Thị Hồng' },
        { at: '2026-11-28T08:00:00+07:00', event: 'supplementReceived', from: 'supplementRequested', to: 'accepted' },
        { at: '2026-11-28T09:00:00+07:00', event: 'requestSupplement', from: 'accepted', to: 'supplementRequested', actor: 'Phạm Thị Hồng' },
      ],
      supplements: [
        {
          requestedAt: '2026-11-27T09:10:00+07:00',
          items: [{ componentId: 'c6', description: 'Ảnh bị mờ' }, { description: 'Ghi rõ quê quán' }],
          receivedAt: '2026-11-28T08:00:00+07:00',
          components: [{ componentId: 'c6', label: 'Giấy chứng sinh', files: [photo, scan] }],
          form: { hometown: 'Xã Đại Phúc, tỉnh Thái Nguyên' },
          note: 'Đã chụp lại giấy chứng sinh',
        },
        { requestedAt: '2026-11-28T09:00:00+07:00', items: [{ description: 'Ký tờ khai' }] },
      ],
      allowed: ['supplementReceived', 'withdraw', 'stop'],
    })
    const { wrapper } = await openDossier(() => dossier)
    const [answered, waiting] = wrapper.findAll('#supplements-title ~ ol > li')
    const supplied = answered!.get('.supplied')
    expect(supplied.get('h3').text()).toBe('Người nộp đã gửi bổ sung: 2 tệp')
    expect(supplied.get('ul.plain > li > span').text()).toBe('Giấy chứng sinh; nếu không có thì văn bản của người làm chứng, hoặc giấy cam đoan về việc sinh')
    const image = supplied.get('.previews img')
    expect(image.attributes()).toMatchObject({ src: `/api/officer/dossiers/${DOSSIER_ID}/files/${photo.sha256}`, alt: 'Xem ảnh giay-chung-sinh-ro.jpg cỡ đầy đủ (tab mới)', loading: 'lazy' })
    const pdf = supplied.findAll('.previews a').find((a) => a.text() === 'Mở cam-doan.pdf (PDF, tab mới)')!
    expect(pdf.attributes()).toMatchObject({ href: `/api/officer/dossiers/${DOSSIER_ID}/files/${scan.sha256}`, target: '_blank', rel: 'noopener' })
    expect(supplied.findAll('h4').map((h) => h.text())).toEqual(['Thông tin tờ khai được sửa', 'Ghi chú của người nộp'])
    expect(supplied.findAll('.answers > div').map((row) => [row.get('dt').text(), row.get('dd').text()])).toEqual([['Quê quán', 'Xã Đại Phúc, tỉnh Thái Nguyên']])
    expect(supplied.text()).toContain('Đã chụp lại giấy chứng sinh')
    // The open request has nothing under it yet.
    expect(waiting!.text()).toContain('Đang chờ người nộp bổ sung')
    expect(waiting!.find('.supplied').exists()).toBe(false)
    // The original submission's files stay as they were.
    expect(wrapper.findAll('#files-title ~ ul .previews li')).toHaveLength(2)
    expect(wrapper.findAll('#history-title ~ .timeline > li').map(lines)[3]).toBe('08:00 28/11/2026 | Nhận hồ sơ bổ sung → Được tiếp nhận | Kèm 2 tệp')

    await setLocale('en')
    await settle()
    expect(supplied.get('h3').text()).toBe('Sent by the applicant: 2 files')
    expect(supplied.findAll('h4').map((h) => h.text())).toEqual(['Corrected answers of the form', "The applicant's note"])
    expect(supplied.get('.answers dt').text()).toBe('Home town')
    expect(supplied.get('.previews img').attributes('alt')).toBe('View the photo giay-chung-sinh-ro.jpg full size (new tab)')
    expect(wrapper.findAll('#history-title ~ .timeline > li').map(lines)[3]).toContain('2 files came with it')
  })

  it('refuse: reasons checked before anything is sent, confirmed, sent; the page shows the new state', async () => {
    const refused = officerDossier({ status: 'refused', allowed: [], slips: [3] })
    const { wrapper, requests } = await openDossier(() => officerDossier(), () => refused)
    await button(wrapper, 'Từ chối tiếp nhận').trigger('click')
    expect(wrapper.get('.action-form h3').text()).toBe('Từ chối tiếp nhận')
    await wrapper.get('.action-form').trigger('submit')
    await settle()
    expect(wrapper.get('.error-summary').text()).toContain('Lý do 1: ghi nội dung hoặc xoá dòng này.')
    expect(wrapper.get('#action-reason-0').attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('dialog').exists()).toBe(false)

    await wrapper.get('#action-reason-0').setValue('Hồ sơ không thuộc thẩm quyền của phường')
    await button(wrapper, 'Thêm lý do').trigger('click')
    await wrapper.get('#action-reason-1').setValue('Thiếu giấy chứng sinh')
    await wrapper.get('.action-form').trigger('submit')
    await settle()
    expect(wrapper.find('.error-summary').exists()).toBe(false)
    const dialog = wrapper.get('dialog')
    expect(dialog.get('h2').text()).toBe('Từ chối tiếp nhận — hồ sơ 000.00.D8.H55-261127-0001')
    expect(dialog.findAll('li').map((li) => li.text())).toEqual(['Hồ sơ không thuộc thẩm quyền của phường', 'Thiếu giấy chứng sinh'])
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await button(wrapper, 'Xác nhận').trigger('click')
    await eventually(() => expect(wrapper.find('.done').exists()).toBe(true))
    const posts = requests.filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0]!.body).toEqual({ type: 'refuse', reasons: ['Hồ sơ không thuộc thẩm quyền của phường', 'Thiếu giấy chứng sinh'] })
    expect(wrapper.get('.done').text()).toBe('Đã thực hiện: Từ chối tiếp nhận. Trạng thái hồ sơ: Không được tiếp nhận.')
    expect(facts(wrapper)['Trạng thái']).toBe('Không được tiếp nhận')
    expect(wrapper.find('dialog').exists()).toBe(false)
    expect(wrapper.get('.slips a').text()).toBe('Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (PDF)')
  })

  it('request a supplement: several items at once, each with its component', async () => {
    const { wrapper, requests } = await openDossier(() => officerDossier(), () => officerDossier({ status: 'supplementRequested', allowed: [] }))
    await button(wrapper, 'Yêu cầu bổ sung').trigger('click')
    await wrapper.get('#action-item-0-component').setValue('c6')
    await wrapper.get('#action-item-0').setValue('Ảnh giấy chứng sinh bị mờ, chụp lại rõ nét')
    await button(wrapper, 'Thêm nội dung').trigger('click')
    await wrapper.get('.action-form').trigger('submit')
    await settle()
    expect(wrapper.get('.error-summary').text()).toContain('Nội dung 2: ghi cần bổ sung hoặc sửa gì, hoặc xoá dòng này.')
    await wrapper.get('#action-item-1').setValue('Ghi rõ quê quán của cha')
    await wrapper.get('.action-form').trigger('submit')
    await settle()
    await button(wrapper, 'Xác nhận').trigger('click')
    await eventually(() => expect(requests.some((r) => r.method === 'POST')).toBe(true))
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({
      type: 'requestSupplement',
      items: [{ componentId: 'c6', description: 'Ảnh giấy chứng sinh bị mờ, chụp lại rõ nét' }, { description: 'Ghi rõ quê quán của cha' }],
    })
  })

  it('receive: with several processing times the officer chooses one', async () => {
    const db = await portalDb()
    const birth = catalogFixture.procedures.find((p) => p.code === '1.001193')!
    await db.procedures.put({
      ...birth,
      processingTime: { text: '…', options: [{ amount: 1, unit: 'working-days', channel: 'online' }, { amount: 3, unit: 'working-days', condition: 'cần xác minh' }] },
    })
    try {
      const { wrapper, requests } = await openDossier(() => officerDossier(), () => officerDossier({ status: 'accepted', allowed: [] }))
      await button(wrapper, 'Tiếp nhận').trigger('click')
      expect(wrapper.findAll('.choice label').map((l) => l.text())).toEqual(['Trực tuyến: 1 ngày làm việc', 'Mọi cách thức: 3 ngày làm việc (cần xác minh)'])
      await wrapper.get('.action-form').trigger('submit')
      await settle()
      expect(wrapper.get('.error-summary').text()).toContain('Chọn thời hạn giải quyết áp dụng cho hồ sơ.')
      await wrapper.get('#action-option-1').setValue(true)
      await wrapper.get('.action-form').trigger('submit')
      await settle()
      expect(wrapper.get('dialog').text()).toContain('Mọi cách thức: 3 ngày làm việc (cần xác minh)')
      await button(wrapper, 'Xác nhận').trigger('click')
      await eventually(() => expect(requests.some((r) => r.method === 'POST')).toBe(true))
      expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ type: 'receive', processingOption: 1 })
    } finally {
      await db.procedures.put(birth)
    }
  })

  it('transfer: a unit other than the one holding the dossier, with a note', async () => {
    const processing = officerDossier({ status: 'processing', unit: 'H55.242.1', allowed: ['transfer'] })
    const { wrapper, requests } = await openDossier(() => processing, () => ({ ...processing, unit: 'H55.242.2' }))
    await button(wrapper, 'Chuyển đơn vị khác').trigger('click')
    // The unit holding it is not offered; the receiving agency's units come first.
    expect(wrapper.findAll('#action-unit optgroup').map((g) => [g.attributes('label'), g.findAll('option').map((o) => o.text())])).toEqual([
      ['Cơ quan tiếp nhận hồ sơ và các đơn vị trực thuộc', ['Lãnh đạo Ủy ban nhân dân phường']],
      ['Cơ quan khác', ['Bộ phận Một cửa phường Phan Đình Phùng']],
    ])
    await wrapper.get('#action-unit').setValue('H55.242.2')
    await wrapper.get('#action-note').setValue('Trình ký')
    await wrapper.get('.action-form').trigger('submit')
    await settle()
    expect(wrapper.get('dialog').findAll('li').map((li) => li.text())).toEqual(['Lãnh đạo Ủy ban nhân dân phường', 'Trình ký'])
    await button(wrapper, 'Xác nhận').trigger('click')
    await eventually(() => expect(wrapper.find('.done').exists()).toBe(true))
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ type: 'transfer', toUnit: 'H55.242.2', note: 'Trình ký' })
  })

  it('apologise: the new date must come after the due date', async () => {
    const late = officerDossier({ status: 'processing', unit: 'H55.242.1', dueAt: '2026-12-03T17:00:00+07:00', allowed: ['apologiseLate'] })
    const { wrapper, requests } = await openDossier(() => late, () => ({ ...late, apologyUsed: true, dueAt: '2026-12-08T17:00:00+07:00' }))
    await button(wrapper, 'Xin lỗi, hẹn lại ngày trả').trigger('click')
    expect(wrapper.get('#action-day').attributes('min')).toBe('2026-12-04')
    await wrapper.get('#action-day').setValue('2026-12-03')
    await wrapper.get('#action-text').setValue('Cần xác minh thêm thông tin')
    await wrapper.get('.action-form').trigger('submit')
    await settle()
    expect(wrapper.get('#action-day-error').text()).toContain('Ngày hẹn trả mới phải sau hạn hiện tại.')
    await wrapper.get('#action-day').setValue('2026-12-08')
    await wrapper.get('.action-form').trigger('submit')
    await settle()
    await button(wrapper, 'Xác nhận').trigger('click')
    await eventually(() => expect(wrapper.find('.done').exists()).toBe(true))
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ type: 'apologiseLate', reason: 'Cần xác minh thêm thông tin', newDueAt: '2026-12-08T17:00:00+07:00' })
    expect(facts(wrapper)['Hạn trả kết quả']).toBe('17:00 08/12/2026 (đã hẹn lại một lần)')
  })

  it('a step the state machine refuses: its reason in plain words, and the dossier read again', async () => {
    let reads = 0
    const { wrapper } = await openDossier(
      () => {
        reads++
        return officerDossier({ status: reads > 1 ? 'accepted' : 'registered' })
      },
      () => problem(409, 'transition-refused', 'Không thể thực hiện thao tác với hồ sơ', 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.'),
    )
    await button(wrapper, 'Tiếp nhận').trigger('click')
    await wrapper.get('.action-form').trigger('submit')
    await settle()
    await button(wrapper, 'Xác nhận').trigger('click')
    await eventually(() => expect(wrapper.find('[role=alert]').exists()).toBe(true))
    expect(wrapper.get('[role=alert]').text()).toBe('Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.')
    await eventually(() => expect(facts(wrapper)['Trạng thái']).toBe('Được tiếp nhận'))
    expect(wrapper.find('dialog').exists()).toBe(false)
  })

  it('another agency’s or an unknown dossier is “not found”', async () => {
    fakeOfficerBff({ dossier: () => problem(404, 'not-found', 'Không tìm thấy') })
    const { wrapper } = await mountAt(`/can-bo/ho-so/${DOSSIER_ID}`)
    await eventually(() => expect(wrapper.find('[role=alert]').exists()).toBe(true))
    expect(wrapper.get('[role=alert]').text()).toBe('Không tìm thấy hồ sơ, hoặc hồ sơ không thuộc cơ quan của bạn.')
  })

  it('speaks English', async () => {
    await setLocale('en')
    const fetch = fakeOfficerBff({ dossier: () => officerDossier(), units: () => UNITS })
    const { wrapper } = await mountAt(`/can-bo/ho-so/${DOSSIER_ID}`)
    await eventually(() => expect(wrapper.text()).toContain('Full name of the child'))
    expect(facts(wrapper)).toMatchObject({ Status: 'Newly registered', 'Result delivery': 'At the agency' })
    expect(wrapper.findAll('.action-buttons button').map((b) => b.text())).toEqual(['Receive', 'Request a supplement', 'Refuse'])
    expect(fetch.requests.length).toBeGreaterThan(0)
  })
})
