import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { NoticePageSchema, NoticeSchema, type Notice } from '@portal/shared/notices/schema'
import { tryOthersIds } from '../auth/testing/idor.ts'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { intakeCatalog } from '../dossiers/testing.ts'
import { createLogger } from '../log.ts'
import { fixedClock, testApp } from '../testing/app.ts'
import { Inbox } from './inbox.ts'
import { noticeListener, supplementDeadline } from './listener.ts'
import { NOTICES_PAGE } from './routes.ts'
import { holidays, RECEIVE, scriptFor, submitDossier, vn } from './testing.ts'

let t: ReturnType<typeof testApp>
let alice: TestPerson
let bob: TestPerson
beforeEach(() => {
  t = testApp({ catalog: intakeCatalog() })
  alice = signedIn(t, { sub: 'alice', profile: { name: 'Nguyễn Văn An', email: 'an@example.com', email_verified: true } })
  bob = signedIn(t, { sub: 'bob' })
})
afterEach(() => t.cleanup())

/** Alice's dossier received, then asked for a supplement: two notices, through the listener. */
async function aliceTold(): Promise<{ dossierId: string }> {
  const receipt = await submitDossier(t.app, alice)
  const inbox = new Inbox(t.db)
  // The relay's time (the sessions keep the app's clock).
  const clock = fixedClock('2026-07-01T02:00:00.000Z')
  const listen = noticeListener({ db: t.db, clock, logger: createLogger('silent'), notifiers: [inbox], supplyBy: supplementDeadline(15, holidays) })
  const script = scriptFor(receipt, alice.userId)
  await listen(script.step(RECEIVE))
  clock.set('2026-07-02T03:00:00.000Z')
  await listen(script.step({ type: 'requestSupplement', at: vn('07-02', '10:00'), items: [{ description: 'Bản sao căn cước' }] }))
  return { dossierId: receipt.id }
}

const get = (person: TestPerson | undefined, path: string) => t.app.request(path, person ? { headers: person.headers } : {})
const read = (person: TestPerson, id: string, headers: Record<string, string> = person.headers) => t.app.request(`/api/notices/${id}/read`, { method: 'POST', headers })

async function list(person: TestPerson, query = ''): Promise<v.InferOutput<typeof NoticePageSchema>> {
  const res = await get(person, `/api/notices${query}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('Cache-Control')).toBe('no-store')
  return v.parse(NoticePageSchema, await res.json())
}

async function unread(person: TestPerson): Promise<number> {
  const res = await get(person, '/api/notices/unread-count')
  expect(res.status).toBe(200)
  return ((await res.json()) as { unread: number }).unread
}

async function problemType(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  return ((await res.json()) as { type: string }).type.split('/').pop()!
}

describe('the inbox API', () => {
  it('asks for a session first: 401 on every route, before the input is looked at', async () => {
    expect(await problemType(await get(undefined, '/api/notices'), 401)).toBe('unauthenticated')
    expect(await problemType(await get(undefined, '/api/notices?before=x'), 401)).toBe('unauthenticated')
    expect(await problemType(await get(undefined, '/api/notices/unread-count'), 401)).toBe('unauthenticated')
    const noSession = { Origin: t.config.publicOrigin, 'X-Requested-With': 'portal' }
    expect(await problemType(await read(alice, 'not-a-uuid', noSession), 401)).toBe('unauthenticated')
  })

  it('lists my notices newest first, each with what to do in both languages, and counts the unread', async () => {
    const { dossierId } = await aliceTold()
    const page = await list(alice)
    expect(page.next).toBeUndefined()
    expect(page.notices.map((n) => n.kind)).toEqual(['supplementRequested', 'received'])
    const [supplement] = page.notices as [Notice, Notice]
    expect(supplement).toMatchObject({ dossierId, status: 'supplementRequested', createdAt: '2026-07-02T03:00:00.000Z' })
    expect(supplement.readAt).toBeUndefined()
    expect(supplement.list?.items).toEqual(['Bản sao căn cước'])
    expect(supplement.lines.map((l) => l.vi).join(' ')).toContain('Hạn bổ sung: 17:00 ngày 23/07/2026.')
    expect(supplement.action?.path).toBe(`/ho-so/da-nop/${dossierId}`)
    expect(await unread(alice)).toBe(2)
    // Nobody else sees them.
    expect((await list(bob)).notices).toEqual([])
    expect(await unread(bob)).toBe(0)
  })

  it(`pages by ${NOTICES_PAGE}, older pages through before=next`, async () => {
    const { dossierId } = await aliceTold()
    const inbox = new Inbox(t.db)
    for (let step = 10; step < 33; step++) {
      inbox.deliver({ id: randomUUID(), userId: alice.userId, dossierId, dossierCode: 'X', step, kind: 'processing', status: 'processing', content: { title: { vi: `Bước ${step}`, en: `Step ${step}` }, lines: [] }, createdAt: t.clock.now() })
    }
    const first = await list(alice)
    expect(first.notices).toHaveLength(NOTICES_PAGE)
    expect(first.notices[0]?.title.vi).toBe('Bước 32')
    expect(first.next).toMatch(/^\d+$/)
    const second = await list(alice, `?before=${first.next}`)
    expect(second.notices.slice(0, 3).map((n) => n.title.vi)).toEqual(['Bước 12', 'Bước 11', 'Bước 10'])
    expect(second.notices.slice(3).map((n) => n.kind)).toEqual(['supplementRequested', 'received'])
    expect(second.next).toBeUndefined()
    expect(await problemType(await get(alice, '/api/notices?before=abc'), 400)).toBe('invalid-input')
  })

  it('marks my notice read once (the first time is kept); the badge counts one less', async () => {
    await aliceTold()
    const [newest] = (await list(alice)).notices
    t.clock.set('2026-07-01T08:05:00.000Z')
    const res = await read(alice, newest!.id)
    expect(res.status).toBe(200)
    const marked = v.parse(NoticeSchema, await res.json())
    expect(marked).toMatchObject({ id: newest!.id, readAt: '2026-07-01T08:05:00.000Z' })
    expect(await unread(alice)).toBe(1)
    t.clock.set('2026-07-01T08:10:00.000Z')
    const again = v.parse(NoticeSchema, await (await read(alice, newest!.id)).json())
    expect(again.readAt).toBe('2026-07-01T08:05:00.000Z')
    expect(await unread(alice)).toBe(1)
  })

  it("others' notices are not found (404), and stay unread; bad ids are 400, unknown ones 404", async () => {
    await aliceTold()
    const ids = (await list(alice)).notices.map((n) => n.id)
    expect(await tryOthersIds(t.app, bob, ids.map((id) => ({ method: 'POST' as const, path: `/api/notices/${id}/read` })))).toEqual([])
    expect(await problemType(await read(bob, ids[0]!), 404)).toBe('not-found')
    expect(await unread(alice)).toBe(2)
    expect(await problemType(await read(alice, 'not-a-uuid'), 400)).toBe('invalid-input')
    expect(await problemType(await read(alice, randomUUID()), 404)).toBe('not-found')
  })

  it('refuses a write without the CSRF header (403), and changes nothing', async () => {
    await aliceTold()
    const [newest] = (await list(alice)).notices
    const headers = Object.fromEntries(Object.entries(alice.headers).filter(([name]) => name !== 'X-Requested-With'))
    expect(await problemType(await read(alice, newest!.id, headers), 403)).toBe('csrf-header-missing')
    expect(await unread(alice)).toBe(2)
  })

  it('is described in /api/openapi.json', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }
    expect(doc.paths['/api/notices']?.get).toBeDefined()
    expect(doc.paths['/api/notices/unread-count']?.get).toBeDefined()
    expect(doc.paths['/api/notices/{id}/read']?.post).toBeDefined()
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Notice', 'NoticePage', 'UnreadCount']))
  })
})
