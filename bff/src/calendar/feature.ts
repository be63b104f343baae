/**
 * The holiday table assembled for app.ts: seeded on a new database, its admin routes, and the
 * provider that the one-stop-shop and the relay count due dates with.
 */
import type { AuditLog } from '../audit/log.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import { HolidayCalendar, seedHolidayTable } from './repository.ts'
import { calendarRoutes } from './routes.ts'
import { holidayTableSource, type HolidayTableProvider } from './source.ts'

export interface CalendarFeatureDeps {
  db: Db
  clock: Clock
  audit: AuditLog
  logger: Logger
}

export function calendarFeature({ db, clock, audit, logger }: CalendarFeatureDeps): { routes: ReturnType<typeof calendarRoutes>; holidays: HolidayTableProvider } {
  if (seedHolidayTable(db, clock.now())) logger.info('holiday table seeded (2025–2027): administrators confirm the provisional days')
  return { routes: calendarRoutes(new HolidayCalendar(db, clock, audit)), holidays: holidayTableSource(db, clock) }
}
