/**
 * The public statistics (issue 7; contract in shared/src/statistics/schema.ts):
 *
 *   GET /api/statistics?groupBy=&from=&to=       Statistics (JSON)
 *   GET /api/statistics.csv?groupBy=&from=&to=   the same groups as CSV (csv.ts), a download
 *   GET /thong-ke?groupBy=&from=&to=             the same as a server page (page.ts)
 *
 * No session needed. The figures are computed from every dossier's mirrored life at most once a
 * minute per query (STATISTICS_TTL_MS) and may be cached as long by browsers and proxies: they
 * change with officers' work, not with each request, and computing them reads every dossier.
 * At most STATISTICS_CACHED queries are kept; the oldest goes first.
 */
import { Hono, type Context } from 'hono'
import { compress } from 'hono/compress'
import * as v from 'valibot'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import { GROUP_BYS, MONTH, STATISTICS_MAX_MONTHS, StatisticsQuerySchema, type Statistics, type StatisticsQuery } from '@portal/shared/statistics/schema'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { vietnamIso } from '../dossiers/codes.ts'
import { HttpError, invalidInput } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Template } from '../pages/template.ts'
import { allRatings } from '../ratings/repository.ts'
import { countStatistics, monthsBetween, monthStart, nextMonth, type MonthRange } from './count.ts'
import { statisticsCsv } from './csv.ts'
import { renderStatisticsPage } from './page.ts'
import { StatisticsRepository } from './repository.ts'

export const STATISTICS_TTL_MS = 60_000
export const STATISTICS_CACHED = 64
const CACHE_CONTROL = `public, max-age=${STATISTICS_TTL_MS / 1000}`

export interface StatisticsDeps {
  db: Db
  clock: Clock
  store: CatalogStore
  holidays: () => HolidayTable
  template: Template
  /** PUBLIC_ORIGIN (the server page's canonical URL). */
  origin: string
}

/** The month `n` months before `month`. */
function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) - n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export function statisticsRoutes({ db, clock, store, holidays, template, origin }: StatisticsDeps) {
  const repository = new StatisticsRepository(db)
  const cache = new Map<string, { at: number; statistics: Statistics }>()
  const app = new Hono()

  /** The query with its range filled in: by default the twelve months up to the current one. */
  function range(query: StatisticsQuery): MonthRange {
    const current = vietnamIso(clock.now()).slice(0, 7)
    const to = query.to ?? (query.from && query.from > current ? query.from : current)
    const from = query.from ?? monthsBefore(to, 11)
    if (monthsBetween(from, to).length > STATISTICS_MAX_MONTHS) {
      throw invalidInput([{ path: 'from', message: `at most ${STATISTICS_MAX_MONTHS} months` }], `Khoảng thời gian tối đa ${STATISTICS_MAX_MONTHS} tháng.`)
    }
    return { groupBy: query.groupBy, from, to }
  }

  function statistics(r: MonthRange): Statistics {
    const key = `${r.groupBy} ${r.from} ${r.to}`
    const now = clock.now()
    const hit = cache.get(key)
    if (hit && now.getTime() - hit.at < STATISTICS_TTL_MS) return hit.statistics
    const snapshot = store.snapshot()
    const procedures = snapshot.byCode
    const agencies = new Map(snapshot.directory.agencies.map((a) => [a.code, a]))
    const fields = new Map(snapshot.fields.map((f) => [f.id, f]))
    const counted = countStatistics(
      {
        dossiers: repository.dossiers(vietnamIso(new Date(monthStart(nextMonth(r.to))))),
        ratings: allRatings(db),
        procedure: (code) => procedures.get(code),
        agency: (code) => agencies.get(code),
        field: (id) => fields.get(id),
        table: holidays(),
        now,
      },
      r,
    )
    const result: Statistics = { ...counted, computedAt: vietnamIso(now) }
    cache.delete(key)
    cache.set(key, { at: now.getTime(), statistics: result })
    if (cache.size > STATISTICS_CACHED) cache.delete(cache.keys().next().value!)
    return result
  }

  const answer = (c: Context, query: StatisticsQuery) => {
    c.header('Cache-Control', CACHE_CONTROL)
    return statistics(range(query))
  }

  app.get('/api/statistics', validate('query', StatisticsQuerySchema), (c) => c.json(answer(c, c.req.valid('query'))))

  app.get('/api/statistics.csv', validate('query', StatisticsQuerySchema), (c) => {
    const s = answer(c, c.req.valid('query'))
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="thong-ke-${s.groupBy}-${s.from}-${s.to}.csv"`)
    return c.body(statisticsCsv(s))
  })

  app.get('/thong-ke', compress(), (c) => {
    const query = c.req.query()
    const parsed = v.safeParse(StatisticsQuerySchema, query)
    // As the app's form shows the query: what it can read of it, the rest empty.
    const month = (value: string | undefined) => (value && MONTH.test(value) ? value : '')
    const typed = { groupBy: GROUP_BYS.find((g) => g === query.groupBy) ?? 'agency', from: month(query.from), to: month(query.to) }
    let figures: Statistics | undefined
    try {
      figures = parsed.success ? statistics(range(parsed.output)) : undefined
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
    }
    c.header('Cache-Control', figures ? CACHE_CONTROL : 'no-store')
    return c.html(renderStatisticsPage({ template, origin, snapshot: store.snapshot() }, typed, figures), figures ? 200 : 400)
  })

  return app
}
