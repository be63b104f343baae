import { describe, expect, it } from 'vitest'
import type { ResultDelivery } from '@portal/shared/dossiers/schema'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import { composeNotice, type ComposedNotice } from './compose.ts'
import { supplementDeadline } from './listener.ts'
import type { DossierFacts } from './texts.ts'
import { holidays, RECEIVE, receiptFor, scriptFor, vn, type LifeScript } from './testing.ts'

// Each notice must say what happened and exactly what to do, in Vietnamese and in English.
// Dossier received Wed 1/7/2026 09:00 for 10 working days: due Wed 15/7/2026 17:00 (no holiday in July).

const context = { supplyBy: supplementDeadline(15, holidays) }
const POSTAL: ResultDelivery = { method: 'post', address: { provinceCode: '19', communeCode: '05440', street: 'Số 12 đường Hoàng Văn Thụ' } }

function setup(delivery?: ResultDelivery) {
  const receipt = receiptFor(delivery)
  const facts: DossierFacts = { receipt, ...(delivery?.method === 'post' ? { postalAddress: 'Số 12 đường Hoàng Văn Thụ, Phường Phan Đình Phùng, Tỉnh Thái Nguyên' } : {}) }
  const script = scriptFor(receipt)
  const tell = (event: LifeEvent) => composeNotice(script.step(event), facts, context)
  return { receipt, script, tell }
}

/** Every word of a notice in one language, in reading order. */
function words(notice: ComposedNotice | undefined, lang: 'vi' | 'en'): string {
  if (!notice) throw new Error('no notice')
  const { title, lines, list, action } = notice.content
  return [title[lang], lines[0]?.[lang], list?.heading[lang], ...(list?.items ?? []), ...lines.slice(1).map((l) => l[lang]), action?.label[lang]].join('\n')
}

function received(script: LifeScript, tell: (e: LifeEvent) => ComposedNotice | undefined) {
  const notice = tell(RECEIVE)
  return { notice, script }
}

describe('composeNotice', () => {
  it('received: the due date, how the result comes back (at the agency: what to bring), and that nothing else is needed', () => {
    const { receipt, script, tell } = setup()
    const { notice } = received(script, tell)
    expect(notice?.kind).toBe('received')
    expect(notice?.status).toBe('accepted')
    const vi = words(notice, 'vi')
    expect(vi).toContain('Hồ sơ đã được tiếp nhận')
    expect(vi).toContain(`Sở Tư pháp tỉnh Thái Nguyên đã tiếp nhận hồ sơ ${receipt.code} (Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam).`)
    expect(vi).toContain('Ngày hẹn trả kết quả: 17:00 ngày 15/07/2026.')
    expect(vi).toContain(`Kết quả được trả trực tiếp tại Sở Tư pháp tỉnh Thái Nguyên; khi đến nhận, hãy mang theo mã hồ sơ ${receipt.code} và giấy tờ tùy thân (căn cước).`)
    expect(vi).toContain('Bạn không cần làm gì thêm lúc này.')
    const en = words(notice, 'en')
    expect(en).toContain('Your dossier has been received')
    expect(en).toContain('Result due: 15 July 2026 at 17:00.')
    expect(en).toContain('bring the dossier code')
    expect(notice?.content.action).toEqual({ label: { vi: 'Xem hồ sơ', en: 'View the dossier' }, path: `/ho-so/da-nop/${receipt.id}` })
  })

  it('received: by post names the address; online says where to download', () => {
    const byPost = setup(POSTAL)
    expect(words(received(byPost.script, byPost.tell).notice, 'vi')).toContain(
      'Kết quả sẽ được gửi qua dịch vụ bưu chính đến địa chỉ: Số 12 đường Hoàng Văn Thụ, Phường Phan Đình Phùng, Tỉnh Thái Nguyên.',
    )
    const online = setup({ method: 'online' })
    const notice = received(online.script, online.tell).notice
    expect(words(notice, 'vi')).toContain('Kết quả được trả trực tuyến: bạn tải về trong mục «Hồ sơ của tôi» trên Cổng.')
    expect(words(notice, 'en')).toContain('download it under “My dossiers”')
  })

  it('received: a due date past the holiday table is said to be provisional', () => {
    const receipt = receiptFor()
    // Received Mon 20/12/2027 for 10 working days: the count runs past the table's end (31/12/2027).
    const script = scriptFor(receipt, 1, '2027-12-20T08:00:00+07:00')
    const notice = composeNotice(script.step({ ...RECEIVE, at: '2027-12-20T09:00:00+07:00' }), { receipt }, context)
    expect(words(notice, 'vi')).toContain('Ngày hẹn này là dự kiến')
    expect(words(notice, 'en')).toContain('This date is provisional')
  })

  it('refused at the counter: every reason, and what to do next', () => {
    const { receipt, tell } = setup()
    const notice = tell({ type: 'refuse', at: vn('07-01', '10:00'), reasons: ['Không thuộc thẩm quyền của Sở Tư pháp', 'Tờ khai không có chữ ký'] })
    expect(notice?.kind).toBe('refused')
    expect(notice?.content.list).toEqual({
      heading: { vi: 'Lý do:', en: 'Reasons (as written by the agency, in Vietnamese):' },
      items: ['Không thuộc thẩm quyền của Sở Tư pháp', 'Tờ khai không có chữ ký'],
    })
    const vi = words(notice, 'vi')
    expect(vi).toContain('Hồ sơ không được tiếp nhận')
    expect(vi).toContain('Bạn có thể nộp hồ sơ mới sau khi đã khắc phục các lý do trên.')
    expect(vi).toContain(`nêu mã hồ sơ ${receipt.code}`)
    expect(words(notice, 'en')).toContain('You may submit a new dossier once these reasons are dealt with.')
  })

  it('refused after review: says the application is refused, not that the dossier was not received', () => {
    const { script, tell } = setup()
    received(script, tell)
    tell({ type: 'startProcessing', at: vn('07-02', '09:00'), unit: '000.00.01.H55' })
    const notice = tell({ type: 'refuse', at: vn('07-03', '09:00'), reasons: ['Không đủ điều kiện cấp phiếu'] })
    expect(notice?.content.title).toEqual({ vi: 'Hồ sơ không được giải quyết', en: 'Your application has been refused' })
    expect(notice?.content.list?.items).toEqual(['Không đủ điều kiện cấp phiếu'])
  })

  it('supplement: every item, the deadline, and that the applicant opens «Hồ sơ của tôi» to supply it', () => {
    const { receipt, script, tell } = setup()
    received(script, tell)
    // Requested Thu 2/7/2026 10:00 + 15 working days → Thu 23/7/2026 17:00.
    const notice = tell({
      type: 'requestSupplement',
      at: vn('07-02', '10:00'),
      items: [{ componentId: 'c1', description: 'Tờ khai thiếu chữ ký của người yêu cầu' }, { description: 'Bản sao căn cước của người được cấp phiếu' }],
    })
    expect(notice?.kind).toBe('supplementRequested')
    expect(notice?.content.list?.items).toEqual(['Tờ khai thiếu chữ ký của người yêu cầu', 'Bản sao căn cước của người được cấp phiếu'])
    const vi = words(notice, 'vi')
    expect(vi).toContain('Hồ sơ cần bổ sung')
    expect(vi).toContain('Hạn bổ sung: 17:00 ngày 23/07/2026.')
    expect(vi).toContain(`Cách bổ sung: mở mục «Hồ sơ của tôi» trên Cổng, chọn hồ sơ ${receipt.code} và gửi đủ các nội dung trên trong một lần.`)
    expect(vi).toContain('thời hạn được tính lại từ ngày nhận đủ hồ sơ bổ sung')
    const en = words(notice, 'en')
    expect(en).toContain('Supply it by: 23 July 2026 at 17:00.')
    expect(en).toContain('open “My dossiers” (Hồ sơ của tôi) on the portal')
    expect(notice?.content.action).toEqual({ label: { vi: 'Bổ sung hồ sơ', en: 'Supply the documents' }, path: `/ho-so/da-nop/${receipt.id}` })
  })

  it('supplement received: received again with the restarted due date; before receipt, waits to be received', () => {
    const { script, tell } = setup()
    received(script, tell)
    tell({ type: 'requestSupplement', at: vn('07-02', '10:00'), items: [{ description: 'Bản sao căn cước' }] })
    // The supplement arrives Mon 6/7 09:00: 10 working days → Mon 20/7 17:00.
    const again = tell({ type: 'supplementReceived', at: vn('07-06', '09:00') })
    expect(again?.kind).toBe('received')
    expect(again?.content.title.vi).toBe('Đã nhận đủ hồ sơ bổ sung: hồ sơ được tiếp nhận lại')
    expect(words(again, 'vi')).toContain('Ngày hẹn trả kết quả: 17:00 ngày 20/07/2026.')
    expect(words(again, 'vi')).toContain('Thời hạn giải quyết được tính lại từ ngày nhận đủ.')

    const early = setup()
    early.tell({ type: 'requestSupplement', at: vn('07-01', '10:00'), items: [{ description: 'Tờ khai' }] })
    const waiting = early.tell({ type: 'supplementReceived', at: vn('07-02', '09:00') })
    expect(waiting?.kind).toBe('supplementReceived')
    expect(waiting?.status).toBe('registered')
    expect(words(waiting, 'vi')).toContain('Bạn không cần làm gì thêm.')
  })

  it('processing, fees and their payment: what to pay and for what; then that processing resumed', () => {
    const { script, tell } = setup()
    received(script, tell)
    const processing = tell({ type: 'startProcessing', at: vn('07-02', '09:00'), unit: '000.00.01.H55' })
    expect(processing?.kind).toBe('processing')
    expect(words(processing, 'vi')).toContain('Bạn không cần làm gì thêm lúc này.')
    expect(words(processing, 'vi')).toContain('Ngày hẹn trả kết quả: 17:00 ngày 15/07/2026.')
    const fees = tell({ type: 'requireFees', at: vn('07-03', '09:00'), amountVnd: 200_000, description: 'Lệ phí cấp Phiếu lý lịch tư pháp' })
    expect(fees?.kind).toBe('financialObligation')
    expect(words(fees, 'vi')).toContain('bạn cần nộp 200.000 đồng: Lệ phí cấp Phiếu lý lịch tư pháp.')
    expect(words(fees, 'vi')).toContain('giữ lại chứng từ nộp tiền')
    expect(words(fees, 'en')).toContain('you need to pay VND 200,000')
    const paid = tell({ type: 'feesPaid', at: vn('07-06', '09:00'), paymentRef: 'BL-2026-0042' })
    expect(words(paid, 'vi')).toContain('Cơ quan đã ghi nhận bạn hoàn thành nghĩa vụ tài chính')
  })

  it('late: the apology with its reason, the old and the new date', () => {
    const { script, tell } = setup()
    received(script, tell)
    const notice = tell({ type: 'apologiseLate', at: vn('07-10', '09:00'), reason: 'Chờ kết quả xác minh của cơ quan công an', newDueAt: vn('07-24', '17:00') })
    expect(notice?.kind).toBe('late')
    expect(notice?.status).toBe('accepted')
    const vi = words(notice, 'vi')
    expect(vi).toContain('xin lỗi vì hồ sơ')
    expect(vi).toContain('không thể trả kết quả đúng hẹn 17:00 ngày 15/07/2026.')
    expect(vi).toContain('Lý do: Chờ kết quả xác minh của cơ quan công an')
    expect(vi).toContain('Ngày hẹn mới: 17:00 ngày 24/07/2026.')
    expect(words(notice, 'en')).toContain('New date: 24 July 2026 at 17:00.')
  })

  it('result ready: at the agency, where to collect it and what to bring; online, that it comes to «Hồ sơ của tôi»', () => {
    const { receipt, script, tell } = setup()
    received(script, tell)
    tell({ type: 'startProcessing', at: vn('07-02', '09:00'), unit: '000.00.01.H55' })
    const ready = tell({ type: 'approve', at: vn('07-08', '09:00') })
    expect(ready?.kind).toBe('processed')
    expect(words(ready, 'vi')).toContain(`Mời bạn đến Sở Tư pháp tỉnh Thái Nguyên nhận kết quả; mang theo mã hồ sơ ${receipt.code} và giấy tờ tùy thân (căn cước) để đối chiếu.`)
    expect(words(ready, 'en')).toContain('Your result is ready')

    const online = setup({ method: 'online' })
    received(online.script, online.tell)
    online.tell({ type: 'startProcessing', at: vn('07-02', '09:00'), unit: '000.00.01.H55' })
    online.tell({ type: 'approve', at: vn('07-08', '09:00') })
    const returned = online.tell({ type: 'returnResult', at: vn('07-08', '10:00'), resultFile: 'a'.repeat(64) })
    expect(returned?.kind).toBe('returned')
    expect(words(returned, 'vi')).toContain('Mở mục «Hồ sơ của tôi», chọn hồ sơ để tải kết quả về và lưu lại.')
    expect(returned?.content.action?.label).toEqual({ vi: 'Tải kết quả', en: 'Download the result' })
  })

  it('returned by post: where it was sent and whom to contact', () => {
    const { receipt, script, tell } = setup(POSTAL)
    received(script, tell)
    tell({ type: 'startProcessing', at: vn('07-02', '09:00'), unit: '000.00.01.H55' })
    tell({ type: 'approve', at: vn('07-08', '09:00') })
    const notice = tell({ type: 'returnResult', at: vn('07-08', '10:00'), resultFile: 'b'.repeat(64) })
    expect(words(notice, 'vi')).toContain('đã được gửi qua dịch vụ bưu chính đến: Số 12 đường Hoàng Văn Thụ')
    expect(words(notice, 'vi')).toContain(`Nếu không nhận được, hãy liên hệ Sở Tư pháp tỉnh Thái Nguyên và nêu mã hồ sơ ${receipt.code}.`)
  })

  it('withdrawn and stopped: confirmation; the reason of a stop and whom to ask', () => {
    const withdrawn = setup()
    expect(words(withdrawn.tell({ type: 'withdraw', at: vn('07-01', '10:00') }), 'vi')).toContain('Bạn không cần làm gì thêm. Nếu vẫn cần thủ tục này, hãy nộp hồ sơ mới.')
    const stopped = setup()
    received(stopped.script, stopped.tell)
    const notice = stopped.tell({ type: 'stop', at: vn('07-03', '10:00'), reason: 'Người yêu cầu đề nghị dừng' })
    expect(notice?.kind).toBe('stopped')
    expect(words(notice, 'vi')).toContain('Lý do: Người yêu cầu đề nghị dừng')
    expect(words(notice, 'vi')).toContain('Nếu cần làm rõ, hãy liên hệ Sở Tư pháp tỉnh Thái Nguyên')
  })

  it('tells nothing for steps inside the agency (a transfer, an opinion)', () => {
    const { script, tell } = setup()
    received(script, tell)
    tell({ type: 'startProcessing', at: vn('07-02', '09:00'), unit: '000.00.01.H55' })
    expect(tell({ type: 'transfer', at: vn('07-02', '10:00'), toUnit: 'H55.242' })).toBeUndefined()
    expect(tell({ type: 'recordOpinion', at: vn('07-02', '11:00'), opinion: 'Đủ điều kiện' })).toBeUndefined()
  })
})
