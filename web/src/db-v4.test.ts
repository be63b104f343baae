// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import Dexie from 'dexie'
import { afterEach, expect, it } from 'vitest'
import { openPortalDb, type PortalDb } from './db.ts'

// Version 4 adds supplement drafts and downloaded results. A device in version 3 with a draft,
// its file, a queued submission and a submitted dossier keeps every one of them.
const name = `v4-${Math.random()}`
let db: PortalDb | undefined

afterEach(async () => {
  db?.close()
  await Dexie.delete(name)
})

it('upgrades a version 3 database, losing nothing', async () => {
  const v3 = new Dexie(name)
  v3.version(1).stores({ procedures: '&code, field, agencyKind, level', meta: '&key' })
  v3.version(2).stores({ drafts: '&id, procedureCode, updatedAt, status', files: '&id, draftId, [draftId+componentId], sha256' })
  v3.version(3).stores({ outbox: '&id, dossierId, accountSub, state, nextAttemptAt', dossiers: '&id, code, seq, status, accountSub' })
  await v3.open()
  const draft = { id: 'd1', procedureCode: '1.001193', title: 'Khai sinh', status: 'ready', values: { childName: 'Bình' }, fieldTimes: {}, createdAt: 1, updatedAt: 2, queuedAt: 3 }
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7])
  const outbox = { id: 'd1', kind: 'submission', dossierId: 'd1', accountSub: 'alice', state: 'queued', attempts: 2, nextAttemptAt: 5, queuedAt: 3, payload: { id: 'd1' }, uploads: {} }
  const dossier = { id: 'd0', accountSub: 'alice', code: '000.00.31.H55-261127-0001', receipt: { id: 'd0' }, seq: 4, status: 'accepted', storedAt: 1 }
  await v3.table('drafts').add(draft)
  await v3.table('files').add({ id: 'f1', draftId: 'd1', componentId: 'c6', name: 'a.jpg', type: 'image/jpeg', size: 7, sha256: 'ab', blob: new Blob([bytes]), createdAt: 2 })
  await v3.table('outbox').add(outbox)
  await v3.table('dossiers').add(dossier)
  v3.close()

  db = await openPortalDb(name)
  expect(db.verno).toBeGreaterThanOrEqual(4)
  expect(await db.drafts.get('d1')).toEqual(draft)
  expect(new Uint8Array(await (await db.files.get('f1'))!.blob.arrayBuffer())).toEqual(bytes)
  expect(await db.outbox.get('d1')).toEqual(outbox)
  expect(await db.dossiers.get('d0')).toEqual(dossier)
  expect(await db.supplements.where('dossierId').equals('d0').count()).toBe(0)
  expect(await db.results.get('d0')).toBeUndefined()
})
