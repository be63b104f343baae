/**
 * Dates and times as the slips print them: Vietnam time (UTC+7 all year, no daylight saving),
 * in the style of administrative documents (NĐ 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the
 * months 1 and 2 take a leading zero: "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 7 năm 2026").
 */
import type { ProcessingTimeRule } from '@portal/shared/lifecycle/working-days'

const OFFSET_MS = 7 * 3600_000
const pad = (n: number) => String(n).padStart(2, '0')

function wall(iso: string) {
  const w = new Date(Date.parse(iso) + OFFSET_MS)
  return { year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes() }
}

/** @example documentDate('2026-02-05T10:00:00+07:00') === 'ngày 05 tháng 02 năm 2026' */
export function documentDate(iso: string): string {
  const { year, month, day } = wall(iso)
  return `ngày ${pad(day)} tháng ${month <= 2 ? pad(month) : month} năm ${year}`
}

/** @example documentDateTime('2025-03-03T09:05:00+07:00') === '09 giờ 05 phút, ngày 03 tháng 3 năm 2025' */
export function documentDateTime(iso: string): string {
  const { hour, minute } = wall(iso)
  return `${pad(hour)} giờ ${pad(minute)} phút, ${documentDate(iso)}`
}

/** For table cells. @example shortDate('2025-03-03T09:05:00+07:00') === '03/03/2025' */
export function shortDate(iso: string): string {
  const { year, month, day } = wall(iso)
  return `${pad(day)}/${pad(month)}/${year}`
}

/** For table cells. @example shortDateTime('2025-03-03T09:05:00+07:00') === '09:05 03/03/2025' */
export function shortDateTime(iso: string): string {
  const { hour, minute } = wall(iso)
  return `${pad(hour)}:${pad(minute)} ${shortDate(iso)}`
}

const UNIT_WORDS: Record<ProcessingTimeRule['unit'], string> = { 'working-days': 'ngày làm việc', days: 'ngày', hours: 'giờ làm việc' }

/** @example processingTimeText({ amount: 2.5, unit: 'working-days' }) === '2,5 ngày làm việc' */
export function processingTimeText({ amount, unit }: ProcessingTimeRule): string {
  return `${String(amount).replace('.', ',')} ${UNIT_WORDS[unit]}`
}
