/**
 * POST /api/dossiers/{id}/rating through the real app: a dossier submitted by real intake,
 * received, processed and returned by officers of the embedded one-stop-shop, then rated by its
 * owner. Once only, after the result only, by the owner only; a replay gets the first answer.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DossierViewSchema } from '@portal/shared/dossiers/schema'
import * as v from 'valibot'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { oneStopCatalog, oneStopOn, submitted } from '../onestop/testing.ts'
import { testApp } from '../testing/app.ts'
import { ratingOf } from './repository.ts'
import { act, desk, returnedDossier, type Desk } from './testing.ts'

let t: ReturnType<typeof testApp>
let relayed: ReturnType<typeof oneStopOn>
let citizen: TestPerson
let stranger: TestPerson
let officers: Desk
beforeEach(() => {
  t = testApp({ catalog: oneStopCatalog() })
  relayed = oneStopOn(t)
  citizen = signedIn(t, { sub: 'citizen', profile: { name: 'Nguyễn Văn An' } })
  stranger = signedIn(t, { sub: 'stranger' })
  officers = desk(t)
})
afterEach(() => t.cleanup())

const rate = (person: TestPerson | null, id: string, body: unknown) =>
  t.app.request(`/api/dossiers/${id}/rating`, {
    method: 'POST',
    headers: person?.headers ?? { 'Content-Type': 'application/json', Origin: t.config.publicOrigin, 'X-Requested-With': 'portal' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

async function problem(res: Response, status: number, type: string) {
  expect(res.status, await res.clone().text()).toBe(status)
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  const body = (await res.json()) as { type: string; title: string; errors?: { path: string }[] }
  expect(body.type).toMatch(new RegExp(`/${type}$`))
  return body
}

const stored = () => t.db.$client.prepare('SELECT * FROM ratings').all() as { dossier_id: string; id: string; level: string; contents: string | null; comment: string | null }[]
const audited = () => t.db.$client.prepare("SELECT actor, target, details FROM audit_log WHERE action = 'dossier.rated'").all() as { actor: string; target: string; details: string }[]
const seqOf = (id: string) => (t.db.$client.prepare('SELECT seq FROM dossiers WHERE id = ?').get(id) as { seq: number }).seq

describe('POST /api/dossiers/{id}/rating', () => {
  it('stores the owner’s rating of a returned dossier once, audits it, and answers the view; the cursor moves', async () => {
    const { id, code } = await returnedDossier(t, relayed, citizen, officers)
    const before = seqOf(id)
    const body = { id: randomUUID(), level: 'satisfied', contents: { staffAttitude: 'very-satisfied', contactsNeeded: 1 }, comment: '  Cán bộ hướng dẫn tận tình, nhưng phải đi lại hai lần.  ' }
    const res = await rate(citizen, id, body)
    expect(res.status, await res.clone().text()).toBe(201)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const view = v.parse(DossierViewSchema, await res.json())
    expect(view).toMatchObject({ id, code, status: 'returned', progress: { rating: { level: 'satisfied', ratedAt: '2026-07-01T15:00:00+07:00' } } })
    expect(view.seq).toBeGreaterThan(before)

    expect(stored().map((r) => ({ ...r, contents: r.contents && JSON.parse(r.contents) }))).toEqual([
      expect.objectContaining({
        dossier_id: id,
        id: body.id,
        level: 'satisfied',
        contents: { staffAttitude: 'very-satisfied', contactsNeeded: 1 },
        comment: 'Cán bộ hướng dẫn tận tình, nhưng phải đi lại hai lần.',
      }),
    ])
    expect(ratingOf(t.db, id)).toEqual({ level: 'satisfied', ratedAt: '2026-07-01T15:00:00+07:00' })
    expect(audited().map((e) => [e.actor, e.target, JSON.parse(e.details)])).toEqual([['citizen', id, { code, rating: body.id, level: 'satisfied' }]])

    // The phone's outbox sends it again (the answer was lost): the first answer, nothing new.
    const replay = await rate(citizen, id, body)
    expect(replay.status).toBe(200)
    expect(((await replay.json()) as { seq: number }).seq).toBe(view.seq)
    expect(stored()).toHaveLength(1)
    expect(audited()).toHaveLength(1)
  })

  it('answers 409 before the result is returned, and stores nothing', async () => {
    const { id } = await submitted(t, relayed, citizen)
    const body = { id: randomUUID(), level: 'very-satisfied' }
    expect(((await (await t.app.request(`/api/dossiers/${id}`, { headers: citizen.headers })).json()) as { progress: object }).progress).not.toHaveProperty('rating')
    const p = await problem(await rate(citizen, id, body), 409, 'rating-before-result')
    expect(p.title).toBe('Hồ sơ chưa có kết quả')
    // The server's dossier comes with the refusal: the phone shows where it stands.
    expect(v.parse(DossierViewSchema, (p as unknown as { dossier: unknown }).dossier)).toMatchObject({ id, status: 'registered' })
    await act(t, officers.reception, id, { type: 'receive' })
    await act(t, officers.processing, id, { type: 'startProcessing', unit: officers.agency })
    await act(t, officers.approval, id, { type: 'approve' })
    // Processed is not returned: the applicant has not had the result yet.
    await problem(await rate(citizen, id, body), 409, 'rating-before-result')
    expect(stored()).toEqual([])
    expect(audited()).toEqual([])
  })

  it('refuses a second rating of a rated dossier and the same id with other content (409), keeping the first', async () => {
    const { id } = await returnedDossier(t, relayed, citizen, officers)
    const first = { id: randomUUID(), level: 'very-satisfied' }
    expect((await rate(citizen, id, first)).status).toBe(201)
    const p = await problem(await rate(citizen, id, { id: randomUUID(), level: 'unsatisfied' }), 409, 'rating-exists')
    expect(p.title).toBe('Hồ sơ đã được đánh giá')
    expect((p as unknown as { dossier: { progress: unknown } }).dossier.progress).toMatchObject({ rating: { level: 'very-satisfied' } })
    await problem(await rate(citizen, id, { ...first, level: 'unsatisfied' }), 409, 'rating-conflict')
    await problem(await rate(citizen, id, { ...first, comment: 'Thêm ý kiến' }), 409, 'rating-conflict')
    // A rating id used for one dossier cannot rate another.
    const other = await returnedDossier(t, relayed, citizen, officers)
    await problem(await rate(citizen, other.id, first), 409, 'rating-conflict')
    expect(stored().map((r) => [r.dossier_id, r.level])).toEqual([[id, 'very-satisfied']])
  })

  it('answers 404 to anyone but the owner, 401 without a session, whatever the dossier', async () => {
    const { id } = await returnedDossier(t, relayed, citizen, officers)
    const body = { id: randomUUID(), level: 'unsatisfied' }
    await problem(await rate(stranger, id, body), 404, 'not-found')
    await problem(await rate(officers.approval, id, body), 404, 'not-found')
    await problem(await rate(citizen, randomUUID(), body), 404, 'not-found')
    await problem(await rate(null, id, body), 401, 'unauthenticated')
    // Authentication comes before validation: a stranger learns nothing of the expected shape.
    await problem(await rate(null, id, { level: 'great' }), 401, 'unauthenticated')
    expect(stored()).toEqual([])
  })

  it('answers 400 for a bad body or id, listing what is wrong', async () => {
    const { id } = await returnedDossier(t, relayed, citizen, officers)
    const paths = async (res: Response) => (await problem(res, 400, 'invalid-input')).errors?.map((e) => e.path)
    expect(await paths(await rate(citizen, id, { id: randomUUID(), level: 'great' }))).toEqual(['level'])
    expect(await paths(await rate(citizen, id, { id: 'not-a-uuid', level: 'satisfied' }))).toEqual(['id'])
    expect(await paths(await rate(citizen, id, { id: randomUUID(), level: 'satisfied', contents: { agenciesContacted: 0 } }))).toEqual(['contents.agenciesContacted'])
    expect(await paths(await rate(citizen, id, { id: randomUUID(), level: 'satisfied', comment: 'x'.repeat(2001) }))).toEqual(['comment'])
    await problem(await rate(citizen, id, '{"id":'), 400, 'invalid-input')
    await problem(await rate(citizen, 'not-a-uuid', { id: randomUUID(), level: 'satisfied' }), 400, 'invalid-input')
    await problem(await rate(citizen, id, JSON.stringify({ id: randomUUID(), level: 'satisfied', comment: 'x'.repeat(20_000) })), 413, 'payload-too-large')
    expect(stored()).toEqual([])
  })
})
