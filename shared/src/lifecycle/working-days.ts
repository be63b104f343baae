/**
 * Due dates in Vietnam time (UTC+7, no daylight saving), counted over the holiday table.
 *
 * Rules (docs/lifecycle.md gives the cases):
 * - Effective receipt: a dossier received on a working day before 15:00 counts from that day; one
 *   received at or after 15:00, or on a day off, counts from the next working day (it reaches the
 *   deciding unit only then: NĐ 61/2018, transfer the same day or the next morning).
 * - Working days and calendar days: the day of receipt is not counted (Bộ luật Dân sự 2015
 *   Art. 147); the due time is the end of office hours (17:00) of the last day. A calendar-day
 *   limit ending on a day off moves to the next working day (BLDS Art. 148). 0 days means the
 *   end of the receipt day. A fractional working-day count becomes working hours (8 per day).
 * - Hours are office hours (07:30–11:30, 13:00–17:00) of working days, from the effective receipt.
 * - Past either end of the table weekends still count but holidays are unknown: the answer carries
 *   `beyondTable` and the caller logs it (design.md decision 13). Provisional table entries crossed
 *   are listed in `provisional`.
 *
 * Dates are `yyyy-mm-dd` strings; instants are ISO 8601 strings with an offset, or Dates.
 */
import type { HolidayTable } from './holidays.ts'

export type { HolidayEntry, HolidayTable } from './holidays.ts'

const OFFSET_MS = 7 * 3600_000
const DAY_MS = 86_400_000
/** Minutes after midnight, Vietnam time. */
export const OFFICE_HOURS: readonly (readonly [number, number])[] = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60, 17 * 60],
]
export const TRANSFER_CUTOFF = 15 * 60
const OPENING = OFFICE_HOURS[0]![0]
const CLOSING = OFFICE_HOURS[OFFICE_HOURS.length - 1]![1]
const HOURS_PER_DAY = OFFICE_HOURS.reduce((sum, [from, to]) => sum + (to - from), 0) / 60

export type Instant = string | Date | number

export interface ProcessingTimeRule {
  amount: number
  unit: 'working-days' | 'days' | 'hours'
}

/** What a count relied on: past the table, or on entries nobody has confirmed. */
export interface Certainty {
  beyondTable: boolean
  /** Provisional table dates the count crossed (see holidays.ts). */
  provisional: string[]
}

export interface DueDate extends Certainty {
  /** ISO 8601 with +07:00. */
  dueAt: string
  /** The day the count starts from (the effective receipt day). */
  countFrom: string
}

export function toMs(instant: Instant): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : typeof instant === 'number' ? instant : instant.getTime()
  if (Number.isNaN(ms) || (typeof instant === 'string' && !/(Z|[+-]\d{2}:\d{2})$/.test(instant))) {
    throw new RangeError(`not an instant with an offset: ${String(instant)}`)
  }
  return ms
}

/** The calendar date in Vietnam of an instant. */
export function vietnamDate(instant: Instant): string {
  return new Date(toMs(instant) + OFFSET_MS).toISOString().slice(0, 10)
}

function vietnamMinutes(ms: number): number {
  return Math.floor(((ms + OFFSET_MS) % DAY_MS) / 60_000)
}

/** `yyyy-mm-dd` at `minutes` after midnight, Vietnam time, as ISO with +07:00. */
export function vietnamIso(date: string, minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
  const mm = String(minutes % 60).padStart(2, '0')
  return `${date}T${hh}:${mm}:00+07:00`
}

export function addCalendarDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6
}

/** Whether `date` is worked; `certainty` (when given) collects what the answer relied on. */
export function isWorkingDay(date: string, table: HolidayTable, certainty?: Certainty): boolean {
  if (date < table.from || date > table.until) {
    if (certainty) certainty.beyondTable = true
    return !isWeekend(date)
  }
  const entry = table.days.find((d) => d.date === date)
  if (!entry) return !isWeekend(date)
  if (entry.provisional && certainty && !certainty.provisional.includes(date)) certainty.provisional.push(date)
  return !entry.off
}

function step(date: string, direction: 1 | -1, table: HolidayTable, certainty?: Certainty): string {
  let d = addCalendarDays(date, direction)
  while (!isWorkingDay(d, table, certainty)) d = addCalendarDays(d, direction)
  return d
}

export function nextWorkingDay(date: string, table: HolidayTable, certainty?: Certainty): string {
  return step(date, 1, table, certainty)
}

export function previousWorkingDay(date: string, table: HolidayTable, certainty?: Certainty): string {
  return step(date, -1, table, certainty)
}

/**
 * The n-th working day after `start` (start itself not counted; n = 0 gives `start`).
 * @example addWorkingDays('2025-01-24', 1, HOLIDAYS_2025_2027).date // '2025-02-03' (Tết)
 */
export function addWorkingDays(start: string, n: number, table: HolidayTable): Certainty & { date: string } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`)
  const certainty: Certainty = { beyondTable: false, provisional: [] }
  let date = start
  for (let i = 0; i < n; i++) date = nextWorkingDay(date, table, certainty)
  return { date, ...certainty }
}

/** `hours` office hours after `start`, skipping nights, lunch and days off. */
export function addHours(start: Instant, hours: number, table: HolidayTable): Certainty & { at: string } {
  if (!(hours >= 0)) throw new RangeError(`hours must be ≥ 0: ${hours}`)
  const certainty: Certainty = { beyondTable: false, provisional: [] }
  const startMs = toMs(start)
  let date = vietnamDate(startMs)
  let cursor = vietnamMinutes(startMs)
  let remaining = Math.round(hours * 60)
  if (!isWorkingDay(date, table, certainty)) [date, cursor] = [nextWorkingDay(date, table, certainty), 0]
  for (;;) {
    for (const [from, to] of OFFICE_HOURS) {
      const begin = Math.max(from, cursor)
      const available = Math.max(0, to - begin)
      if (remaining <= available && (remaining > 0 || begin < to)) return { at: vietnamIso(date, begin + remaining), ...certainty }
      remaining -= available
    }
    ;[date, cursor] = [nextWorkingDay(date, table, certainty), 0]
  }
}

/** The effective receipt: the day the count starts from and the instant hours count from. */
export function effectiveReceipt(receivedAt: Instant, table: HolidayTable, certainty?: Certainty): { date: string; at: string } {
  const ms = toMs(receivedAt)
  const date = vietnamDate(ms)
  const minutes = vietnamMinutes(ms)
  if (isWorkingDay(date, table, certainty) && minutes < TRANSFER_CUTOFF) {
    return { date, at: vietnamIso(date, Math.max(minutes, OPENING)) }
  }
  const next = nextWorkingDay(date, table, certainty)
  return { date: next, at: vietnamIso(next, OPENING) }
}

/**
 * When a dossier received at `receivedAt` is due, for one processing-time option of the catalogue.
 * @example dueDate('2025-03-03T09:00:00+07:00', { amount: 5, unit: 'working-days' }, table).dueAt
 *   // '2025-03-10T17:00:00+07:00'
 */
export function dueDate(receivedAt: Instant, option: ProcessingTimeRule, table: HolidayTable): DueDate {
  const certainty: Certainty = { beyondTable: false, provisional: [] }
  const receipt = effectiveReceipt(receivedAt, table, certainty)
  const merge = (c: Certainty) => ({
    beyondTable: certainty.beyondTable || c.beyondTable,
    provisional: [...new Set([...certainty.provisional, ...c.provisional])].sort(),
  })
  const { amount, unit } = option
  if (unit === 'hours' || (unit === 'working-days' && !Number.isInteger(amount))) {
    const hours = unit === 'hours' ? amount : amount * HOURS_PER_DAY
    const r = addHours(receipt.at, hours, table)
    return { dueAt: r.at, countFrom: receipt.date, ...merge(r) }
  }
  if (unit === 'working-days') {
    const r = addWorkingDays(receipt.date, amount, table)
    return { dueAt: vietnamIso(r.date, CLOSING), countFrom: receipt.date, ...merge(r) }
  }
  const last = addCalendarDays(receipt.date, Math.ceil(amount))
  const own: Certainty = { beyondTable: false, provisional: [] }
  const date = isWorkingDay(last, table, own) ? last : nextWorkingDay(last, table, own)
  return { dueAt: vietnamIso(date, CLOSING), countFrom: receipt.date, ...merge(own) }
}

export function isOverdue(now: Instant, dueAt: Instant): boolean {
  return toMs(now) > toMs(dueAt)
}

/**
 * Not yet overdue, and today (Vietnam) is the working day before the due day or later. The due
 * date's own flags (beyondTable) were raised when it was computed.
 */
export function dueSoon(now: Instant, dueAt: Instant, table: HolidayTable): boolean {
  if (isOverdue(now, dueAt)) return false
  return vietnamDate(now) >= previousWorkingDay(vietnamDate(dueAt), table)
}
