import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { syntheticCatalog } from '@portal/shared/catalog/synthetic'
import { openPortalDb, type PortalDb } from '../db.ts'
import { catalogFixture } from './fixtures.ts'
import { readCatalogMeta, replaceCatalog } from './local.ts'

// A first visit stores the catalogue in slices (no long task); replacing one the device has
// stays a single transaction. Either way the meta row is what makes a catalogue exist.
let db: PortalDb
beforeEach(async () => {
  db = await openPortalDb(`local-${Math.random()}`)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(async () => {
  db.close()
  await Dexie.delete(db.name)
  vi.restoreAllMocks()
})

const big = { ...catalogFixture, procedures: syntheticCatalog(catalogFixture.procedures, 95) }

describe('replaceCatalog', () => {
  it('stores a whole catalogue on a device that had none, over several slices', async () => {
    const transactions = vi.spyOn(db, 'transaction')
    await replaceCatalog(db, big, '"e1"', 1)
    expect(await db.procedures.count()).toBe(95)
    expect(await readCatalogMeta(db)).toMatchObject({ version: big.version, etag: '"e1"', count: 95 })
    // Only the closing meta write is an explicit transaction; the slices are bulkPuts of their own.
    expect(transactions).toHaveBeenCalledTimes(1)
  })

  it('treats rows left by an interrupted first store as no catalogue, and clears them', async () => {
    await db.procedures.bulkPut(big.procedures.slice(0, 40))
    expect(await readCatalogMeta(db)).toBeNull()
    expect(await db.procedures.count()).toBe(0)
  })

  it('replaces an existing catalogue in one transaction', async () => {
    await replaceCatalog(db, catalogFixture, undefined, 1)
    const transactions = vi.spyOn(db, 'transaction')
    await replaceCatalog(db, { ...big, version: '0a1b2c3d.9' }, undefined, 2)
    expect(transactions).toHaveBeenCalledTimes(1)
    expect(await readCatalogMeta(db)).toMatchObject({ version: '0a1b2c3d.9', count: 95 })
  })
})
