import { describe, expect, it } from 'vitest'
import { PageSizes, PDFDocument } from 'pdf-lib'
import { registered } from '@portal/shared/lifecycle/machine'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import { pdfText } from '../../dossiers/pdf-text.test-support.ts'
import { MOTTO, NATION } from '../layout.ts'
import { at, fullLife, issuer, lived, RECEIVING_UNIT, sampleReceipt } from '../testing.ts'
import { renderRegister, REGISTER_TITLE, type RegisterEntry } from './register.ts'

const code = (n: number) => `000.00.01.H55-2603${String(2 + Math.floor(n / 100)).padStart(2, '0')}-${String(n).padStart(4, '0')}`

function entry(n: number, events: LifeEvent[] = [], name = `Người nộp số ${n}`): RegisterEntry {
  return {
    code: code(n),
    receipt: sampleReceipt({ code: code(n), applicant: { name }, receivedAt: at('02', '08:30') }),
    state: events.length ? lived(events).state : registered(at('02', '08:30')),
  }
}

const base = { issuer, portalName: 'Cổng Dịch vụ công tỉnh Thái Nguyên', from: '2026-03-01', to: '2026-03-31', printedAt: at('25', '10:00') }

async function read(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes)
  const text = await pdfText(bytes)
  return { doc, sizes: doc.getPages().map((p) => [p.getWidth(), p.getHeight()]), text, flat: text.replace(/\s+/g, ' ') }
}

describe('the register (Mẫu 06)', () => {
  it('is A4 landscape with the national header, the agency, the range and one row per dossier with its facts', async () => {
    const entries = [
      entry(1, fullLife(), 'Trần Văn Hùng'),
      entry(2, [{ type: 'refuse', at: at('02', '09:00'), reasons: ['Không thuộc thẩm quyền'] }]),
      entry(3, [{ type: 'receive', at: at('02', '09:00'), unit: RECEIVING_UNIT, processingTime: { amount: 10, unit: 'working-days' } }]),
      { ...entry(4), externalCode: 'TN-2026-000123' },
    ]
    const { doc, sizes, text, flat } = await read(await renderRegister({ ...base, entries }))
    expect(sizes).toEqual([[PageSizes.A4[1], PageSizes.A4[0]]])
    expect(doc.getKeywords()).toContain('Mẫu số 06')
    expect(text).toContain(NATION)
    expect(text).toContain(MOTTO)
    expect(text).toContain(REGISTER_TITLE)
    expect(flat).toContain('Sở Tư pháp tỉnh Thái Nguyên — Từ ngày 01/03/2026 đến ngày 31/03/2026')
    expect(flat).toContain('Số hồ sơ: 4.')
    for (const n of [1, 2, 3, 4]) expect(text).toContain(code(n))
    expect(flat).toContain('TN-2026-000123')
    expect(flat).toContain('Trần Văn Hùng')
    expect(flat).toContain('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam (2.000488)')
    // Dossier 1: received 02/03, handed to the unit 02/03, due (after the apology) 20/03, returned 20/03 on time.
    expect(flat).toContain('08:30 02/03/2026')
    expect(flat).toContain('17:00 20/03/2026')
    expect(flat).toContain('02/03/2026 Phòng Hành chính tư pháp')
    expect(flat).toContain('Đã trả kết quả')
    expect(flat).toContain('Đã xin lỗi, hẹn lại ngày trả')
    expect(flat).toContain('Trả kết quả đúng hạn')
    // Dossier 2: refused, with the reason.
    expect(flat).toContain('Không được tiếp nhận Lý do: Không thuộc thẩm quyền')
    // Dossier 3: due 16/03, not returned by the 25th: overdue.
    expect(flat).toContain('Được tiếp nhận')
    expect(flat).toContain('Quá hạn')
    expect(flat).toContain('Mới đăng ký')
    expect(flat).toContain('Trang 1/1')
  })

  it('runs over several numbered pages with the header row on each, losing no dossier', async () => {
    const entries = Array.from({ length: 150 }, (_, i) => entry(i + 1))
    const { sizes, text } = await read(await renderRegister({ ...base, entries }))
    expect(sizes.length).toBeGreaterThan(3)
    expect(sizes.every(([w, h]) => w === PageSizes.A4[1] && h === PageSizes.A4[0])).toBe(true)
    for (let n = 1; n <= 150; n++) expect(text).toContain(code(n))
    expect(text.match(/^Mã hồ sơ$/gm)).toHaveLength(sizes.length)
    expect(text).toContain(`Trang ${sizes.length}/${sizes.length}`)
  })

  it('says so when no dossier was registered in the range', async () => {
    const { sizes, flat } = await read(await renderRegister({ ...base, entries: [] }))
    expect(sizes).toHaveLength(1)
    expect(flat).toContain('Không có hồ sơ nào trong khoảng thời gian này.')
    expect(flat).toContain('Số hồ sơ: 0.')
  })
})
