/**
 * The holiday-table provider: seeded once, one frozen copy while nothing changes, and a due date
 * counted after an administrator's change uses the new table, also when another connection (a
 * second process) made the change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HOLIDAYS_2025_2027 } from '@portal/shared/lifecycle/holidays'
import { dueDate } from '@portal/shared/lifecycle/working-days'
import { AuditLog } from '../audit/log.ts'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { openDatabase } from '../db/open.ts'
import { createLogger } from '../log.ts'
import { testApp } from '../testing/app.ts'
import { HolidayCalendar } from './repository.ts'
import { holidayTableSource } from './source.ts'

let t: ReturnType<typeof testApp>
let admin: TestPerson
beforeEach(() => {
  t = testApp()
  admin = signedIn(t, { sub: 'admin', roles: [{ role: 'administrator' }] })
})
afterEach(() => t.cleanup())

const FIVE_DAYS = { amount: 5, unit: 'working-days' } as const
// Mon 2 March 2026, 09:00: five working days later is Mon 9 March in the seeded table.
const RECEIVED = '2026-03-02T09:00:00+07:00'

const add = (body: unknown) => t.app.request('/api/admin/holidays', { method: 'POST', headers: admin.headers, body: JSON.stringify(body) })

describe('holidayTableSource', () => {
  it('answers the seeded table, the same frozen copy until something changes', () => {
    const holidays = holidayTableSource(t.db, t.clock)
    const first = holidays()
    expect(first).toEqual(HOLIDAYS_2025_2027)
    expect(holidays()).toBe(first)
    expect(Object.isFrozen(first.days)).toBe(true)
    expect(() => (first.days as unknown[]).push({})).toThrow(TypeError)
  })

  it('a due date counted after a holiday is added moves; one counted before keeps its value', async () => {
    const holidays = holidayTableSource(t.db, t.clock)
    const before = dueDate(RECEIVED, FIVE_DAYS, holidays())
    expect(before.dueAt).toBe('2026-03-09T17:00:00+07:00')

    const res = await add({ date: '2026-03-04', off: true, name: 'Ngày nghỉ đột xuất (thử)', source: 'Quyết định (thử)' })
    expect(res.status).toBe(201)

    expect(dueDate(RECEIVED, FIVE_DAYS, holidays()).dueAt).toBe('2026-03-10T17:00:00+07:00')
    expect(before.dueAt).toBe('2026-03-09T17:00:00+07:00')

    expect((await t.app.request('/api/admin/holidays/2026-03-04', { method: 'DELETE', headers: admin.headers })).status).toBe(204)
    expect(dueDate(RECEIVED, FIVE_DAYS, holidays()).dueAt).toBe('2026-03-09T17:00:00+07:00')
  })

  it('a confirmed day is no longer reported as provisional; a longer period is no longer beyond the table', async () => {
    const holidays = holidayTableSource(t.db, t.clock)
    const quocKhanh = { amount: 5, unit: 'working-days' } as const
    expect(dueDate('2026-08-26T10:00:00+07:00', quocKhanh, holidays()).provisional).toEqual(['2026-08-31', '2026-09-01', '2026-09-03'])
    await t.app.request('/api/admin/holidays/2026-09-01/confirm', { method: 'POST', headers: { Cookie: admin.cookie, Origin: admin.headers.Origin ?? '', 'X-Requested-With': 'portal' } })
    expect(dueDate('2026-08-26T10:00:00+07:00', quocKhanh, holidays()).provisional).toEqual(['2026-08-31', '2026-09-03'])

    expect(dueDate('2027-12-24T10:00:00+07:00', { amount: 10, unit: 'working-days' }, holidays()).beyondTable).toBe(true)
    await t.app.request('/api/admin/holidays/period', { method: 'PUT', headers: admin.headers, body: JSON.stringify({ from: '2025-01-01', until: '2028-12-31' }) })
    expect(dueDate('2027-12-24T10:00:00+07:00', { amount: 10, unit: 'working-days' }, holidays()).beyondTable).toBe(false)
  })

  it('sees a change made through another connection to the same file (another process)', () => {
    const holidays = holidayTableSource(t.db, t.clock)
    expect(dueDate(RECEIVED, FIVE_DAYS, holidays()).dueAt).toBe('2026-03-09T17:00:00+07:00')
    const other = openDatabase(t.config.databaseFile)
    try {
      new HolidayCalendar(other, t.clock, new AuditLog(other, t.clock, createLogger('silent'))).add(
        { date: '2026-03-05', off: true, name: 'Nghỉ (thử)', source: 'thử' },
        'admin',
      )
    } finally {
      other.$client.close()
    }
    expect(dueDate(RECEIVED, FIVE_DAYS, holidays()).dueAt).toBe('2026-03-10T17:00:00+07:00')
  })

  it('seeds a new database once: a table emptied by administrators stays empty', () => {
    const calendar = new HolidayCalendar(t.db, t.clock, new AuditLog(t.db, t.clock, createLogger('silent')))
    for (const day of HOLIDAYS_2025_2027.days) calendar.remove(day.date, 'admin')
    expect(holidayTableSource(t.db, t.clock)().days).toEqual([])
  })
})
