/**
 * The public statistics of the one-stop-shop's work (issue 7): per agency (or agency and month,
 * or agency and field) over a range of months, how many dossiers were received, processed
 * (early, on time, late) and are in progress, the applicants' ratings, and the indices of
 * TT 01/2018 Art. 13 with the total and grade of Art. 15 (shared/src/evaluation).
 *
 *   GET /api/statistics?groupBy=agency|agency-month|agency-field&from=YYYY-MM&to=YYYY-MM
 *   GET /api/statistics.csv?<the same>   (UTF-8 with BOM, one row per group)
 *
 * Counting rules (bff/src/statistics/count.ts): a dossier is *received* in the month of its
 * first receipt by the one-stop-shop; *processed* in the month it was finished (the result
 * returned, or refused after receipt), judged early / on time / late against its due date;
 * *in progress* at the end of a month (or now) when received by then and not yet finished,
 * withdrawn or stopped.
 */
import * as v from 'valibot'
import { GRADES, INDEX_KEYS, SATISFACTION_LEVELS } from '../evaluation/types.ts'

export const GROUP_BYS = ['agency', 'agency-month', 'agency-field'] as const
export type StatisticsGroupBy = (typeof GROUP_BYS)[number]

/** The longest range one request may ask for, in months. */
export const STATISTICS_MAX_MONTHS = 60

export const MONTH = /^(19|20)\d\d-(0[1-9]|1[0-2])$/
const MonthSchema = v.pipe(v.string(), v.regex(MONTH, 'a month: YYYY-MM'))

/** The query of both routes; `from`/`to` default to the twelve months up to the current one. */
export const StatisticsQuerySchema = v.pipe(
  v.object({
    groupBy: v.optional(v.picklist(GROUP_BYS), 'agency'),
    from: v.optional(MonthSchema),
    to: v.optional(MonthSchema),
  }),
  v.check((q) => !q.from || !q.to || q.from <= q.to, 'from must not be after to'),
)
export type StatisticsQuery = v.InferOutput<typeof StatisticsQuerySchema>

const Count = v.pipe(v.number(), v.integer(), v.minValue(0))
const Named = v.object({ code: v.string(), name: v.string(), nameEn: v.string() })

export const StatisticsCountsSchema = v.object({
  received: Count,
  processed: Count,
  /** Processed before the due day, on it (by the due time), after it; a dossier without a due date is in none. */
  early: Count,
  onTime: Count,
  late: Count,
  inProgress: Count,
})
export type StatisticsCounts = v.InferOutput<typeof StatisticsCountsSchema>

export const StatisticsGroupSchema = v.object({
  ...StatisticsCountsSchema.entries,
  agency: Named,
  /** `YYYY-MM`, for groupBy agency-month. */
  month: v.optional(MonthSchema),
  /** The procedures' field (lĩnh vực), for groupBy agency-field. */
  field: v.optional(Named),
  ratings: v.object(Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, Count])) as Record<(typeof SATISFACTION_LEVELS)[number], typeof Count>),
  /** Each index of Art. 13, one decimal, null where no dossier of the group could be judged on it. */
  indices: v.object(Object.fromEntries(INDEX_KEYS.map((k) => [k, v.nullable(v.number())])) as Record<(typeof INDEX_KEYS)[number], v.NullableSchema<v.NumberSchema<undefined>, undefined>>),
  total: v.nullable(v.number()),
  grade: v.nullable(v.picklist(GRADES)),
})
export type StatisticsGroup = v.InferOutput<typeof StatisticsGroupSchema>

export const StatisticsSchema = v.object({
  groupBy: v.picklist(GROUP_BYS),
  from: MonthSchema,
  to: MonthSchema,
  /** When the figures were computed (they are cached for a minute). */
  computedAt: v.string(),
  groups: v.array(StatisticsGroupSchema),
  totals: StatisticsCountsSchema,
})
export type Statistics = v.InferOutput<typeof StatisticsSchema>
