/**
 * The holiday table for whoever counts due dates (the one-stop-shop, the relay): a provider
 * `() => HolidayTable` that keeps one frozen copy in memory and reads it again only when the
 * stored `revision` moved. That check is one prepared single-row read per call, so a change by
 * an administrator (or by another process on the same database) counts from the next call on.
 *
 * A due date is computed once, when its event happens, and stored with the dossier: a later
 * change of the table does not move it (docs/lifecycle.md).
 */
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import { systemClock, type Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { readHolidayTable, seedHolidayTable } from './repository.ts'

export type HolidayTableProvider = () => HolidayTable

function frozen(table: HolidayTable): HolidayTable {
  return Object.freeze({ ...table, days: Object.freeze(table.days.map((day) => Object.freeze(day))) as HolidayTable['days'] })
}

/**
 * Seeds the table on a new database, then answers the current table on each call.
 * @example const holidays = holidayTableSource(db); dueDate(receivedAt, rule, holidays())
 */
export function holidayTableSource(db: Db, clock: Clock = systemClock): HolidayTableProvider {
  seedHolidayTable(db, clock.now())
  const revisionRead = db.$client.prepare('SELECT revision FROM holiday_table WHERE id = 1').pluck()
  let cached: { revision: number; table: HolidayTable } | undefined
  return () => {
    if (cached === undefined || cached.revision !== revisionRead.get()) {
      const read = readHolidayTable(db)
      cached = { revision: read.revision, table: frozen(read.table) }
    }
    return cached.table
  }
}
