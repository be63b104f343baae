/**
 * The holiday table's admin API (administrators only, in a session with a second factor):
 *
 *   GET    /api/admin/holidays                  the period, the revision and every listed day
 *   POST   /api/admin/holidays                  add a day { date, off, name, source, provisional? }
 *   PUT    /api/admin/holidays/period           the period the table speaks for { from, until }
 *   PATCH  /api/admin/holidays/{date}           change a day's facts (not its date)
 *   DELETE /api/admin/holidays/{date}           remove a day
 *   POST   /api/admin/holidays/{date}/confirm   a provisional day confirmed { source? }
 *
 * Every change is in the audit log (calendar/repository.ts). Due dates counted before a change
 * keep their value: only counts made afterwards use the new table.
 */
import { Hono } from 'hono'
import {
  HolidayChangeSchema,
  HolidayConfirmSchema,
  HolidayDateParamSchema,
  HolidayInputSchema,
  HolidayPeriodSchema,
} from '@portal/shared/calendar/schema'
import { requireRole, sessionOf } from '../auth/access.ts'
import { validate } from '../http/validate.ts'
import type { HolidayCalendar } from './repository.ts'

export function calendarRoutes(calendar: HolidayCalendar) {
  const app = new Hono()
  const admin = requireRole('administrator')
  const date = validate('param', HolidayDateParamSchema)

  app.get('/api/admin/holidays', admin, (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json(calendar.view())
  })

  app.post('/api/admin/holidays', admin, validate('json', HolidayInputSchema), (c) => c.json(calendar.add(c.req.valid('json'), sessionOf(c).sub), 201))

  app.put('/api/admin/holidays/period', admin, validate('json', HolidayPeriodSchema), (c) => c.json(calendar.setPeriod(c.req.valid('json'), sessionOf(c).sub)))

  app.patch('/api/admin/holidays/:date', admin, date, validate('json', HolidayChangeSchema), (c) =>
    c.json(calendar.change(c.req.valid('param').date, c.req.valid('json'), sessionOf(c).sub)),
  )

  app.delete('/api/admin/holidays/:date', admin, date, (c) => {
    calendar.remove(c.req.valid('param').date, sessionOf(c).sub)
    return c.body(null, 204)
  })

  app.post('/api/admin/holidays/:date/confirm', admin, date, validate('json', HolidayConfirmSchema), (c) =>
    c.json(calendar.confirm(c.req.valid('param').date, c.req.valid('json').source, sessionOf(c).sub)),
  )

  return app
}
