/**
 * The holiday table's admin API on a real app and SQLite file: who may call it, every kind of
 * bad input (400), unknown days (404), duplicates and confirmed days (409), what each change
 * stores and what the audit log says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HolidayDay, HolidayTableView } from '@portal/shared/calendar/schema'
import { HOLIDAYS_2025_2027 } from '@portal/shared/lifecycle/holidays'
import { AuditLog } from '../audit/log.ts'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { createLogger } from '../log.ts'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'

let t: ReturnType<typeof testApp>
let admin: TestPerson
beforeEach(() => {
  t = testApp()
  admin = signedIn(t, { sub: 'admin', roles: [{ role: 'administrator' }] })
})
afterEach(() => t.cleanup())

const audit = () => [...new AuditLog(t.db, t.clock, createLogger('silent')).entries()].filter((e) => e.action.startsWith('holiday.'))

/** Without a body, without its Content-Type too (as the app's `api()` sends it). */
function call(method: string, path: string, body?: unknown, person: TestPerson = admin) {
  if (body === undefined) {
    const headers = { ...person.headers }
    delete headers['Content-Type']
    return t.app.request(path, { method, headers })
  }
  return t.app.request(path, { method, headers: person.headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
}

async function problem(res: Response, status: number): Promise<{ type: string; title: string; errors?: { path: string }[] }> {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  return (await res.json()) as { type: string; title: string; errors?: { path: string }[] }
}

const table = async () => (await (await call('GET', '/api/admin/holidays')).json()) as HolidayTableView
const newYear2028 = { date: '2028-01-01', off: true, name: 'Tết Dương lịch', source: 'BLLĐ 2019 Art. 112.1' }

const ROUTES = [
  ['GET', '/api/admin/holidays'],
  ['POST', '/api/admin/holidays'],
  ['PUT', '/api/admin/holidays/period'],
  ['PATCH', '/api/admin/holidays/2025-01-01'],
  ['DELETE', '/api/admin/holidays/2025-01-01'],
  ['POST', '/api/admin/holidays/2026-09-01/confirm'],
] as const

describe('who may edit the holiday table', () => {
  it('strangers get 401 (even with bad input); citizens and officers 403; an administrator without a second factor 403', async () => {
    const write = { Origin: TEST_ORIGIN, 'X-Requested-With': 'portal', 'Content-Type': 'application/json' }
    const citizen = signedIn(t, { sub: 'citizen' })
    const officer = signedIn(t, { sub: 'officer', roles: [{ role: 'officer', duty: 'reception', agencyCode: '000.00.01.H55' }] })
    const weakAdmin = signedIn(t, { sub: 'weak-admin', roles: [{ role: 'administrator' }], mfa: false })
    for (const [method, path] of ROUTES) {
      expect((await t.app.request(path, { method, headers: write, body: method === 'GET' ? null : '{"date":"no"' })).status, `${method} ${path}`).toBe(401)
      const body = method === 'GET' ? undefined : newYear2028
      for (const person of [citizen, officer]) expect((await call(method, path, body, person)).status, `${method} ${path} ${person.sub}`).toBe(403)
      const weak = await problem(await call(method, path, body, weakAdmin), 403)
      expect(weak.type).toMatch(/mfa-required$/)
    }
    expect((await table()).revision).toBe(1)
    expect(audit()).toEqual([])
  })
})

describe('the seeded table', () => {
  it('is HOLIDAYS_2025_2027 with its provisional marks, seeded once', async () => {
    const seeded = await table()
    expect(seeded).toMatchObject({ from: '2025-01-01', until: '2027-12-31', revision: 1 })
    expect(seeded.days.map(({ updatedAt: _at, updatedBy, ...entry }) => (expect(updatedBy).toBe('seed'), entry))).toEqual(HOLIDAYS_2025_2027.days)
    expect(seeded.days.filter((d) => d.provisional).map((d) => d.date)).toContain('2026-09-01')
    expect((await call('GET', '/api/admin/holidays')).headers.get('Cache-Control')).toBe('no-store')
  })
})

describe('changes', () => {
  it('adds a day (201), refuses the same date again (409), changes, confirms and removes it, each audited', async () => {
    const added = await call('POST', '/api/admin/holidays', { ...newYear2028, name: '  Tết Dương lịch ', provisional: true })
    expect(added.status).toBe(201)
    expect(await added.json()).toEqual({ ...newYear2028, provisional: true, updatedAt: '2026-07-01T08:00:00.000Z', updatedBy: 'admin' })

    const again = await problem(await call('POST', '/api/admin/holidays', newYear2028), 409)
    expect(again.type).toMatch(/holiday-exists$/)

    const changed = await call('PATCH', '/api/admin/holidays/2028-01-01', { name: 'Tết Dương lịch 2028', off: true })
    expect(changed.status).toBe(200)
    expect(await changed.json()).toMatchObject({ date: '2028-01-01', name: 'Tết Dương lịch 2028', provisional: true })

    const confirmed = await call('POST', '/api/admin/holidays/2028-01-01/confirm', { source: 'Thông báo 1/TB-BNV (2027)' })
    const day = (await confirmed.json()) as HolidayDay
    expect(confirmed.status).toBe(200)
    expect(day).not.toHaveProperty('provisional')
    expect(day.source).toBe('Thông báo 1/TB-BNV (2027)')
    expect((await problem(await call('POST', '/api/admin/holidays/2028-01-01/confirm'), 409)).type).toMatch(/holiday-not-provisional$/)

    expect((await call('DELETE', '/api/admin/holidays/2028-01-01')).status).toBe(204)
    expect((await table()).days.some((d) => d.date === '2028-01-01')).toBe(false)
    expect((await table()).revision).toBe(5)

    expect(audit().map((e) => `${e.actor} ${e.action} ${e.target}`)).toEqual([
      'admin holiday.added 2028-01-01',
      'admin holiday.changed 2028-01-01',
      'admin holiday.confirmed 2028-01-01',
      'admin holiday.removed 2028-01-01',
    ])
    expect(audit()[1]?.details).toMatchObject({ before: { name: 'Tết Dương lịch' }, after: { name: 'Tết Dương lịch 2028' } })
  })

  it('confirms a seeded provisional day without a body, keeping its source', async () => {
    const res = await call('POST', '/api/admin/holidays/2026-09-01/confirm')
    expect(res.status).toBe(200)
    const day = (await res.json()) as HolidayDay
    expect(day).toMatchObject({ date: '2026-09-01', off: true, source: HOLIDAYS_2025_2027.days.find((d) => d.date === '2026-09-01')?.source })
    expect(day.provisional).toBeUndefined()
  })

  it('marks a worked Saturday, and sets the period the table speaks for', async () => {
    const saturday = { date: '2027-02-20', off: false, name: 'Làm bù cho thứ Sáu 5/2', source: 'Thông báo (giả định)' }
    expect((await call('POST', '/api/admin/holidays', saturday)).status).toBe(201)
    const period = await call('PUT', '/api/admin/holidays/period', { from: '2025-01-01', until: '2028-12-31' })
    expect(period.status).toBe(200)
    expect(await period.json()).toEqual({ from: '2025-01-01', until: '2028-12-31' })
    expect(await table()).toMatchObject({ until: '2028-12-31' })
    expect(audit().map((e) => e.action)).toEqual(['holiday.added', 'holiday.period-changed'])
    expect(audit()[1]?.details).toEqual({ before: { from: '2025-01-01', until: '2027-12-31' }, after: { from: '2025-01-01', until: '2028-12-31' } })
  })
})

describe('bad input', () => {
  const badDays: [string, unknown, string][] = [
    ['a date in another format', { ...newYear2028, date: '01/01/2028' }, 'date'],
    ['a day that does not exist', { ...newYear2028, date: '2027-02-29' }, 'date'],
    ['a month that does not exist', { ...newYear2028, date: '2027-13-01' }, 'date'],
    ['a year out of range', { ...newYear2028, date: '1999-01-01' }, 'date'],
    ['no date', { off: true, name: 'x', source: 'y' }, 'date'],
    ['off that is not a boolean', { ...newYear2028, off: 'yes' }, 'off'],
    ['no off', { date: '2028-01-01', name: 'x', source: 'y' }, 'off'],
    ['an empty name', { ...newYear2028, name: '   ' }, 'name'],
    ['a name too long', { ...newYear2028, name: 'x'.repeat(201) }, 'name'],
    ['no source', { date: '2028-01-01', off: true, name: 'x' }, 'source'],
    ['provisional that is not a boolean', { ...newYear2028, provisional: 'true' }, 'provisional'],
    ['an unknown field', { ...newYear2028, kind: 'holiday' }, 'kind'],
  ]
  for (const [what, body, path] of badDays) {
    it(`POST refuses ${what} (400 naming ${path})`, async () => {
      const p = await problem(await call('POST', '/api/admin/holidays', body), 400)
      expect(p.type).toMatch(/invalid-input$/)
      expect(p.errors?.map((e) => e.path)).toContain(path)
    })
  }

  it('POST refuses malformed JSON and a body that is not an object', async () => {
    await problem(await call('POST', '/api/admin/holidays', '{"date":'), 400)
    await problem(await call('POST', '/api/admin/holidays', '[]'), 400)
    await problem(await call('POST', '/api/admin/holidays', '"2028-01-01"'), 400)
  })

  it('PATCH refuses an empty change, a change of date, bad values and a malformed date in the path', async () => {
    await problem(await call('PATCH', '/api/admin/holidays/2025-01-01', {}), 400)
    expect((await problem(await call('PATCH', '/api/admin/holidays/2025-01-01', { date: '2025-01-02' }), 400)).errors?.map((e) => e.path)).toContain('date')
    await problem(await call('PATCH', '/api/admin/holidays/2025-01-01', { off: 1 }), 400)
    await problem(await call('PATCH', '/api/admin/holidays/2025-01-01', { source: '' }), 400)
    await problem(await call('PATCH', '/api/admin/holidays/2025-1-1', { off: true }), 400)
  })

  it('DELETE and confirm refuse a malformed date; confirm refuses an empty source', async () => {
    await problem(await call('DELETE', '/api/admin/holidays/tet'), 400)
    await problem(await call('POST', '/api/admin/holidays/2025-02-30/confirm'), 400)
    await problem(await call('POST', '/api/admin/holidays/2026-09-01/confirm', { source: ' ' }), 400)
  })

  it('PUT period refuses from after until, impossible dates and missing ends', async () => {
    await problem(await call('PUT', '/api/admin/holidays/period', { from: '2028-01-01', until: '2027-12-31' }), 400)
    await problem(await call('PUT', '/api/admin/holidays/period', { from: '2025-01-01', until: '2027-02-31' }), 400)
    await problem(await call('PUT', '/api/admin/holidays/period', { from: '2025-01-01' }), 400)
  })

  it('answers 404 for a day that is not in the table', async () => {
    for (const [method, path] of [
      ['PATCH', '/api/admin/holidays/2025-03-03'],
      ['DELETE', '/api/admin/holidays/2025-03-03'],
      ['POST', '/api/admin/holidays/2025-03-03/confirm'],
    ] as const) {
      expect((await problem(await call(method, path, method === 'PATCH' ? { off: true } : undefined), 404)).type, `${method} ${path}`).toMatch(/not-found$/)
    }
  })

  it('changes nothing on a refused request', async () => {
    await call('POST', '/api/admin/holidays', { ...newYear2028, date: '2027-02-29' })
    await call('POST', '/api/admin/holidays', { ...HOLIDAYS_2025_2027.days[0], name: 'again' })
    await call('PATCH', '/api/admin/holidays/2025-03-03', { off: true })
    await call('POST', '/api/admin/holidays/2025-01-01/confirm')
    expect((await table()).revision).toBe(1)
    expect(audit()).toEqual([])
  })
})
