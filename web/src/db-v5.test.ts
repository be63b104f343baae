// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import Dexie from 'dexie'
import { afterEach, expect, it } from 'vitest'
import { openPortalDb, type PortalDb } from './db.ts'

// Version 5 adds the inbox kept on the device. A device in version 4 with a draft, its file, a
// submitted dossier, a supplement draft and a downloaded result keeps every one of them.
const name = `v5-${Math.random()}`
let db: PortalDb | undefined

afterEach(async () => {
  db?.close()
  await Dexie.delete(name)
})

it('upgrades a version 4 database, losing nothing', async () => {
  const v4 = new Dexie(name)
  v4.version(1).stores({ procedures: '&code, field, agencyKind, level', meta: '&key' })
  v4.version(2).stores({ drafts: '&id, procedureCode, updatedAt, status', files: '&id, draftId, [draftId+componentId], sha256' })
  v4.version(3).stores({ outbox: '&id, dossierId, accountSub, state, nextAttemptAt', dossiers: '&id, code, seq, status, accountSub' })
  v4.version(4).stores({ supplements: '&id, dossierId, accountSub', results: '&dossierId, accountSub' })
  await v4.open()
  const draft = { id: 'd1', procedureCode: '1.001193', title: 'Khai sinh', status: 'editing', values: { childName: 'Bình' }, fieldTimes: {}, createdAt: 1, updatedAt: 2 }
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3])
  const dossier = { id: 'd0', accountSub: 'alice', code: '000.00.31.H55-261127-0001', receipt: { id: 'd0' }, seq: 4, status: 'returned', storedAt: 1 }
  const supplement = { id: 's1', dossierId: 'd0', accountSub: 'alice', values: {}, createdAt: 3 }
  await v4.table('drafts').add(draft)
  await v4.table('files').add({ id: 'f1', draftId: 'd1', componentId: 'c6', name: 'a.pdf', type: 'application/pdf', size: 7, sha256: 'ab', blob: new Blob([bytes]), createdAt: 2 })
  await v4.table('dossiers').add(dossier)
  await v4.table('supplements').add(supplement)
  await v4.table('results').add({ dossierId: 'd0', accountSub: 'alice', sha256: 'cd', name: 'kq.pdf', type: 'application/pdf', size: 7, blob: new Blob([bytes]), downloadedAt: 5 })
  v4.close()

  db = await openPortalDb(name)
  expect(db.verno).toBeGreaterThanOrEqual(5)
  expect(await db.drafts.get('d1')).toEqual(draft)
  expect(new Uint8Array(await (await db.files.get('f1'))!.blob.arrayBuffer())).toEqual(bytes)
  expect(await db.dossiers.get('d0')).toEqual(dossier)
  expect(await db.supplements.get('s1')).toEqual(supplement)
  expect(new Uint8Array(await (await db.results.get('d0'))!.blob.arrayBuffer())).toEqual(bytes)
  expect(await db.notices.where('accountSub').equals('alice').count()).toBe(0)
})
