import { beforeEach, expect, it } from 'vitest'
import { portalDb } from '../db.ts'
import { attachDrafts, ownedDraftIds, removeOwnedDrafts } from './drafts.ts'

const draft = (id: string, ownerSub?: string) => ({
  id,
  procedureCode: '1.001193',
  title: id,
  status: 'editing' as const,
  values: {},
  fieldTimes: {},
  createdAt: 1,
  updatedAt: 1,
  ...(ownerSub ? { ownerSub } : {}),
})

beforeEach(async () => {
  const db = await portalDb()
  await db.drafts.clear()
  await db.files.clear()
})

it('gives ownerless drafts to the person who signs in, and removes only theirs on request', async () => {
  const db = await portalDb()
  await db.drafts.bulkAdd([draft('a'), draft('b', 'bob'), draft('c')])
  await db.files.add({ id: 'f', draftId: 'a', componentId: 'x', name: 'x.jpg', type: 'image/jpeg', size: 1, sha256: '00', blob: new Blob(['x']), createdAt: 1 })
  expect(await attachDrafts('alice')).toBe(2)
  expect((await ownedDraftIds('alice')).sort()).toEqual(['a', 'c'])
  await removeOwnedDrafts('alice')
  expect(await db.drafts.toCollection().primaryKeys()).toEqual(['b'])
  expect(await db.files.count()).toBe(0)
})
