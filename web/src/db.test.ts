import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { packCatalog } from '@portal/shared/catalog/wire'
import { catalogFixture, fakeFetch, json } from './catalog/fixtures.ts'
import { readCatalogMeta, readProcedure, replaceCatalog } from './catalog/local.ts'
import { syncCatalog } from './catalog/sync.ts'
import { openPortalDb, type PortalDb } from './db.ts'

let name: string
let db: PortalDb | undefined

beforeEach(() => {
  name = `db-${Math.random()}`
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(async () => {
  db?.close()
  await Dexie.delete(name)
  vi.restoreAllMocks()
})

/** Leaves a database of another shape on the "device", as an older or foreign app would. */
async function leave(version: number, stores: Record<string, string>, rows: Record<string, unknown[]> = {}) {
  const other = new Dexie(name)
  other.version(version).stores(stores)
  await other.open()
  for (const [table, list] of Object.entries(rows)) await other.table(table).bulkAdd(list)
  other.close()
}

const { fetch } = fakeFetch({ '/api/catalog': () => json(packCatalog(catalogFixture)) })

describe('opening the database', () => {
  it('never deletes a database it cannot open: it reports the failure and keeps the data', async () => {
    await leave(1, { procedures: '++id' }, { procedures: [{ title: 'old row' }] })
    await expect(openPortalDb(name)).rejects.toThrow()
    const kept = new Dexie(name)
    await kept.open()
    expect(await kept.table('procedures').toArray()).toEqual([{ id: 1, title: 'old row' }])
    kept.close()
  })

  it('upgrades a version 1 database to the latest version with its catalogue intact', async () => {
    const v1 = new Dexie(name)
    v1.version(1).stores({ procedures: '&code, field, agencyKind, level', meta: '&key' })
    await v1.open()
    await replaceCatalog(v1 as unknown as PortalDb, catalogFixture, '"etag-1"', 0)
    v1.close()
    db = await openPortalDb(name)
    expect(db.verno).toBe(5)
    expect(await readCatalogMeta(db)).toMatchObject({ count: catalogFixture.procedures.length })
    expect((await readProcedure(db, '1.001193'))?.name).toBe('Thủ tục đăng ký khai sinh')
    expect(await db.drafts.count()).toBe(0)
    await db.files.add({ id: 'f', draftId: 'd', componentId: 'c', name: 'a.jpg', type: 'image/jpeg', size: 1, sha256: 'x', blob: new Blob(['a']), createdAt: 0 })
    expect(await db.files.where({ draftId: 'd', componentId: 'c' }).count()).toBe(1)
  })

  it('opens a newer database and drops its foreign rows instead of trusting them', async () => {
    await leave(9, { procedures: '&code', meta: '&key', extra: '++id' }, {
      procedures: [{ code: '1.001193', title: 'another shape' }],
      meta: [{ key: 'catalog', value: { version: 'v9' } }],
    })
    db = await openPortalDb(name)
    expect(await readCatalogMeta(db)).toBeNull()
    expect(await db.procedures.count()).toBe(0)
    expect(await syncCatalog({ db, fetch })).toMatchObject({ ok: true, outcome: 'replaced' })
    expect((await readProcedure(db, '1.001193'))?.name).toBe('Thủ tục đăng ký khai sinh')
  })
})

describe('damaged catalogue data', () => {
  beforeEach(async () => {
    db = await openPortalDb(name)
    await replaceCatalog(db, catalogFixture, undefined, 0)
  })

  it('treats a missing meta row as no catalogue, so sync fetches it whole', async () => {
    await db!.meta.delete('catalog')
    expect(await readCatalogMeta(db!)).toBeNull()
    expect(await db!.procedures.count()).toBe(0)
  })

  it('treats a row count that does not match the meta row as damage', async () => {
    await db!.procedures.delete('1.000894')
    expect(await readCatalogMeta(db!)).toBeNull()
  })

  it('clears the catalogue when a stored procedure does not validate', async () => {
    await db!.procedures.put({ ...catalogFixture.procedures[0]!, components: 'garbage' } as never)
    expect(await readProcedure(db!, '1.001193')).toBeNull()
    expect(await readCatalogMeta(db!)).toBeNull()
  })
})
