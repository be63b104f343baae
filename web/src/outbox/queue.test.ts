import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openPortalDb, type PortalDb } from '../db.ts'
import { ALICE, definition, queuedDraft } from './fixtures.ts'
import { flushOutbox } from './flush.ts'
import { QueueError, queueSubmission, retryItem, takeBack } from './queue.ts'
import { fakeServer, fetchHttpStack, ORIGIN, type FakeServer } from './testing.ts'

let db: PortalDb
let name: string
let server: FakeServer

beforeEach(async () => {
  name = `queue-${Math.random()}`
  db = await openPortalDb(name)
  server = fakeServer()
})
afterEach(async () => {
  db.close()
  await Dexie.delete(name)
})

const flush = () => flushOutbox({ db, fetch: server.fetch, origin: ORIGIN, now: () => 5_000, random: () => 0.5, httpStack: fetchHttpStack(server.fetch), force: true })

describe('queuing a ready draft', () => {
  it('writes the item and freezes the draft together, with the account that queued it', async () => {
    const id = await queuedDraft(db)
    const item = await db.outbox.get(id)
    expect(item).toMatchObject({ id, dossierId: id, accountSub: 'alice', accountName: 'Nguyễn Văn An', state: 'queued', attempts: 0 })
    expect(Object.values(item!.uploads).map((u) => u.done)).toEqual([false, false])
    expect((await db.drafts.get(id))?.queuedAt).toBe(1_000)
    await expect(queueSubmission(db, id, definition, { resultDelivery: { method: 'online' } }, ALICE)).rejects.toEqual(new QueueError('queued'))
  })

  it('refuses a draft that is not marked ready, and writes nothing', async () => {
    const id = await queuedDraft(db)
    await db.outbox.delete(id)
    await db.drafts.update(id, { status: 'editing', queuedAt: undefined })
    await expect(queueSubmission(db, id, definition, { resultDelivery: { method: 'online' } }, ALICE)).rejects.toEqual(new QueueError('not-ready'))
    expect(await db.outbox.count()).toBe(0)
    expect((await db.drafts.get(id))?.queuedAt).toBeUndefined()
  })
})

describe('taking an item back for editing', () => {
  it('takes a not-yet-sent item out of the queue and unfreezes the draft', async () => {
    const id = await queuedDraft(db)
    expect(await takeBack(db, id, server.fetch, ORIGIN)).toBe('taken')
    expect(await db.outbox.get(id)).toBeUndefined()
    const draft = await db.drafts.get(id)
    expect(draft?.queuedAt).toBeUndefined()
    expect(draft?.status).toBe('ready')
    expect(await db.files.where('draftId').equals(id).count()).toBe(2)
  })

  it('takes back an item the server refused (422), keeping every answer', async () => {
    const id = await queuedDraft(db)
    server.intercept = () => new Response(JSON.stringify({ type: 'x/validation', title: 'Hồ sơ chưa hợp lệ' }), { status: 422 })
    await flush()
    expect((await db.outbox.get(id))?.state).toBe('needs-attention')
    expect(await takeBack(db, id, server.fetch, ORIGIN)).toBe('taken')
    expect((await db.drafts.get(id))?.values.childName).toMatch(/^Bình/)
  })

  it('does not take back what the server already has: it is sent', async () => {
    const id = await queuedDraft(db)
    await flush()
    expect(await takeBack(db, id, server.fetch, ORIGIN)).toBe('sent')
    expect(await db.drafts.get(id)).toBeUndefined()
  })

  it('asks the server when a POST got no answer: a dossier it has is stored as submitted', async () => {
    const id = await queuedDraft(db)
    // The server stores it, but the answer is lost on the way back.
    const lose: typeof globalThis.fetch = async (input, init) => {
      const res = await server.fetch(input, init)
      if (init?.method === 'POST' && String(input).endsWith('/api/dossiers')) throw new TypeError('Failed to fetch')
      return res
    }
    await flushOutbox({ db, fetch: lose, origin: ORIGIN, now: () => 5_000, random: () => 0.5, httpStack: fetchHttpStack(server.fetch) })
    expect(await db.outbox.get(id)).toMatchObject({ state: 'queued', posted: true })
    server.offline = true
    expect(await takeBack(db, id, server.fetch, ORIGIN)).toBe('needs-network')
    expect((await db.drafts.get(id))?.queuedAt).toBeDefined()
    server.offline = false
    expect(await takeBack(db, id, server.fetch, ORIGIN)).toBe('sent')
    expect(await db.drafts.get(id)).toBeUndefined()
    expect((await db.dossiers.get(id))?.code).toBe(server.dossiers.get(id)?.view.code)
  })

  it('takes back a posted item the server does not have (404)', async () => {
    const id = await queuedDraft(db)
    await db.outbox.update(id, { posted: true })
    expect(await takeBack(db, id, server.fetch, ORIGIN)).toBe('taken')
  })
})

it('"Thử lại" puts an item needing attention back in the queue, due now, and it goes', async () => {
  const id = await queuedDraft(db)
  const [first] = Object.keys((await db.outbox.get(id))!.uploads)
  server.refuse.add(first!)
  await flush()
  expect((await db.outbox.get(id))?.state).toBe('needs-attention')
  server.refuse.clear()
  await retryItem(db, id, 6_000)
  expect(await db.outbox.get(id)).toMatchObject({ state: 'queued', nextAttemptAt: 6_000, attempts: 0 })
  await flush()
  expect((await db.outbox.get(id))?.state).toBe('done')
})
