import { describe, expect, it } from 'vitest'
import { decodePDFRawStream, PageSizes, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import { addresses } from '../dossiers/addresses.ts'
import { pdfText } from '../dossiers/pdf-text.test-support.ts'
import { issuedSlips, type IssuedSlip, type SlipForm } from './issued.ts'
import { MOTTO, NATION } from './layout.ts'
import { renderSlip } from './render.ts'
import { at, context, fullLife, lived, RECEIVING_UNIT, sampleReceipt, table } from './testing.ts'

const tenDays = { amount: 10, unit: 'working-days' } as const
const receive: LifeEvent = { type: 'receive', at: at('02', '09:00'), unit: RECEIVING_UNIT, processingTime: tenDays }

function slipOf(events: LifeEvent[], form: SlipForm): IssuedSlip {
  const slip = issuedSlips(lived(events).state, table).get(form)
  if (!slip) throw new Error(`no Mẫu ${form}`)
  return slip
}

/**
 * The PDF loaded back, its pages' sizes, its text, and the text with line breaks as spaces and
 * the page footers (drawn last on each page) left out, so wrapped text reads whole across pages.
 */
async function read(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes)
  const text = await pdfText(bytes)
  const body = text.split('\n').filter((line) => !/ — Trang \d+\/\d+$/.test(line))
  return { doc, sizes: doc.getPages().map((p) => [p.getWidth(), p.getHeight()]), text, flat: body.join(' ').replace(/\s+/g, ' ') }
}

/** Filled paths on the first page (pdf-lib draws each rectangle as one closed, filled path). */
function filledPaths(doc: PDFDocument): number {
  const contents = doc.getPage(0).node.Contents()
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents]
  const text = streams.map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : '')).join('\n')
  return (text.match(/\nh\nf\n/g) ?? []).length
}

async function render(events: LifeEvent[], form: SlipForm, receipt = sampleReceipt()) {
  return read(await renderSlip(context(receipt), slipOf(events, form), addresses()))
}

describe('every slip', () => {
  const lives: Record<SlipForm, LifeEvent[]> = {
    1: [receive],
    2: [receive, { type: 'requestSupplement', at: at('03', '10:00'), items: [{ componentId: 'c2', description: 'Ảnh chụp mờ' }] }],
    3: [{ type: 'refuse', at: at('02', '09:00'), reasons: ['Không thuộc thẩm quyền'] }],
    4: fullLife(),
    5: fullLife(),
  }
  for (const form of [1, 2, 3, 4, 5] as const) {
    it(`Mẫu 0${form} is a valid A5 PDF with the national header, the issuer, the form number and the code (text, QR, metadata)`, async () => {
      const receipt = sampleReceipt()
      const { doc, sizes, text, flat } = await render(lives[form], form, receipt)
      expect(sizes).toEqual([PageSizes.A5])
      expect(doc.getSubject()).toBe(receipt.code)
      expect(doc.getTitle()).toContain(receipt.code)
      expect(doc.getKeywords()).toContain(`Mẫu số 0${form}`)
      expect(text).toContain(NATION)
      expect(text).toContain(MOTTO)
      expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN')
      expect(text).toContain('SỞ TƯ PHÁP TỈNH THÁI NGUYÊN')
      expect(flat).toContain(`Mẫu số 0${form}`)
      expect(text).toContain(receipt.code)
      // The applicant's name was given decomposed (NFD): it is drawn composed.
      if (form !== 5) expect(flat).toContain('Nguyễn Thị Bích Ngọc'.normalize('NFC'))
      // The QR code is drawn as filled squares on the first page: well over a hundred rectangles.
      expect(filledPaths(doc)).toBeGreaterThan(100)
    })
  }
})

describe('Mẫu 01, receipt and appointment', () => {
  it('says what was received, when, the processing time, the appointment and where the result is returned', async () => {
    const { flat } = await render([receive], 1)
    expect(flat).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ')
    expect(flat).toContain('Thái Nguyên, ngày 02 tháng 3 năm 2026')
    expect(flat).toContain('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp')
    expect(flat).toContain('Bản chụp giấy tờ tùy thân')
    expect(flat).toContain('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam (mã thủ tục 2.000488)')
    expect(flat).toContain('Thời gian giải quyết hồ sơ theo quy định: 10 ngày làm việc')
    expect(flat).toContain('Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 02 tháng 3 năm 2026')
    expect(flat).toContain('Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 16 tháng 3 năm 2026')
    expect(flat).toContain('Số 12 đường Hoàng Văn Thụ')
    expect(flat).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ')
  })

  it('prints times in Vietnam time whatever offset the instants carry', async () => {
    const { flat } = await render([{ ...receive, at: '2026-03-02T02:00:00Z' } as LifeEvent], 1)
    expect(flat).toContain('Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 02 tháng 3 năm 2026')
  })
})

describe('Mẫu 02, supplement request', () => {
  it('lists every item with its component, and flows onto more pages when the list is long', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      ...(i % 2 === 0 ? { componentId: 'c2' } : {}),
      description: `Mục ${i + 1}: bổ sung bản chụp rõ nét, đủ bốn góc, của giấy tờ số ${i + 1} theo hướng dẫn tại quầy`,
    }))
    const { sizes, text, flat } = await render([receive, { type: 'requestSupplement', at: at('03', '10:00'), items }], 2)
    expect(sizes.length).toBeGreaterThan(1)
    expect(sizes.every((s) => s[0] === PageSizes.A5[0] && s[1] === PageSizes.A5[1])).toBe(true)
    expect(flat).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ')
    for (let i = 1; i <= 40; i++) expect(flat).toContain(`Mục ${i}: bổ sung`)
    expect(flat).toContain('1. Bản chụp giấy tờ tùy thân: Mục 1')
    expect(flat).toContain('2. Mục 2')
    expect(text).toContain(`Mã hồ sơ ${sampleReceipt().code} — Trang ${sizes.length}/${sizes.length}`)
    expect(flat).toContain('Thời hạn giải quyết tạm dừng')
    expect(flat).toContain('Bộ phận tiếp nhận và trả kết quả — Sở Tư pháp tỉnh Thái Nguyên, Số 6 đường Nha Trang, phường Phan Đình Phùng, điện thoại 0208 3855 123')
  })
})

describe('Mẫu 03, refusal', () => {
  it('gives each reason', async () => {
    const reasons = ['Thủ tục không thuộc thẩm quyền giải quyết của Sở Tư pháp', 'Người yêu cầu đã được cấp Phiếu trong cùng ngày']
    const { flat } = await render([{ type: 'refuse', at: at('02', '09:00'), reasons }], 3)
    expect(flat).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ')
    expect(flat).toContain(`1. ${reasons[0]}`)
    expect(flat).toContain(`2. ${reasons[1]}`)
    expect(flat).toContain('Qua xem xét, Sở Tư pháp tỉnh Thái Nguyên thông báo không tiếp nhận')
  })

  it('wraps a long reason and loses none of it', async () => {
    const reason = `${'Hồ sơ không đáp ứng điều kiện theo quy định của pháp luật hiện hành '.repeat(40)}(hết).`
    const { flat } = await render([{ type: 'refuse', at: at('02', '09:00'), reasons: [reason] }], 3)
    expect(flat).toContain(reason.replace(/\s+/g, ' '))
  })
})

describe('Mẫu 04, apology', () => {
  it('gives the reason, the missed date and the new one', async () => {
    const { flat } = await render(fullLife(), 4)
    expect(flat).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ')
    expect(flat).toContain('Ngày 02 tháng 3 năm 2026, Sở Tư pháp tỉnh Thái Nguyên tiếp nhận')
    expect(flat).toContain('Lý do: Chờ kết quả xác minh của Công an tỉnh')
    expect(flat).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 16 tháng 3 năm 2026')
    expect(flat).toContain('vào: 17 giờ 00 phút, ngày 20 tháng 3 năm 2026')
    expect(flat).toContain('Thái Nguyên, ngày 12 tháng 3 năm 2026')
  })
})

describe('Mẫu 05, control slip', () => {
  it('has a row per step with the units, the times and whether on time', async () => {
    const { flat } = await render(fullLife(), 5)
    expect(flat).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ')
    expect(flat).toContain('Giao: Sở Tư pháp tỉnh Thái Nguyên Nhận: Phòng Hành chính tư pháp')
    expect(flat).toContain('Giao: Phòng Hành chính tư pháp Nhận: Phòng Bổ trợ tư pháp')
    expect(flat).toContain('10:00 02/03/2026')
    expect(flat).toContain('14:00 04/03/2026')
    expect(flat).toContain('Xác minh nhân thân')
    expect(flat).toContain('Trước hạn')
    expect(flat).toContain('Đúng hạn')
    expect(flat).toContain('Trả kết quả: Bộ phận tiếp nhận và trả kết quả Nhận: Nguyễn Thị Bích Ngọc')
  })

  it('marks a late handover', async () => {
    const { flat } = await render([receive, { type: 'startProcessing', at: at('17', '08:00'), unit: '000.00.D1.H55' }], 5)
    expect(flat).toContain('Quá hạn')
  })

  it('flows over pages with the header repeated when the dossier passed through many units, and splits a row taller than a page', async () => {
    const units = ['000.00.D1.H55', '000.00.D2.H55']
    const transfers: LifeEvent[] = Array.from({ length: 60 }, (_, i) => ({
      type: 'transfer',
      at: `2026-03-03T${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}:00+07:00`,
      toUnit: units[i % 2]!,
      note: i === 30 ? `${'Ý kiến thẩm định chi tiết của phòng chuyên môn. '.repeat(45)}HẾT` : `Lượt ${i + 1}`,
    }))
    const { sizes, text, flat } = await render([receive, { type: 'startProcessing', at: at('02', '10:00'), unit: '000.00.D2.H55' }, ...transfers], 5)
    expect(sizes.length).toBeGreaterThan(2)
    expect(sizes.every((s) => s[0] === PageSizes.A5[0])).toBe(true)
    expect(text.match(/^TÊN CƠ QUAN$/gm)).toHaveLength(sizes.length)
    for (const n of [1, 30, 60]) expect(flat).toMatch(new RegExp(`Lượt ${n}(?!\\d)`))
    expect(flat).toContain('phòng chuyên môn. HẾT')
  })
})
