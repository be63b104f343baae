/**
 * The officers' queue: the dossiers of their agencies, filtered, in pages by a keyset cursor.
 *
 * Order: open dossiers with a due date first, by due instant — which puts the overdue first
 * (due before now), then the soon due (due by the end of the next working day: `dueSoon` is
 * exactly "due before the start of the day after the next working day"), then the others; then
 * open dossiers without a due date (new, or waiting for a supplement) by registration; closed
 * ones last, by registration. Each row stores its `rank` (0, 1, 2) and `due_ms` (0 without a
 * due date), so the order is one index (agency, rank, due_ms, registered_ms, id) and the cursor is
 * the last row's key: a page never repeats or skips a dossier whose key did not change.
 */
import * as v from 'valibot'
import type { DossierStatus } from '@portal/shared/dossiers/schema'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import { addCalendarDays, nextWorkingDay, vietnamDate } from '@portal/shared/lifecycle/working-days'
import type { Db } from '../db/open.ts'
import { invalidInput } from '../http/problem.ts'
import { ONESTOP_ROW, type OneStopRow } from './repository.ts'

export const QUEUE_PAGE = 50

export interface QueueKey {
  rank: number
  dueMs: number
  registeredMs: number
  id: string
}

export interface QueueQuery {
  agencies: readonly string[]
  status?: DossierStatus
  procedure?: string
  due?: 'overdue' | 'soon' | 'all'
  after?: QueueKey
  limit: number
}

const CursorSchema = v.tuple([
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2)),
  v.pipe(v.number(), v.integer(), v.minValue(0)),
  v.pipe(v.number(), v.integer()),
  v.pipe(v.string(), v.maxLength(64)),
])

export function encodeCursor(key: QueueKey): string {
  return Buffer.from(JSON.stringify([key.rank, key.dueMs, key.registeredMs, key.id])).toString('base64url')
}

/** The cursor of a previous page; anything else is a 400. */
export function decodeCursor(cursor: string): QueueKey {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    parsed = undefined
  }
  const result = v.safeParse(CursorSchema, parsed)
  if (!result.success) throw invalidInput([{ path: 'cursor', message: 'Con trỏ trang không hợp lệ.' }])
  const [rank, dueMs, registeredMs, id] = result.output
  return { rank, dueMs, registeredMs, id }
}

/** Due before this instant (and not overdue) is "soon": the start of the day after the next working day, Vietnam time. */
export function soonLimitMs(now: Date, table: HolidayTable): number {
  const next = nextWorkingDay(vietnamDate(now), table)
  return Date.parse(`${addCalendarDays(next, 1)}T00:00:00+07:00`)
}

/** One page (plus one row, to tell whether more follow) of the queue. */
export function queueRows(db: Db, q: QueueQuery, now: Date, table: HolidayTable): OneStopRow[] {
  if (q.agencies.length === 0) return []
  const where = [`agency_code IN (${q.agencies.map(() => '?').join(', ')})`]
  const params: (string | number)[] = [...q.agencies]
  if (q.status) {
    where.push('status = ?')
    params.push(q.status)
  }
  if (q.procedure) {
    where.push('procedure_code = ?')
    params.push(q.procedure)
  }
  if (q.due === 'overdue') {
    where.push('rank = 0 AND due_ms < ?')
    params.push(now.getTime())
  } else if (q.due === 'soon') {
    where.push('rank = 0 AND due_ms >= ? AND due_ms < ?')
    params.push(now.getTime(), soonLimitMs(now, table))
  }
  if (q.after) {
    where.push('(rank, due_ms, registered_ms, id) > (?, ?, ?, ?)')
    params.push(q.after.rank, q.after.dueMs, q.after.registeredMs, q.after.id)
  }
  const sql = `SELECT ${ONESTOP_ROW} FROM onestop_dossiers WHERE ${where.join(' AND ')} ORDER BY rank, due_ms, registered_ms, id LIMIT ?`
  return db.$client.prepare(sql).all(...params, q.limit + 1) as OneStopRow[]
}
