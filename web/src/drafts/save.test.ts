import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openPortalDb, type DraftRow, type PortalDb } from '../db.ts'
import { mergeChanges, saveChanges, valueAt } from './save.ts'

const draft = (over: Partial<DraftRow> = {}): DraftRow => ({
  id: 'd1', procedureCode: '1.001193', title: 'Khai sinh', status: 'editing',
  values: {}, fieldTimes: {}, createdAt: 1, updatedAt: 1, ...over,
})

describe('merging changes per field', () => {
  it('writes a change newer than the stored one and keeps the newer stored one', () => {
    const row = draft({ values: { a: 'old', b: 'kept' }, fieldTimes: { a: 10, b: 30 } })
    const merged = mergeChanges(row, [
      { path: 'a', value: 'new', time: 20 },
      { path: 'b', value: 'stale', time: 20 },
    ])
    expect(merged.values).toEqual({ a: 'new', b: 'kept' })
    expect(merged.fieldTimes).toEqual({ a: 20, b: 30 })
    expect(merged.updatedAt).toBe(20)
  })

  it('returns the same row when nothing is newer (no write needed)', () => {
    const row = draft({ values: { a: 'x' }, fieldTimes: { a: 10 } })
    expect(mergeChanges(row, [{ path: 'a', value: 'y', time: 10 }])).toBe(row)
  })

  it('writes inside groups, and a newer whole-group write dominates older item changes', () => {
    let row = mergeChanges(draft(), [{ path: 'members.1.name', value: 'Lan', time: 5 }])
    expect(row.values).toEqual({ members: [{}, { name: 'Lan' }] })
    row = mergeChanges(row, [{ path: 'members', value: [{ name: 'An' }], time: 9 }])
    expect(row.fieldTimes).toEqual({ members: 9 })
    row = mergeChanges(row, [{ path: 'members.0.name', value: 'late', time: 7 }])
    expect(valueAt(row, 'members.0.name')).toBe('An')
    row = mergeChanges(row, [{ path: 'members.0.name', value: 'Bình', time: 12 }])
    expect(row.values).toEqual({ members: [{ name: 'Bình' }] })
  })
})

describe('saving into IndexedDB', () => {
  let db: PortalDb
  let name: string
  beforeEach(async () => {
    name = `save-${Math.random()}`
    db = await openPortalDb(name)
    await db.drafts.add(draft())
  })
  afterEach(async () => {
    db.close()
    await Dexie.delete(name)
  })

  it('two writers interleaving: each field keeps its latest change, whoever saved last', async () => {
    // Tab A types the name at t=10 and the phone at t=40; tab B types the name at t=20 and the
    // phone at t=30. A's save of both arrives last, B's first, and then the other way round.
    const a = [{ path: 'name', value: 'A', time: 10 }, { path: 'phone', value: '0901', time: 40 }]
    const b = [{ path: 'name', value: 'B', time: 20 }, { path: 'phone', value: '0902', time: 30 }]
    await Promise.all([saveChanges(db, 'd1', b), saveChanges(db, 'd1', a)])
    expect((await db.drafts.get('d1'))!.values).toEqual({ name: 'B', phone: '0901' })

    await db.drafts.put(draft())
    await Promise.all([saveChanges(db, 'd1', a), saveChanges(db, 'd1', b)])
    expect((await db.drafts.get('d1'))!.values).toEqual({ name: 'B', phone: '0901' })
  })

  it('two database connections (two tabs) writing many changes converge on the latest per field', async () => {
    const other = await openPortalDb(name)
    const writes: Promise<boolean>[] = []
    for (let t = 1; t <= 40; t++) {
      const target = t % 2 ? db : other
      writes.push(saveChanges(target, 'd1', [{ path: `f${t % 4}`, value: `v${t}`, time: t }]))
    }
    await Promise.all(writes.reverse())
    expect((await db.drafts.get('d1'))!.values).toEqual({ f0: 'v40', f1: 'v37', f2: 'v38', f3: 'v39' })
    other.close()
  })

  it('saves nothing into a draft deleted meanwhile', async () => {
    await db.drafts.delete('d1')
    expect(await saveChanges(db, 'd1', [{ path: 'a', value: 1, time: 5 }])).toBe(false)
    expect(await db.drafts.count()).toBe(0)
  })
})
