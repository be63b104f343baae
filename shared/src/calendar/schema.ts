/**
 * What administrators send to edit the holiday table (design.md decision 13) and what the BFF
 * answers. The table itself is `HolidayTable` (lifecycle/holidays.ts): a period it speaks for and
 * the days in it that differ from "Monday to Friday worked". A day is either off (a holiday, its
 * compensatory day, a day swapped to make a long break) or worked (a Saturday worked in exchange,
 * or a weekday explicitly kept): that is all a due date needs (`off`), the `name` says which.
 */
import * as v from 'valibot'
import { isIsoDate } from '../forms/dates.ts'
import type { HolidayEntry, HolidayTable } from '../lifecycle/holidays.ts'

/** A real calendar day `yyyy-mm-dd` between 2000 and 2099 (2025-02-30 and 0025-01-01 are refused). */
export const CalendarDateSchema = v.pipe(
  v.string(),
  v.regex(/^20\d{2}-\d{2}-\d{2}$/, 'must be a day yyyy-mm-dd between 2000 and 2099'),
  v.check(isIsoDate, 'not a day of the calendar'),
)

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `at most ${max} characters`))

/** A day name as announced, e.g. "Tết Bính Ngọ (mùng 1)", "Làm bù cho thứ Hai 27/1". */
export const HolidayNameSchema = text(200)
/** The text it comes from, e.g. "Thông báo 6150/TB-LĐTBXH (12/11/2024)". */
export const HolidaySourceSchema = text(300)

export const HolidayInputSchema = v.strictObject({
  date: CalendarDateSchema,
  /** true: nobody works; false: a weekend day worked (or a weekday kept). */
  off: v.boolean(),
  name: HolidayNameSchema,
  source: HolidaySourceSchema,
  /** Not yet confirmed by an official text (a proposal, or not announced). */
  provisional: v.optional(v.boolean()),
})

/** A change to a day: any of its facts but the date (another date is another day). */
export const HolidayChangeSchema = v.pipe(
  v.strictObject({
    off: v.optional(v.boolean()),
    name: v.optional(HolidayNameSchema),
    source: v.optional(HolidaySourceSchema),
    provisional: v.optional(v.boolean()),
  }),
  v.check((change) => Object.keys(change).length > 0, 'nothing to change'),
)

/** Confirming a provisional day, optionally naming the official text that settled it. */
export const HolidayConfirmSchema = v.strictObject({ source: v.optional(HolidaySourceSchema) })

/** The period the table speaks for: every day off in it is listed. */
export const HolidayPeriodSchema = v.pipe(
  v.strictObject({ from: CalendarDateSchema, until: CalendarDateSchema }),
  v.check(({ from, until }) => from <= until, 'from must not be after until'),
)

export const HolidayDateParamSchema = v.object({ date: CalendarDateSchema })

/** One day as the admin API answers it: the shared entry, and who last changed it. */
export interface HolidayDay extends HolidayEntry {
  updatedAt: string
  /** `sub` of the administrator, or 'seed'. */
  updatedBy: string
}

/** GET /api/admin/holidays. `revision` moves with every change. */
export interface HolidayTableView extends Pick<HolidayTable, 'from' | 'until'> {
  revision: number
  days: HolidayDay[]
}

export type HolidayInput = v.InferOutput<typeof HolidayInputSchema>
export type HolidayChange = v.InferOutput<typeof HolidayChangeSchema>
export type HolidayPeriod = v.InferOutput<typeof HolidayPeriodSchema>
