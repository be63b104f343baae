/**
 * The holiday table (design.md decision 13): which days are off and which weekend days are
 * worked, as announced each year. Not a formula: Tết and the day beside 2/9 are chosen by the
 * Prime Minister every year, and days are swapped to make long breaks (domain.md §4b).
 *
 * A day not listed is a working day unless it is a Saturday or a Sunday. A listed day says
 * whether it is off. `provisional` marks an entry nobody has confirmed from an official text
 * (not yet announced when the seed was written, or announced only as a proposal): a due date
 * counted across one says so, and docs/lifecycle.md lists them for administrators to confirm.
 *
 * Legal basis of the fixed days: Bộ luật Lao động 2019 (BLLĐ) Art. 112.1 — 1/1, 5 days of Tết,
 * Giỗ Tổ Hùng Vương (10/3 lunar), 30/4, 1/5, 2/9 plus one day before or after; Art. 111.3 — a
 * holiday on a weekly day off gives a compensatory day on the next working day. Lunar dates were
 * computed with Hồ Ngọc Đức's algorithm for UTC+7 and checked against the announcements.
 */
export interface HolidayEntry {
  /** `yyyy-mm-dd`, in Vietnam. */
  date: string
  /** true: nobody works (holiday, compensatory or swapped day); false: a weekend day worked, or a weekday kept. */
  off: boolean
  name: string
  /** The text or announcement this entry comes from. */
  source: string
  provisional?: true
}

export interface HolidayTable {
  /** First and last day the table speaks for; a count past either end is flagged `beyondTable`. */
  from: string
  until: string
  days: HolidayEntry[]
}

const LAW = 'BLLĐ 2019 Art. 112.1'
const COMPENSATORY = 'BLLĐ 2019 Art. 111.3 (holiday on a weekend → next working day)'
// MOLISA's announcement of the 2025 breaks for public servants (Tết and 30/4–1/5 swaps).
const TB_2025 = 'Thông báo 6150/TB-LĐTBXH (12/11/2024), Thủ tướng approved'
// Bộ Nội vụ's plan for Tết Bính Ngọ (14/2–22/2/2026, 9 days), reported approved.
const TET_2026 = 'Bộ Nội vụ plan approved by the Prime Minister (Tết 2026: 14/2–22/2), press reports'
const NOT_ANNOUNCED = 'not announced when seeded: follows the law, confirm when announced'

function off(date: string, name: string, source: string, provisional?: true): HolidayEntry {
  return provisional ? { date, off: true, name, source, provisional } : { date, off: true, name, source }
}
function worked(date: string, name: string, source: string, provisional?: true): HolidayEntry {
  return provisional ? { date, off: false, name, source, provisional } : { date, off: false, name, source }
}

export const HOLIDAYS_2025_2027: HolidayTable = {
  from: '2025-01-01',
  until: '2027-12-31',
  days: [
    // 2025
    off('2025-01-01', 'Tết Dương lịch', LAW),
    off('2025-01-27', 'Tết Ất Tỵ (swapped with Sat 15/2)', TB_2025),
    off('2025-01-28', 'Tết Ất Tỵ (29 tháng Chạp)', LAW),
    off('2025-01-29', 'Tết Ất Tỵ (mùng 1)', LAW),
    off('2025-01-30', 'Tết Ất Tỵ (mùng 2)', LAW),
    off('2025-01-31', 'Tết Ất Tỵ (mùng 3)', LAW),
    worked('2025-02-15', 'Worked Saturday for Mon 27/1', TB_2025),
    off('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 Ất Tỵ)', LAW),
    worked('2025-04-26', 'Worked Saturday for Fri 2/5', TB_2025),
    off('2025-04-30', 'Ngày Chiến thắng', LAW),
    off('2025-05-01', 'Quốc tế Lao động', LAW),
    off('2025-05-02', 'Swapped with Sat 26/4', TB_2025),
    off('2025-09-01', 'Quốc khánh (adjacent day)', `${LAW}; Thủ tướng's choice for 2025`),
    off('2025-09-02', 'Quốc khánh', LAW),
    // 2026
    off('2026-01-01', 'Tết Dương lịch', LAW),
    worked('2026-01-02', 'Proposed swap for a 4-day New Year break: outcome unconfirmed', 'Bộ Nội vụ proposal (press)', true),
    off('2026-02-16', 'Tết Bính Ngọ (29 tháng Chạp)', TET_2026),
    off('2026-02-17', 'Tết Bính Ngọ (mùng 1)', TET_2026),
    off('2026-02-18', 'Tết Bính Ngọ (mùng 2)', TET_2026),
    off('2026-02-19', 'Tết Bính Ngọ (mùng 3)', TET_2026),
    off('2026-02-20', 'Tết Bính Ngọ (mùng 4)', TET_2026),
    off('2026-04-27', 'Giỗ Tổ Hùng Vương (10/3 Bính Ngọ is Sun 26/4): compensatory', COMPENSATORY),
    off('2026-04-30', 'Ngày Chiến thắng', LAW),
    off('2026-05-01', 'Quốc tế Lao động', LAW),
    // A 5-day Quốc khánh break was proposed; which side and which Saturday is worked is unknown.
    worked('2026-08-31', 'Possible swap for a 5-day Quốc khánh break', 'Bộ Nội vụ proposal (press)', true),
    off('2026-09-01', 'Quốc khánh (adjacent day, assumed before)', NOT_ANNOUNCED, true),
    off('2026-09-02', 'Quốc khánh', LAW),
    worked('2026-09-03', 'Quốc khánh adjacent day if chosen after', NOT_ANNOUNCED, true),
    worked('2026-11-24', 'Ngày Văn hóa Việt Nam: reported as a paid day off, unconfirmed', 'press reports', true),
    // 2027: nothing announced; the law's days, Tết split assumed as 29 Chạp + mùng 1–4.
    off('2027-01-01', 'Tết Dương lịch', LAW),
    off('2027-02-05', 'Tết Đinh Mùi (29 tháng Chạp)', NOT_ANNOUNCED, true),
    off('2027-02-08', 'Tết Đinh Mùi (mùng 3)', NOT_ANNOUNCED, true),
    off('2027-02-09', 'Tết Đinh Mùi (mùng 4)', NOT_ANNOUNCED, true),
    off('2027-02-10', 'Tết Đinh Mùi: compensatory for mùng 1 (Sat)', NOT_ANNOUNCED, true),
    off('2027-02-11', 'Tết Đinh Mùi: compensatory for mùng 2 (Sun)', NOT_ANNOUNCED, true),
    off('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 Đinh Mùi)', LAW),
    off('2027-04-30', 'Ngày Chiến thắng', LAW),
    off('2027-05-03', 'Quốc tế Lao động (1/5 is Sat): compensatory', COMPENSATORY),
    off('2027-09-02', 'Quốc khánh', LAW),
    off('2027-09-03', 'Quốc khánh (adjacent day, assumed after)', NOT_ANNOUNCED, true),
    worked('2027-11-24', 'Ngày Văn hóa Việt Nam: reported as a paid day off, unconfirmed', 'press reports', true),
  ],
}
