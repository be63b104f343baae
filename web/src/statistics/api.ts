/**
 * The public statistics as the page asks for them: GET /api/statistics with the filters of the
 * URL, the answer checked against the shared schema, every failure turned into an outcome the
 * page has words for. The CSV link carries the same query.
 */
import * as v from 'valibot'
import { StatisticsSchema, type Statistics, type StatisticsGroupBy } from '@portal/shared/statistics/schema'
import { log } from '../log.ts'

export interface StatisticsFilters {
  groupBy: StatisticsGroupBy
  from?: string
  to?: string
}

export type StatisticsResult = { kind: 'ok'; statistics: Statistics } | { kind: 'invalid' | 'offline' | 'failed' }

/** @example queryOf({ groupBy: 'agency-month', from: '2026-01' }) === 'groupBy=agency-month&from=2026-01' */
export function queryOf(filters: StatisticsFilters): string {
  const params = new URLSearchParams({ groupBy: filters.groupBy })
  if (filters.from) params.set('from', filters.from)
  if (filters.to) params.set('to', filters.to)
  return params.toString()
}

export const csvHref = (filters: StatisticsFilters) => `/api/statistics.csv?${queryOf(filters)}`

export async function fetchStatistics(filters: StatisticsFilters): Promise<StatisticsResult> {
  let res: Response
  try {
    res = await fetch(`/api/statistics?${queryOf(filters)}`, { headers: { Accept: 'application/json' } })
  } catch (error) {
    log.warn('statistics not fetched', error)
    return { kind: 'offline' }
  }
  if (res.status === 400) return { kind: 'invalid' }
  if (!res.ok) return { kind: 'failed' }
  const parsed = v.safeParse(StatisticsSchema, await res.json().catch(() => undefined))
  if (!parsed.success) {
    log.warn('statistics answer rejected', parsed.issues)
    return { kind: 'failed' }
  }
  return { kind: 'ok', statistics: parsed.output }
}
