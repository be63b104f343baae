import { describe, expect, it } from 'vitest'
import { documentDate, documentDateTime, processingTimeText, shortDate, shortDateTime } from './dates.ts'

describe('dates on the slips', () => {
  it('write the day and the months 1 and 2 with a leading zero, as administrative documents do (NĐ 30/2020)', () => {
    expect(documentDate('2026-02-05T10:00:00+07:00')).toBe('ngày 05 tháng 02 năm 2026')
    expect(documentDate('2026-07-15T10:00:00+07:00')).toBe('ngày 15 tháng 7 năm 2026')
    expect(documentDate('2026-12-01T10:00:00+07:00')).toBe('ngày 01 tháng 12 năm 2026')
  })

  it('are in Vietnam time whatever the offset of the instant', () => {
    expect(documentDateTime('2026-06-30T17:30:00Z')).toBe('00 giờ 30 phút, ngày 01 tháng 7 năm 2026')
    expect(shortDateTime('2026-06-30T17:30:00Z')).toBe('00:30 01/07/2026')
    expect(shortDate('2026-12-31T16:59:00Z')).toBe('31/12/2026')
    expect(shortDate('2026-12-31T17:00:00Z')).toBe('01/01/2027')
  })

  it('say a processing time in words', () => {
    expect(processingTimeText({ amount: 10, unit: 'working-days' })).toBe('10 ngày làm việc')
    expect(processingTimeText({ amount: 2.5, unit: 'working-days' })).toBe('2,5 ngày làm việc')
    expect(processingTimeText({ amount: 7, unit: 'days' })).toBe('7 ngày')
    expect(processingTimeText({ amount: 16, unit: 'hours' })).toBe('16 giờ làm việc')
  })
})
