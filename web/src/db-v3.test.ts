// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import Dexie from 'dexie'
import { afterEach, expect, it } from 'vitest'
import { openPortalDb, type PortalDb } from './db.ts'

// Version 3 adds the outbox and the submitted dossiers. A device that has drafts and files in
// version 2 must keep every one of them, byte for byte, across the app update.
const name = `v3-${Math.random()}`
let db: PortalDb | undefined

afterEach(async () => {
  db?.close()
  await Dexie.delete(name)
})

it('upgrades a version 2 database with drafts and files, losing nothing', async () => {
  const v2 = new Dexie(name)
  v2.version(1).stores({ procedures: '&code, field, agencyKind, level', meta: '&key' })
  v2.version(2).stores({ drafts: '&id, procedureCode, updatedAt, status', files: '&id, draftId, [draftId+componentId], sha256' })
  await v2.open()
  const draft = {
    id: '5b1e0c1e-4f7a-4c43-9a53-1f0a2a0c9d11',
    procedureCode: '1.001193',
    title: 'Khai sinh cho Bình',
    status: 'ready',
    values: { childName: 'Nguyễn Thị Bình', applicantResidence: { provinceCode: '19', communeCode: '05440', street: 'Tổ 5' } },
    fieldTimes: { childName: 3 },
    createdAt: 1,
    updatedAt: 3,
    ownerSub: 'alice',
  }
  await v2.table('drafts').add(draft)
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
  await v2.table('files').add({ id: 'f1', draftId: draft.id, componentId: 'c6', name: 'a.jpg', type: 'image/jpeg', size: 7, sha256: 'ab', blob: new Blob([bytes]), createdAt: 2 })
  await v2.table('meta').add({ key: 'catalog', value: { version: 'v1' } })
  v2.close()

  db = await openPortalDb(name)
  expect(db.verno).toBeGreaterThanOrEqual(3)
  expect(await db.drafts.get(draft.id)).toEqual(draft)
  const file = await db.files.get('f1')
  expect(new Uint8Array(await file!.blob.arrayBuffer())).toEqual(bytes)
  expect(await db.files.where({ draftId: draft.id, componentId: 'c6' }).count()).toBe(1)
  expect((await db.meta.get('catalog'))?.value).toEqual({ version: 'v1' })
  expect(await db.outbox.count()).toBe(0)
  expect(await db.dossiers.where('accountSub').equals('alice').count()).toBe(0)
})
