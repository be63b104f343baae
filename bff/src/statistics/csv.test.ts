import { describe, expect, it } from 'vitest'
import type { Statistics, StatisticsGroup } from '@portal/shared/statistics/schema'
import { BOM, csvCell, statisticsCsv } from './csv.ts'

const group = (over: Partial<StatisticsGroup> = {}): StatisticsGroup => ({
  agency: { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên', nameEn: 'Department of Justice' },
  received: 6,
  processed: 5,
  early: 2,
  onTime: 1,
  late: 2,
  inProgress: 1,
  ratings: { 'very-satisfied': 1, satisfied: 0, unsatisfied: 1 },
  indices: { totalTime: 1, unitTime: null, contacts: 2, agencies: 2, oneStop: 1.8, publication: 2, attitude: 1, feedback: null, online: 2 },
  total: 13.5,
  grade: 'good',
  ...over,
})

const stats = (groupBy: Statistics['groupBy'], groups: StatisticsGroup[]): Statistics => ({
  groupBy,
  from: '2026-03',
  to: '2026-04',
  computedAt: '2026-04-15T10:00:00+07:00',
  groups,
  totals: { received: 0, processed: 0, early: 0, onTime: 0, late: 0, inProgress: 0 },
})

/** A minimal RFC 4180 reader, to check that what we write reads back as the cells we meant. */
function parse(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (quoted && ch === '"') {
      quoted = false
    } else if (quoted) {
      cell += ch
    } else if (ch === '"') {
      quoted = true
    } else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else {
      cell += ch
    }
  }
  return rows
}

describe('statisticsCsv', () => {
  it('starts with a BOM, has a Vietnamese header and one row per group, CRLF-ended', () => {
    const csv = statisticsCsv(stats('agency', [group(), group({ agency: { code: '000.00.D8.H55', name: 'UBND phường Phan Đình Phùng', nameEn: 'Ward' }, total: null, grade: null })]))
    expect(csv.startsWith(BOM)).toBe(true)
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    expect(csv.endsWith('\r\n')).toBe(true)
    const rows = parse(csv.slice(1))
    expect(rows).toHaveLength(3)
    expect(rows[0]!.slice(0, 8)).toEqual(['Mã cơ quan', 'Cơ quan', 'Số hồ sơ tiếp nhận', 'Số hồ sơ đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Đang giải quyết'])
    expect(rows[0]!.slice(-4)).toEqual(['8. Tiếp nhận, xử lý phản ánh, kiến nghị đúng hạn', '9. Cung cấp dịch vụ công trực tuyến', 'Tổng điểm', 'Xếp loại'])
    expect(rows[0]).toContain('Rất hài lòng')
    expect(rows[1]).toEqual(['000.00.01.H55', 'Sở Tư pháp tỉnh Thái Nguyên', '6', '5', '2', '1', '2', '1', '1', '0', '1', '1', '', '2', '2', '1.8', '2', '1', '', '2', '13.5', 'Tốt'])
    expect(rows[2]!.slice(0, 2)).toEqual(['000.00.D8.H55', 'UBND phường Phan Đình Phùng'])
    expect(rows[2]!.slice(-2)).toEqual(['', ''])
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true)
  })

  it('adds the month or the field columns for those groupings', () => {
    const byMonth = parse(statisticsCsv(stats('agency-month', [group({ month: '2026-03' })])).slice(1))
    expect(byMonth[0]!.slice(0, 3)).toEqual(['Mã cơ quan', 'Cơ quan', 'Tháng'])
    expect(byMonth[1]!.slice(0, 3)).toEqual(['000.00.01.H55', 'Sở Tư pháp tỉnh Thái Nguyên', '2026-03'])
    const byField = parse(statisticsCsv(stats('agency-field', [group({ field: { code: 'ho-tich', name: 'Hộ tịch', nameEn: 'Civil status' } })])).slice(1))
    expect(byField[0]!.slice(0, 4)).toEqual(['Mã cơ quan', 'Cơ quan', 'Mã lĩnh vực', 'Lĩnh vực'])
    expect(byField[1]!.slice(2, 4)).toEqual(['ho-tich', 'Hộ tịch'])
  })

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('Sở "Tư pháp", Thái Nguyên')).toBe('"Sở ""Tư pháp"", Thái Nguyên"')
    expect(csvCell('Dòng 1\nDòng 2')).toBe('"Dòng 1\nDòng 2"')
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell(-1)).toBe('-1')
    expect(csvCell(null)).toBe('')
    const tricky = 'UBND xã "Đại Phúc", huyện Đông Hỷ'
    const rows = parse(statisticsCsv(stats('agency', [group({ agency: { code: '000.02.01.H55', name: tricky, nameEn: 'x' } })])).slice(1))
    expect(rows[1]!.slice(0, 2)).toEqual(['000.02.01.H55', tricky])
  })
})
