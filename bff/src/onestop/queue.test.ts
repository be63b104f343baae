/**
 * GET /api/officer/dossiers: the order (overdue, soon due, by due date, then by registration,
 * closed last), the filters, the keyset cursor, and that an officer sees only their agencies.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { OfficerQueueSchema, type OfficerQueue } from '@portal/shared/onestop/api'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'
import { communeCertificate } from '../dossiers/testing.ts'
import { JUSTICE, officer, officerSession, oneStopCatalog, oneStopOn, OTHER_WARD, receivedDossier, RecordingInbound, submittedMessage, WARD } from './testing.ts'

let t: ReturnType<typeof testApp>
let onestop: ReturnType<typeof oneStopOn>
beforeEach(() => {
  t = testApp({ catalog: oneStopCatalog() })
  onestop = oneStopOn(t, new RecordingInbound())
})
afterEach(() => t.cleanup())

const reception = officerSession('le-tan', JUSTICE, ['reception'])
const processing = officerSession('xu-ly', JUSTICE, ['processing'])

/** A dossier registered at `agency` at `time` (Vietnam, 1 July 2026). */
async function registeredAt(time: string, agency = JUSTICE): Promise<string> {
  const d = receivedDossier({ agency, receivedAt: `2026-07-01T${time}:00+07:00`, ...(agency === JUSTICE ? {} : { procedure: communeCertificate }) })
  await onestop.connector.deliver(submittedMessage(d.receipt, d.submission), new AbortController().signal)
  return d.receipt.id
}

async function queue(person: TestPerson, query = ''): Promise<OfficerQueue> {
  const res = await t.app.request(`/api/officer/dossiers${query}`, { headers: person.headers })
  const body = await res.json()
  expect(res.status, JSON.stringify(body)).toBe(200)
  expect(res.headers.get('Cache-Control')).toBe('no-store')
  return v.parse(OfficerQueueSchema, body)
}

/**
 * Seven dossiers of the department and one of a ward, looked at on Wed 15 July 2026, 09:00:
 * A received 1/7 (due Mon 13/7: overdue), B received 6/7 (due Thu 16/7: soon), C received 10/7
 * (due Mon 20/7), S waiting for a supplement, D and D2 new, E refused; W at the ward.
 */
async function scene() {
  const ids = {
    E: await registeredAt('07:00'),
    S: await registeredAt('07:30'),
    D: await registeredAt('08:00'),
    A: await registeredAt('09:00'),
    B: await registeredAt('10:00'),
    C: await registeredAt('11:00'),
    D2: await registeredAt('12:00'),
    W: await registeredAt('09:00', WARD),
  }
  onestop.desk.act(reception, ids.A, { type: 'receive' })
  onestop.desk.act(reception, ids.E, { type: 'refuse', reasons: ['Không thuộc thẩm quyền'] })
  onestop.desk.act(reception, ids.S, { type: 'receive' })
  onestop.desk.act(reception, ids.S, { type: 'requestSupplement', items: [{ description: 'Thiếu tờ khai' }] })
  t.clock.set('2026-07-06T02:00:00.000Z')
  onestop.desk.act(reception, ids.B, { type: 'receive' })
  onestop.desk.act(processing, ids.B, { type: 'startProcessing', unit: JUSTICE })
  t.clock.set('2026-07-10T02:00:00.000Z')
  onestop.desk.act(reception, ids.C, { type: 'receive' })
  t.clock.set('2026-07-15T02:00:00.000Z')
  return ids
}

describe('the officers’ queue', () => {
  it('puts the overdue first, then the soon due, then by due date; new and waiting dossiers by registration; closed last', async () => {
    const ids = await scene()
    const justice = officer(t, 'can-bo', JUSTICE, ['reception'])
    const q = await queue(justice)
    const name = Object.fromEntries(Object.entries(ids).map(([k, id]) => [id, k]))
    expect(q.items.map((i) => name[i.id])).toEqual(['A', 'B', 'C', 'S', 'D', 'D2', 'E'])
    expect(q.items.map((i) => [name[i.id], i.status, i.dueAt ?? '-', i.overdue, i.dueSoon])).toEqual([
      ['A', 'accepted', '2026-07-13T17:00:00+07:00', true, false],
      ['B', 'processing', '2026-07-16T17:00:00+07:00', false, true],
      ['C', 'accepted', '2026-07-20T17:00:00+07:00', false, false],
      ['S', 'supplementRequested', '-', false, false],
      ['D', 'registered', '-', false, false],
      ['D2', 'registered', '-', false, false],
      ['E', 'refused', '-', false, false],
    ])
    expect(q.next).toBeUndefined()
    expect(q.items[1]).toMatchObject({ unit: JUSTICE, agencyCode: JUSTICE, applicantName: 'Nguyễn Văn An', procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' } })
  })

  it('filters by status, due (overdue, soon), procedure and agency; the soon filter agrees with the flag', async () => {
    const ids = await scene()
    const justice = officer(t, 'can-bo', JUSTICE, ['reception'])
    const idsOf = async (query: string) => (await queue(justice, query)).items.map((i) => i.id)
    expect(await idsOf('?status=accepted')).toEqual([ids.A, ids.C])
    expect(await idsOf('?due=overdue')).toEqual([ids.A])
    expect(await idsOf('?due=soon')).toEqual([ids.B])
    expect(await idsOf('?due=all')).toHaveLength(7)
    expect(await idsOf('?procedure=2.000488&status=registered')).toEqual([ids.D, ids.D2])
    expect(await idsOf('?procedure=1.000001')).toEqual([])
    expect(await idsOf(`?agency=${JUSTICE}&due=overdue`)).toEqual([ids.A])
    const all = await queue(justice)
    const soon = new Set(await idsOf('?due=soon'))
    for (const item of all.items) expect(item.dueSoon, item.id).toBe(soon.has(item.id))
    // The next morning B is due today, C not yet soon; two days later B is overdue too.
    t.clock.set('2026-07-16T01:00:00.000Z')
    const morning = officer(t, 'can-bo-2', JUSTICE, ['reception'])
    expect((await queue(morning, '?due=soon')).items.map((i) => i.id)).toEqual([ids.B])
    t.clock.set('2026-07-17T02:00:00.000Z')
    const friday = officer(t, 'can-bo-3', JUSTICE, ['reception'])
    expect((await queue(friday, '?due=overdue')).items.map((i) => i.id)).toEqual([ids.A, ids.B])
    expect((await queue(friday, '?due=soon')).items.map((i) => i.id)).toEqual([ids.C])
  })

  it('shows an officer only the agencies where they hold a role: another agency’s filter is refused', async () => {
    const ids = await scene()
    const ward = officer(t, 'phuong', WARD, ['reception'])
    expect((await queue(ward)).items.map((i) => i.id)).toEqual([ids.W])
    const res = await t.app.request(`/api/officer/dossiers?agency=${JUSTICE}`, { headers: ward.headers })
    expect(res.status).toBe(403)
    const both = signedIn(t, {
      sub: 'hai-noi',
      roles: [
        { role: 'officer', duty: 'reception', agencyCode: JUSTICE },
        { role: 'officer', duty: 'approval', agencyCode: WARD },
      ],
    })
    expect((await queue(both)).items).toHaveLength(8)
    expect((await queue(both, `?agency=${WARD}`)).items.map((i) => i.id)).toEqual([ids.W])
  })

  it('pages by a cursor: 50 at a time, every dossier once, in order', async () => {
    const made: string[] = []
    for (let i = 0; i < 55; i++) made.push(await registeredAt(`${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, OTHER_WARD))
    const commune = officer(t, 'xa', OTHER_WARD, ['reception'])
    const first = await queue(commune)
    expect(first.items).toHaveLength(50)
    expect(first.next).toBeTruthy()
    // A dossier registered meanwhile after the cursor's position shows on the next page, nothing repeats.
    const late = await registeredAt('09:30', OTHER_WARD)
    const second = await queue(commune, `?cursor=${first.next}`)
    expect(second.next).toBeUndefined()
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([...made, late])
  })

  it('refuses bad filters and cursors with 400; strangers 401, citizens 403', async () => {
    const justice = officer(t, 'can-bo', JUSTICE, ['reception'])
    for (const query of ['?status=lost', '?due=later', '?cursor=not-a-cursor', `?cursor=${Buffer.from('[9,0,0,"x"]').toString('base64url')}`]) {
      const res = await t.app.request(`/api/officer/dossiers${query}`, { headers: justice.headers })
      expect(res.status, query).toBe(400)
      expect(res.headers.get('Content-Type')).toBe('application/problem+json')
    }
    expect((await t.app.request('/api/officer/dossiers?status=lost', { headers: { Origin: TEST_ORIGIN } })).status).toBe(401)
    const citizen = signedIn(t, { sub: 'citizen' })
    expect((await t.app.request('/api/officer/dossiers', { headers: citizen.headers })).status).toBe(403)
  })
})
