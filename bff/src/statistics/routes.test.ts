/**
 * GET /api/statistics and /api/statistics.csv through the real app: dossiers submitted by real
 * intake and returned by officers of the embedded one-stop-shop, one of them rated by its owner
 * through the rating route; nobody signed in asks for the figures.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { StatisticsSchema, type Statistics } from '@portal/shared/statistics/schema'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { directory, JUSTICE, oneStopCatalog, oneStopOn, submitted } from '../onestop/testing.ts'
import { act, desk, returnedDossier, type Desk } from '../ratings/testing.ts'
import { testApp } from '../testing/app.ts'
import { STATISTICS_TTL_MS } from './routes.ts'

/** An agency name a spreadsheet must get back whole: a comma and quotes in it. */
const JUSTICE_NAME = 'Sở Tư pháp tỉnh Thái Nguyên, "Một cửa"'

let t: ReturnType<typeof testApp>
let relayed: ReturnType<typeof oneStopOn>
let citizen: TestPerson
let officers: Desk
beforeEach(() => {
  const catalog = oneStopCatalog()
  t = testApp({ catalog: { ...catalog, agencies: { ...directory, agencies: directory.agencies.map((a) => (a.code === JUSTICE ? { ...a, name: JUSTICE_NAME } : a)) } } })
  relayed = oneStopOn(t)
  citizen = signedIn(t, { sub: 'citizen' })
  officers = desk(t)
})
afterEach(() => t.cleanup())

const get = (path: string) => t.app.request(path)
async function statistics(query: string): Promise<Statistics> {
  const res = await get(`/api/statistics?${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  expect(res.headers.get('Cache-Control')).toBe('public, max-age=60')
  return v.parse(StatisticsSchema, await res.json())
}

describe('GET /api/statistics', () => {
  it('counts returned, rated and open dossiers per agency, for anyone, over the twelve months up to now by default', async () => {
    const rated = await returnedDossier(t, relayed, citizen, officers)
    const res = await t.app.request(`/api/dossiers/${rated.id}/rating`, { method: 'POST', headers: citizen.headers, body: JSON.stringify({ id: randomUUID(), level: 'very-satisfied' }) })
    expect(res.status).toBe(201)
    await returnedDossier(t, relayed, citizen, officers)
    const open = await submitted(t, relayed, citizen)
    await act(t, officers.reception, open.id, { type: 'receive' })
    // Submitted, not yet received: not counted.
    await submitted(t, relayed, citizen)

    const s = await statistics('')
    expect(s).toMatchObject({ groupBy: 'agency', from: '2025-08', to: '2026-07', computedAt: '2026-07-01T15:00:00+07:00' })
    expect(s.groups).toHaveLength(1)
    expect(s.groups[0]).toMatchObject({
      agency: { code: JUSTICE, name: JUSTICE_NAME },
      received: 3,
      processed: 2,
      early: 2,
      onTime: 0,
      late: 0,
      inProgress: 1,
      ratings: { 'very-satisfied': 1, satisfied: 0, unsatisfied: 0 },
      indices: { totalTime: 2, attitude: 2, unitTime: null },
    })
    expect(s.totals).toEqual({ received: 3, processed: 2, early: 2, onTime: 0, late: 0, inProgress: 1 })

    const byMonth = await statistics('groupBy=agency-month&from=2026-06&to=2026-07')
    expect(byMonth.groups.map((g) => [g.month, g.received, g.processed])).toEqual([['2026-07', 3, 2]])
    const byField = await statistics('groupBy=agency-field&from=2026-07&to=2026-07')
    expect(byField.groups.map((g) => [g.field?.code, g.field?.name])).toEqual([['ho-tich', 'Hộ tịch']])
    expect((await statistics('from=2026-05&to=2026-06')).groups).toEqual([])
  })

  it('serves the same figures for a minute, then counts again', async () => {
    await returnedDossier(t, relayed, citizen, officers)
    expect((await statistics('')).totals.processed).toBe(1)
    await returnedDossier(t, relayed, citizen, officers)
    expect((await statistics('')).totals.processed).toBe(1)
    t.clock.set(new Date(t.clock.now().getTime() + STATISTICS_TTL_MS).toISOString())
    expect((await statistics('')).totals.processed).toBe(2)
  })

  it('answers 400 for a bad grouping, a malformed month, a range backwards or too long', async () => {
    for (const query of ['groupBy=agency-year', 'from=2026-13', 'to=2026-7', 'from=2026-05&to=2026-04', 'from=2020-01&to=2026-01']) {
      const res = await get(`/api/statistics?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.headers.get('Content-Type')).toBe('application/problem+json')
      const csv = await get(`/api/statistics.csv?${query}`)
      expect(csv.status, query).toBe(400)
    }
  })
})

describe('GET /api/statistics.csv', () => {
  it('downloads the same groups as UTF-8 CSV with a BOM, the name with its comma and quotes intact', async () => {
    await returnedDossier(t, relayed, citizen, officers)
    const res = await get('/api/statistics.csv?groupBy=agency-month&from=2026-07&to=2026-07')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="thong-ke-agency-month-2026-07-2026-07.csv"')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    const lines = text.slice(1).split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]!.startsWith('Mã cơ quan,Cơ quan,Tháng,Số hồ sơ tiếp nhận,Số hồ sơ đã giải quyết,Trước hạn,Đúng hạn,Quá hạn,Đang giải quyết,')).toBe(true)
    expect(lines[1]!.startsWith(`${JUSTICE},"Sở Tư pháp tỉnh Thái Nguyên, ""Một cửa""",2026-07,1,1,1,0,0,0,`)).toBe(true)
    expect(lines[2]).toBe('')
  })
})

describe('GET /thong-ke (the server page)', () => {
  it('shows the same figures as the app, with the filters as typed and the CSV link', async () => {
    await returnedDossier(t, relayed, citizen, officers)
    const res = await get('/thong-ke?groupBy=agency-month&from=2026-07')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60')
    const page = await res.text()
    expect(page).toContain('<h1>Thống kê kết quả giải quyết hồ sơ</h1>')
    expect(page).toContain('<option value="agency-month" selected>Cơ quan và tháng</option>')
    expect(page).toContain('<input id="from" name="from" type="month" pattern="\\d{4}-\\d{2}" placeholder="Dạng năm-tháng, ví dụ 2026-01" value="2026-07">')
    expect(page).toContain('href="/api/statistics.csv?groupBy=agency-month&amp;from=2026-07&amp;to=2026-07" download')
    expect(page).toContain('<h2 lang="vi">Sở Tư pháp tỉnh Thái Nguyên, &quot;Một cửa&quot; · 2026-07</h2>')
    expect(page).toContain('<dl class="stats-numbers"><div><dt>Tiếp nhận</dt><dd>1</dd></div><div><dt>Đã giải quyết</dt><dd>1</dd></div><div><dt>Đang giải quyết</dt><dd>0</dd></div></dl>')
    expect(page).toContain('<p>100% đúng hạn hoặc trước hạn</p>')
    expect(page).toContain('<a href="/thong-ke">Thống kê</a>')
    // The same figures as data, for the app view that takes the page over.
    const data = /<script type="application\/json" id="page-data">(.*?)<\/script>/.exec(page)?.[1]
    expect(JSON.parse(data ?? 'null')).toEqual(await (await get('/api/statistics?groupBy=agency-month&from=2026-07')).json())
  })

  it('says plainly when the period is wrong (400), keeping what it can of the form', async () => {
    const res = await get('/thong-ke?groupBy=agency-field&from=2026-05&to=2026-01')
    expect(res.status).toBe(400)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const page = await res.text()
    expect(page).toContain('<p class="problem" role="alert">Khoảng thời gian chưa đúng')
    expect(page).not.toContain('id="page-data"')
    expect(page).toContain('<option value="agency-field" selected>')
    expect((await get('/thong-ke?from=2010-01&to=2026-01')).status).toBe(400)
    expect((await get('/thong-ke?groupBy=year')).status).toBe(400)
  })
})
