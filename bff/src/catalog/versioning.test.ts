import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../db/open.ts'
import { birth, catalogInput, criminalRecord, fields, landUse, procedure } from '../testing/fixtures.ts'
import { fixedClock, tempDir } from '../testing/app.ts'
import { CatalogStore } from './store.ts'
import { parseVersion } from './versioning.ts'

let db: Db
let store: CatalogStore
let cleanup: () => void
const clock = fixedClock()

beforeEach(() => {
  const temp = tempDir()
  cleanup = temp.cleanup
  db = openDatabase(`${temp.dir}/portal.sqlite`)
  store = new CatalogStore(db, clock)
})
afterEach(() => {
  db.$client.close()
  cleanup()
})

const since = (version: string) => {
  const parts = parseVersion(version)
  if (!parts) throw new Error(`bad version ${version}`)
  return parts
}

describe('catalogue versioning', () => {
  it('starts at seq 0 of a random 8-hex epoch, kept across reopening', () => {
    const version = store.version()
    expect(version).toMatch(/^[0-9a-f]{8}\.0$/)
    expect(new CatalogStore(db, clock).version()).toBe(version)
  })

  it('publishing the same content twice keeps the version', () => {
    const first = store.publish(catalogInput())
    expect(first.version).toMatch(/\.1$/)
    expect(first.changed).toBe(3)
    const again = store.publish(catalogInput())
    expect(again).toMatchObject({ version: first.version, changed: 0, removed: 0, documents: [] })
    expect(store.version()).toBe(first.version)
  })

  it('one changed procedure moves seq by one and is the only change since', () => {
    const v1 = store.publish(catalogInput()).version
    const renamed = { ...birth, name: 'Đăng ký khai sinh (sửa)' }
    const v2 = store.publish(catalogInput([renamed, criminalRecord, landUse])).version
    expect(since(v2).seq).toBe(since(v1).seq + 1)
    const changes = store.changes(since(v1))
    expect(changes).toMatchObject({ version: v2, reset: false, removed: [] })
    expect(changes.changed).toEqual([renamed])
    expect(changes.fields).toEqual(fields)
  })

  it('several changes in one publication are one step', () => {
    const v1 = store.publish(catalogInput()).version
    const v2 = store.publish(catalogInput([{ ...birth, result: 'x' }, { ...criminalRecord, result: 'y' }, landUse])).version
    expect(since(v2).seq).toBe(since(v1).seq + 1)
    expect(store.changes(since(v1)).changed.map((p) => p.code)).toEqual(['1.001193', '2.000488'])
  })

  it('a procedure left out becomes a tombstone listed in removed, and disappears from the catalogue', () => {
    const v1 = store.publish(catalogInput()).version
    const v2 = store.publish(catalogInput([birth, criminalRecord])).version
    const changes = store.changes(since(v1))
    expect(changes).toMatchObject({ version: v2, changed: [], removed: ['1.012345'] })
    expect(store.snapshot().byCode.has('1.012345')).toBe(false)
  })

  it('a removed procedure that comes back is a change', () => {
    store.publish(catalogInput())
    const v2 = store.publish(catalogInput([birth, criminalRecord])).version
    const v3 = store.publish(catalogInput()).version
    expect(store.changes(since(v2))).toMatchObject({ version: v3, changed: [landUse], removed: [] })
  })

  it('since the current version: nothing changed', () => {
    const v1 = store.publish(catalogInput()).version
    expect(store.changes(since(v1))).toMatchObject({ version: v1, reset: false, changed: [], removed: [] })
  })

  it('since an older version accumulates every change after it', () => {
    const v1 = store.publish(catalogInput()).version
    store.publish(catalogInput([birth, criminalRecord]))
    const added = procedure({ code: '1.000001', name: 'Thủ tục mới' })
    const v3 = store.publish(catalogInput([birth, criminalRecord, added])).version
    expect(store.changes(since(v1))).toMatchObject({ version: v3, changed: [added], removed: ['1.012345'] })
  })

  it('another epoch, or a seq ahead of ours, resets with everything', () => {
    const v1 = store.publish(catalogInput()).version
    const { epoch, seq } = since(v1)
    const otherEpoch = epoch === '00000000' ? '00000001' : '00000000'
    for (const stale of [{ epoch: otherEpoch, seq }, { epoch, seq: seq + 5 }]) {
      const changes = store.changes(stale)
      expect(changes.reset).toBe(true)
      expect(changes.changed.map((p) => p.code)).toEqual(['1.001193', '1.012345', '2.000488'])
      expect(changes.removed).toEqual([])
    }
  })

  it('a changed document (fields) moves the version; parts left out stay as stored', () => {
    const v1 = store.publish(catalogInput()).version
    const v2 = store.publish({ fields: [...fields, { id: 'moi', code: 'H55-M', name: 'Mới', nameEn: 'New' }] }).version
    expect(v2).not.toBe(v1)
    expect(store.snapshot().procedures).toHaveLength(3)
    expect(store.changes(since(v1))).toMatchObject({ changed: [], removed: [] })
  })

  it('a new database draws another epoch', () => {
    const temp = tempDir()
    const other = openDatabase(`${temp.dir}/other.sqlite`)
    try {
      expect(since(new CatalogStore(other, clock).version()).epoch).not.toBe(since(store.version()).epoch)
    } finally {
      other.$client.close()
      temp.cleanup()
    }
  })

  it('records when each procedure last changed', () => {
    clock.set('2026-07-01T00:00:00Z')
    store.publish(catalogInput())
    clock.set('2026-08-15T00:00:00Z')
    store.publish(catalogInput([{ ...birth, result: 'khác' }, criminalRecord, landUse]))
    const snapshot = store.snapshot()
    expect(snapshot.changedAt.get('1.001193')).toBe('2026-08-15T00:00:00.000Z')
    expect(snapshot.changedAt.get('2.000488')).toBe('2026-07-01T00:00:00.000Z')
    expect(snapshot.updatedAt).toBe('2026-08-15T00:00:00.000Z')
  })

  it('parses only well-formed versions', () => {
    expect(parseVersion('0a1b2c3d.42')).toEqual({ epoch: '0a1b2c3d', seq: 42 })
    for (const bad of ['', '0a1b2c3d', '0A1B2C3D.1', '0a1b2c3.1', '0a1b2c3d.-1', '0a1b2c3d.1.2', 'zzzzzzzz.1']) {
      expect(parseVersion(bad)).toBeNull()
    }
  })
})
