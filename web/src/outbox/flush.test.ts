import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openPortalDb, type PortalDb } from '../db.ts'
import { BACKOFF_BASE_MS } from './backoff.ts'
import { BOB, queuedDraft } from './fixtures.ts'
import { flushOutbox, type FlushDeps } from './flush.ts'
import { fakeServer, fetchHttpStack, ORIGIN, type FakeServer } from './testing.ts'

let db: PortalDb
let name: string
let server: FakeServer
let clock: number

beforeEach(async () => {
  name = `outbox-${Math.random()}`
  db = await openPortalDb(name)
  server = fakeServer()
  clock = 10_000
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(async () => {
  db.close()
  await Dexie.delete(name)
  vi.restoreAllMocks()
})

const deps = (extra: Partial<FlushDeps> = {}): FlushDeps => ({
  db,
  fetch: server.fetch,
  origin: ORIGIN,
  now: () => clock,
  random: () => 0.5,
  httpStack: fetchHttpStack(server.fetch),
  ...extra,
})

describe('flushing the outbox', () => {
  it('uploads the files, submits, stores the receipt, and only then deletes the draft and its files', async () => {
    const id = await queuedDraft(db)
    expect((await db.drafts.get(id))?.queuedAt).toBe(1_000)
    // The server fails once after the files are up: nothing is deleted on the device.
    server.intercept = () => new Response('{}', { status: 500 })
    await flushOutbox(deps())
    expect(await db.outbox.get(id)).toMatchObject({ state: 'queued', waiting: 'server', posted: true })
    expect(await db.drafts.get(id)).toBeDefined()
    expect(await db.files.where('draftId').equals(id).count()).toBe(2)
    server.intercept = undefined
    await flushOutbox(deps({ force: true }))
    const item = await db.outbox.get(id)
    expect(item?.state).toBe('done')
    expect(await db.drafts.get(id)).toBeUndefined()
    expect(await db.files.where('draftId').equals(id).count()).toBe(0)
    const dossier = await db.dossiers.get(id)
    expect(dossier?.code).toMatch(/^000\.00\.31\.H55-\d{6}-\d{4}$/)
    expect(dossier?.view?.status).toBe('registered')
    // Hidden answers are not sent; both files went up by tus before the submission.
    const sent = server.dossiers.get(id)!.submission
    expect(sent.form).toEqual({ childName: expect.any(String), hasNote: 'no' })
    expect(sent.components[0]!.files.map((f) => f.name)).toEqual(['photo-1.jpg', 'photo-2.jpg'])
    // Files up once; the submission twice (the first answer was a 500), the same content.
    expect(server.log.filter((l) => l.startsWith('POST'))).toEqual(['POST /api/uploads/', 'POST /api/uploads/', 'POST /api/dossiers', 'POST /api/dossiers'])
  })

  it('keeps the draft and backs off when the network is gone, then sends when it is back', async () => {
    const id = await queuedDraft(db)
    server.offline = true
    const first = await flushOutbox(deps())
    let item = await db.outbox.get(id)
    expect(item).toMatchObject({ state: 'queued', waiting: 'network', attempts: 1 })
    expect(first.nextAttemptAt).toBe(clock + BACKOFF_BASE_MS / 2) // random 0.5 of the 2 s ceiling
    expect(await db.drafts.get(id)).toBeDefined()
    // Not yet due: the timer's pass does nothing.
    server.offline = false
    await flushOutbox(deps())
    expect((await db.outbox.get(id))?.state).toBe('queued')
    clock += BACKOFF_BASE_MS
    await flushOutbox(deps())
    item = await db.outbox.get(id)
    expect(item?.state).toBe('done')
  })

  it('resumes an upload cut in the middle from the offset the server has', async () => {
    const id = await queuedDraft(db)
    const big = (await db.outbox.get(id))!.uploads
    const [bigSha] = Object.entries(big).sort((a, b) => b[1].total - a[1].total)[0]!
    let patches = 0
    const fetch: typeof globalThis.fetch = async (input, init) => {
      // The device goes offline after the first PATCH of the big file (1 MB chunks).
      if (init?.method === 'PATCH' && ++patches > 2) {
        vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
        throw new TypeError('Failed to fetch')
      }
      return server.fetch(input, init)
    }
    await flushOutbox(deps({ fetch, httpStack: fetchHttpStack(fetch) }))
    const item = await db.outbox.get(id)
    expect(item?.state).toBe('queued')
    const stored = Object.values(item!.uploads).find((u) => u.url && !u.done)
    expect(stored?.url).toMatch(/^http:\/\/portal\.test\/api\/uploads\/u\d+$/)
    expect(stored?.total).toBe(big[bigSha]!.total)
    vi.restoreAllMocks()
    server.log.length = 0
    await flushOutbox(deps({ force: true }))
    expect((await db.outbox.get(id))?.state).toBe('done')
    // Resumed: asked where the bytes stopped, and sent only the rest.
    expect(server.log.filter((l) => l !== 'GET /api/session' && !l.startsWith('GET /api/dossiers/'))).toEqual(['HEAD ' + new URL(stored!.url!).pathname, 'PATCH ' + new URL(stored!.url!).pathname, 'POST /api/dossiers'])
  })

  it('sends items of different dossiers independently: one refused does not hold back the others', async () => {
    const bad = await queuedDraft(db, undefined, 1_000)
    const good = await queuedDraft(db, undefined, 2_000)
    const later = await queuedDraft(db, undefined, 3_000)
    server.intercept = (s) => (s.id === bad ? new Response(JSON.stringify({ type: 'x/validation', title: 'Hồ sơ chưa hợp lệ', detail: 'Ngày sinh không hợp lệ', errors: [{ path: 'childBirthDate', message: 'Ngày sinh không hợp lệ' }] }), { status: 422 }) : undefined)
    await flushOutbox(deps())
    expect((await db.outbox.get(bad))?.state).toBe('needs-attention')
    expect((await db.outbox.get(good))?.state).toBe('done')
    expect((await db.outbox.get(later))?.state).toBe('done')
  })

  it('on 422 needs attention with the server\'s words and keeps the draft (still frozen until taken back)', async () => {
    const id = await queuedDraft(db)
    server.intercept = () => new Response(JSON.stringify({ type: 'https://dichvucong.example/problems/validation', title: 'Hồ sơ chưa hợp lệ', detail: 'Ngày sinh của trẻ không hợp lệ', errors: [{ path: 'childBirthDate', message: 'Ngày sinh không hợp lệ' }] }), { status: 422 })
    await flushOutbox(deps())
    const item = await db.outbox.get(id)
    expect(item).toMatchObject({ state: 'needs-attention', posted: false, lastError: { type: 'validation', status: 422, message: 'Ngày sinh của trẻ không hợp lệ', problems: [{ path: 'childBirthDate', message: 'Ngày sinh không hợp lệ' }] } })
    expect((await db.drafts.get(id))?.queuedAt).toBe(1_000)
    // Never resent by itself.
    server.log.length = 0
    clock += 3_600_000
    await flushOutbox(deps({ force: true }))
    expect(server.log).toEqual([])
  })

  it('on 409 needs attention with the server\'s dossier beside the local copy, never resent by itself', async () => {
    const id = await queuedDraft(db)
    await flushOutbox(deps())
    // The same id comes back with other content (as a restored backup of the device would).
    await db.outbox.update(id, { state: 'queued', payload: { ...(await db.outbox.get(id))!.payload, form: { childName: 'Khác' } } })
    await flushOutbox(deps())
    const item = await db.outbox.get(id)
    expect(item?.state).toBe('needs-attention')
    expect(item?.lastError?.type).toBe('dossier-conflict')
    expect(item?.conflict?.id).toBe(id)
    expect(item?.kind === 'submission' && item.payload.form).toEqual({ childName: 'Khác' })
  })

  it('sends an item only under a session of the account that queued it', async () => {
    const alices = await queuedDraft(db)
    const bobs = await queuedDraft(db, BOB)
    await flushOutbox(deps())
    expect((await db.outbox.get(alices))?.state).toBe('done')
    expect(await db.outbox.get(bobs)).toMatchObject({ state: 'queued', waiting: 'account', accountName: 'Trần Thị Bích' })
    expect(server.uploads.size).toBe(2) // Alice's two files only
    expect(server.dossiers.has(bobs)).toBe(false)
    server.signedIn = null
    await flushOutbox(deps({ force: true }))
    expect((await db.outbox.get(bobs))?.waiting).toBe('account')
    server.signedIn = 'bob'
    await flushOutbox(deps({ force: true }))
    expect((await db.outbox.get(bobs))?.state).toBe('done')
    expect(server.dossiers.get(bobs)?.owner).toBe('bob')
  })

  it('puts a file the server refuses in needs-attention, naming it, and sends the rest', async () => {
    const id = await queuedDraft(db)
    const other = await queuedDraft(db)
    const item = (await db.outbox.get(id))!
    const refused = Object.keys(item.uploads)[1]!
    server.refuse.add(refused)
    await flushOutbox(deps())
    expect(await db.outbox.get(id)).toMatchObject({ state: 'needs-attention', lastError: { type: 'file-refused', sha256: refused, status: 422, message: 'Tệp bị hỏng khi gửi; hãy gửi lại.' } })
    expect((await db.outbox.get(other))?.state).toBe('done')
  })

  it('backs off on 5xx within the jitter bounds, growing with each failure', async () => {
    const id = await queuedDraft(db)
    server.intercept = () => new Response('{}', { status: 503 })
    const ceilings = [2_000, 4_000, 8_000, 16_000]
    for (const ceiling of ceilings) {
      for (const r of [0, 0.999]) {
        await db.outbox.update(id, { attempts: ceilings.indexOf(ceiling), nextAttemptAt: 0 })
        const { nextAttemptAt } = await flushOutbox(deps({ random: () => r }))
        const wait = nextAttemptAt! - clock
        expect(wait).toBeGreaterThanOrEqual(0)
        expect(wait).toBeLessThan(ceiling)
        if (r === 0.999) expect(wait).toBeGreaterThan(ceiling * 0.99)
      }
    }
    expect(await db.outbox.get(id)).toMatchObject({ state: 'queued', waiting: 'server', posted: true })
  })
})
