import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
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

const { fetch } = fakeFetch({ '/api/catalog': () => json(catalogFixture) })

describe('opening the database', () => {
  it('deletes and recreates a database it cannot open (another primary key)', async () => {
    await leave(1, { procedures: '++id' }, { procedures: [{ title: 'old row' }] })
    db = await openPortalDb(name)
    expect(db.tables.map((t) => t.name).sort()).toEqual(['meta', 'procedures'])
    expect(await db.procedures.count()).toBe(0)
    expect(await syncCatalog({ db, fetch })).toMatchObject({ ok: true })
    expect(await db.procedures.count()).toBe(3)
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
