import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openPortalDb, type FileRow, type PortalDb } from '../db.ts'
import { createDraft, deleteDraft, duplicateDraft, listDrafts, renameDraft, setDraftStatus } from './repository.ts'
import { saveChanges } from './save.ts'

let db: PortalDb
let name: string
beforeEach(async () => {
  name = `repo-${Math.random()}`
  db = await openPortalDb(name)
})
afterEach(async () => {
  db.close()
  await Dexie.delete(name)
})

const file = (draftId: string, id: string, size: number): FileRow => ({
  id, draftId, componentId: 'c1', name: `${id}.jpg`, type: 'image/jpeg', size, sha256: id.repeat(4),
  blob: new Blob([new Uint8Array(size)]), createdAt: 1,
})

describe('drafts on the device', () => {
  it('lists several drafts, the latest change first, with their files’ sizes', async () => {
    const a = await createDraft(db, { procedureCode: '1.001193', title: 'Khai sinh' }, 100)
    const b = await createDraft(db, { procedureCode: '1.000894', title: 'Kết hôn' }, 200)
    await db.files.bulkAdd([file(a, 'f1', 10), file(a, 'f2', 5), file(b, 'f3', 1)])
    await saveChanges(db, a, [{ path: 'name', value: 'An', time: 300 }])
    const list = await listDrafts(db)
    expect(list.map((s) => [s.draft.title, s.size, s.draft.status])).toEqual([['Khai sinh', 15, 'editing'], ['Kết hôn', 1, 'editing']])
  })

  it('renames and marks ready', async () => {
    const id = await createDraft(db, { procedureCode: '1.001193', title: 'Khai sinh' })
    await renameDraft(db, id, 'Khai sinh cho bé An')
    await setDraftStatus(db, id, 'ready')
    expect(await db.drafts.get(id)).toMatchObject({ title: 'Khai sinh cho bé An', status: 'ready' })
  })

  it('duplicates values and files (new rows, the same blobs)', async () => {
    const id = await createDraft(db, { procedureCode: '1.001193', title: 'Khai sinh' })
    await saveChanges(db, id, [{ path: 'name', value: 'An', time: Date.now() + 1 }])
    await db.files.add(file(id, 'f1', 10))
    await setDraftStatus(db, id, 'ready')
    const copy = await duplicateDraft(db, id, 'Bản sao')
    expect(await db.drafts.get(copy)).toMatchObject({ title: 'Bản sao', status: 'editing', values: { name: 'An' } })
    const [copied] = await db.files.where('draftId').equals(copy).toArray()
    expect(copied).toMatchObject({ sha256: 'f1f1f1f1', size: 10 })
    expect(copied!.id).not.toBe('f1')
  })

  it('deletes a draft with its files and nothing else', async () => {
    const a = await createDraft(db, { procedureCode: '1.001193', title: 'A' })
    const b = await createDraft(db, { procedureCode: '1.001193', title: 'B' })
    await db.files.bulkAdd([file(a, 'f1', 1), file(b, 'f2', 1)])
    await deleteDraft(db, a)
    expect(await db.drafts.count()).toBe(1)
    expect((await db.files.toArray()).map((f) => f.id)).toEqual(['f2'])
  })
})
