// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openPortalDb, type PortalDb } from '../db.ts'
import { ALICE, queuedDraft } from './fixtures.ts'
import { flushOutbox, type FlushDeps } from './flush.ts'
import { queueRating, queueSupplement, queueWithdrawal } from './follow-ups.ts'
import { takeBack } from './queue.ts'
import { fakeServer, fetchHttpStack, fileRow, ORIGIN, type FakeServer } from './testing.ts'

let db: PortalDb
let name: string
let server: FakeServer

beforeEach(async () => {
  name = `follow-ups-${Math.random()}`
  db = await openPortalDb(name)
  server = fakeServer()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(async () => {
  db.close()
  await Dexie.delete(name)
  vi.restoreAllMocks()
})

const deps = (): FlushDeps => ({ db, fetch: server.fetch, origin: ORIGIN, now: () => 50_000, random: () => 0.5, httpStack: fetchHttpStack(server.fetch), force: true })

/** A dossier submitted through the outbox, then set by the "officer" to `status`. */
async function submitted(status: 'supplementRequested' | 'returned' | 'processing'): Promise<string> {
  const id = await queuedDraft(db)
  await flushOutbox(deps())
  const dossier = server.dossiers.get(id)!
  const at = '2026-11-27T10:00:00+07:00'
  dossier.view = {
    ...dossier.view,
    status,
    seq: dossier.view.seq + 10,
    history: [...dossier.view.history, { status, at }],
    progress: status === 'supplementRequested' ? { supplementRequest: { requestedAt: at, items: [{ componentId: 'c6', description: 'Ảnh rõ hơn' }] } } : {},
  }
  return id
}

async function supplementDraft(dossierId: string): Promise<string> {
  const id = crypto.randomUUID()
  await db.supplements.add({ id, dossierId, accountSub: 'alice', requestedAt: '2026-11-27T10:00:00+07:00', items: [{ componentId: 'c6', description: 'Ảnh rõ hơn' }], note: '', createdAt: 1, updatedAt: 1 })
  await db.files.add(fileRow(id, 'c6', 'ro-hon.jpg', `clearer ${id}`))
  // A file of a component that was not asked for is not sent.
  await db.files.add(fileRow(id, 'other', 'khac.jpg', `other ${id}`))
  return id
}

describe('follow-ups through the outbox', () => {
  it('sends a supplement queued offline once the network is back: files by tus, then the supplement, once', async () => {
    const dossierId = await submitted('supplementRequested')
    const draftId = await supplementDraft(dossierId)
    const item = await queueSupplement(db, draftId, ALICE, 20_000)
    expect(item.kind === 'supplement' && item.payload.components).toEqual([{ componentId: 'c6', files: [expect.objectContaining({ name: 'ro-hon.jpg' })] }])
    expect((await db.supplements.get(draftId))?.queuedAt).toBe(20_000)

    server.offline = true
    await flushOutbox(deps())
    expect(await db.outbox.get(item.id)).toMatchObject({ state: 'queued', waiting: 'network' })
    server.offline = false
    await flushOutbox(deps())
    await flushOutbox(deps())

    expect((await db.outbox.get(item.id))?.state).toBe('done')
    expect(server.followUps.size).toBe(1)
    expect(server.log.filter((line) => line.endsWith('/supplements'))).toHaveLength(1)
    expect((await db.dossiers.get(dossierId))?.status).toBe('accepted')
    expect(await db.supplements.get(draftId)).toBeUndefined()
    expect(await db.files.where('draftId').equals(draftId).count()).toBe(0)
  })

  it('keeps the supplement draft when the server says the dossier no longer asks for one, and lets it be taken back', async () => {
    const dossierId = await submitted('processing')
    const draftId = await supplementDraft(dossierId)
    const item = await queueSupplement(db, draftId, ALICE)
    await flushOutbox(deps())
    const after = await db.outbox.get(item.id)
    expect(after).toMatchObject({ state: 'needs-attention', lastError: { status: 409, message: 'Hồ sơ không còn ở bước này.' } })
    expect(await db.files.where('draftId').equals(draftId).count()).toBe(2)
    // The server's dossier came with the refusal: the device shows where it stands.
    expect((await db.dossiers.get(dossierId))?.status).toBe('processing')
    expect(await takeBack(db, item.id, server.fetch, ORIGIN)).toBe('taken')
    const unfrozen = await db.supplements.get(draftId)
    expect([unfrozen?.queuedAt, unfrozen?.itemId, unfrozen?.dossierId]).toEqual([undefined, undefined, dossierId])
  })

  it('refuses nothing silently: a second rating is a 409 shown on its item, the first one stands', async () => {
    const dossierId = await submitted('returned')
    const first = await queueRating(db, dossierId, { level: 'very-satisfied', contents: { staffAttitude: 'satisfied' } }, ALICE)
    await flushOutbox(deps())
    expect((await db.outbox.get(first.id))?.state).toBe('done')
    expect((await db.dossiers.get(dossierId))?.view?.progress?.rating?.level).toBe('very-satisfied')
    const second = await queueRating(db, dossierId, { level: 'unsatisfied' }, ALICE)
    expect(second.id).not.toBe(first.id)
    await flushOutbox(deps())
    expect(await db.outbox.get(second.id)).toMatchObject({ state: 'needs-attention', lastError: { status: 409 } })
    expect(server.followUps.size).toBe(1)
  })

  it('queues one withdrawal per dossier however often it is asked for, and waits for the account that asked', async () => {
    const dossierId = await submitted('processing')
    server.dossiers.get(dossierId)!.view.status = 'accepted'
    const first = await queueWithdrawal(db, dossierId, '  Nộp nhầm thủ tục  ', ALICE)
    const again = await queueWithdrawal(db, dossierId, 'khác', ALICE)
    expect(again.id).toBe(first.id)
    expect(first.kind === 'withdrawal' && first.payload.reason).toBe('Nộp nhầm thủ tục')
    server.signedIn = 'bob'
    await flushOutbox(deps())
    expect(await db.outbox.get(first.id)).toMatchObject({ state: 'queued', waiting: 'account' })
    server.signedIn = 'alice'
    await flushOutbox(deps())
    expect((await db.outbox.get(first.id))?.state).toBe('done')
    expect((await db.dossiers.get(dossierId))?.status).toBe('withdrawn')
  })
})
