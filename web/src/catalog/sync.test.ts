import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CatalogChanges } from '@portal/shared/catalog/schema'
import { packCatalog, packCatalogChanges } from '@portal/shared/catalog/wire'
import { openPortalDb, type PortalDb } from '../db.ts'
import { catalogFixture, fakeFetch, json } from './fixtures.ts'
import { readCatalogMeta, readCheckedAt, readProcedure, replaceCatalog } from './local.ts'
import { syncCatalog } from './sync.ts'

let db: PortalDb
const NOW = Date.UTC(2026, 10, 27, 8)
const now = () => NOW

beforeEach(async () => {
  db = await openPortalDb(`sync-${Math.random()}`)
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(async () => {
  db.close()
  await Dexie.delete(db.name)
  vi.restoreAllMocks()
})

const codes = async () => (await db.procedures.toCollection().primaryKeys()).sort()
const stored = () => replaceCatalog(db, catalogFixture, 'W/"v1"', NOW - 1000)

/** A changes answer as the server sends it: packed. */
function changes(partial: Partial<CatalogChanges>) {
  return packCatalogChanges({ version: '0a1b2c3d.2', reset: false, fields: catalogFixture.fields, agencyKinds: catalogFixture.agencyKinds, changed: [], removed: [], ...partial })
}
const packed = packCatalog(catalogFixture)

describe('syncCatalog', () => {
  it('loads the whole catalogue on first use and keeps its ETag', async () => {
    const { fetch, requests } = fakeFetch({ '/api/catalog': () => json(packed, { headers: { etag: 'W/"v1"' } }) })
    expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: true, outcome: 'replaced' })
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/catalog'])
    expect(requests[0]!.headers.get('if-none-match')).toBeNull()
    expect(await codes()).toEqual(['1.000894', '1.001193', '1.013225'])
    const meta = await readCatalogMeta(db)
    expect(meta).toMatchObject({ version: '0a1b2c3d.1', etag: 'W/"v1"', count: 3 })
    expect(meta?.fields.map((f) => f.id)).toEqual(['ho-tich', 'xay-dung'])
    expect(await readCheckedAt(db)).toBe(NOW)
  })

  it('asks for changes since the stored version; an empty diff only records the check', async () => {
    await stored()
    const { fetch, requests } = fakeFetch({
      '/api/catalog/changes?since=0a1b2c3d.1': () => json(changes({ version: '0a1b2c3d.1' })),
    })
    expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: true, outcome: 'unchanged' })
    expect(requests).toHaveLength(1)
    expect(await readCheckedAt(db)).toBe(NOW)
    expect((await readCatalogMeta(db))?.version).toBe('0a1b2c3d.1')
  })

  it('treats a 304 on the conditional full request as unchanged (server without diffs)', async () => {
    await stored()
    const { fetch, requests } = fakeFetch({
      '/api/catalog/changes': () => new Response(null, { status: 404 }),
      '/api/catalog': (request) =>
        request.headers.get('if-none-match') === 'W/"v1"' ? new Response(null, { status: 304 }) : json(packed),
    })
    expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: true, outcome: 'unchanged' })
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/catalog/changes', '/api/catalog'])
    expect(await readCheckedAt(db)).toBe(NOW)
    expect(await codes()).toHaveLength(3)
  })

  it('applies changed, removed, fields and kinds together', async () => {
    await stored()
    const renamed = { ...catalogFixture.procedures[0]!, name: 'Đăng ký khai sinh (sửa đổi)' }
    const fields = [...catalogFixture.fields, { id: 'cu-tru', code: 'BCA-CT', name: 'Cư trú', nameEn: 'Residence' }]
    const { fetch } = fakeFetch({
      '/api/catalog/changes': () => json(changes({ changed: [renamed], removed: ['1.013225'], fields })),
    })
    expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: true, outcome: 'updated' })
    expect(await codes()).toEqual(['1.000894', '1.001193'])
    expect((await readProcedure(db, '1.001193'))?.name).toBe('Đăng ký khai sinh (sửa đổi)')
    const meta = await readCatalogMeta(db)
    expect(meta).toMatchObject({ version: '0a1b2c3d.2', count: 2 })
    expect(meta?.etag).toBeUndefined()
    expect(meta?.fields.map((f) => f.id)).toContain('cu-tru')
  })

  it('writes a diff in one transaction: a failed write leaves the old catalogue whole', async () => {
    await stored()
    const { fetch } = fakeFetch({ '/api/catalog/changes': () => json(changes({ removed: ['1.013225', '1.000894'] })) })
    vi.spyOn(db.meta, 'bulkPut').mockRejectedValueOnce(new Error('disk full'))
    expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: false, reason: 'storage' })
    expect(await codes()).toHaveLength(3)
    expect((await readCatalogMeta(db))?.version).toBe('0a1b2c3d.1')
  })

  it('replaces everything on a reset (the server database was rebuilt)', async () => {
    await stored()
    const only = { ...catalogFixture.procedures[2]!, code: '2.000815' }
    const { fetch } = fakeFetch({
      '/api/catalog/changes': () => json(changes({ version: 'ffff0000.7', reset: true, changed: [only], fields: catalogFixture.fields.slice(1) })),
    })
    expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: true, outcome: 'replaced' })
    expect(await codes()).toEqual(['2.000815'])
    expect(await readCatalogMeta(db)).toMatchObject({ version: 'ffff0000.7', count: 1, fields: [{ id: 'xay-dung' }] })
  })

  it('rejects an answer that does not match the schema and stores nothing', async () => {
    const broken = packCatalog({ ...catalogFixture, procedures: [{ ...catalogFixture.procedures[0]!, code: 'not-a-code' }] })
    const { fetch } = fakeFetch({ '/api/catalog': () => json(broken) })
    expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: false, reason: 'invalid' })
    expect(await readCatalogMeta(db)).toBeNull()
    expect(await db.procedures.count()).toBe(0)
    expect(console.warn).toHaveBeenCalled()
  })

  it('rejects a catalogue with a text index out of range, or in the plain format, and stores nothing', async () => {
    const [first, ...rest] = packed.procedures
    const outOfRange = { ...packed, procedures: [{ ...first!, legalBasis: [packed.texts.length] }, ...rest] }
    for (const body of [outOfRange, catalogFixture, { ...packed, texts: packed.texts.slice(1) }]) {
      const { fetch } = fakeFetch({ '/api/catalog': () => json(body) })
      expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: false, reason: 'invalid' })
      expect(await readCatalogMeta(db)).toBeNull()
      expect(await db.procedures.count()).toBe(0)
    }
  })

  it('rejects a diff whose component names no text and keeps the stored catalogue', async () => {
    await stored()
    const diff = changes({ changed: [catalogFixture.procedures[0]!] })
    const bad = { ...diff, changed: [{ ...diff.changed[0]!, components: [{ ...diff.changed[0]!.components[0]!, name: 99 }] }] }
    const { fetch } = fakeFetch({ '/api/catalog/changes': () => json(bad) })
    expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: false, reason: 'invalid' })
    expect((await readProcedure(db, '1.001193'))?.components).toEqual(catalogFixture.procedures[0]!.components)
  })

  it('keeps working with a catalogue stored before the packed format: diffs apply, an old ETag gets the new catalogue', async () => {
    // As stored by the app before: the same model, with the ETag of the plain representation.
    await replaceCatalog(db, catalogFixture, '"0a1b2c3d.1-catalog-gzip"', NOW - 1000)
    const renamed = { ...catalogFixture.procedures[2]!, legalBasis: ['Luật Xây dựng 2014', 'Luật Xây dựng sửa đổi 2020'] }
    let server = fakeFetch({ '/api/catalog/changes': () => json(changes({ changed: [renamed] })) })
    expect(await syncCatalog({ db, fetch: server.fetch, now })).toEqual({ ok: true, outcome: 'updated' })
    expect(await readProcedure(db, '1.013225')).toEqual(renamed)
    expect(await readProcedure(db, '1.001193')).toEqual(catalogFixture.procedures[0])

    await replaceCatalog(db, catalogFixture, '"0a1b2c3d.1-catalog-gzip"', NOW - 1000)
    server = fakeFetch({
      '/api/catalog/changes': () => new Response(null, { status: 404 }),
      '/api/catalog': (request) =>
        request.headers.get('if-none-match') === '"0a1b2c3d.1-catalog.p1-gzip"'
          ? new Response(null, { status: 304 })
          : json(packed, { headers: { etag: '"0a1b2c3d.1-catalog.p1-gzip"' } }),
    })
    expect(await syncCatalog({ db, fetch: server.fetch, now })).toEqual({ ok: true, outcome: 'replaced' })
    expect(server.requests[1]!.headers.get('if-none-match')).toBe('"0a1b2c3d.1-catalog-gzip"')
    expect(await readCatalogMeta(db)).toMatchObject({ etag: '"0a1b2c3d.1-catalog.p1-gzip"', count: 3 })
    expect(await readProcedure(db, '1.001193')).toEqual(catalogFixture.procedures[0])
  })

  it('rejects an invalid diff and keeps the stored catalogue', async () => {
    await stored()
    const { fetch } = fakeFetch({ '/api/catalog/changes': () => new Response('<html>proxy login</html>', { status: 200 }) })
    expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: false, reason: 'invalid' })
    expect(await codes()).toHaveLength(3)
  })

  it('keeps the stored catalogue when the network fails or the server errs', async () => {
    await stored()
    const offline = (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof globalThis.fetch
    expect(await syncCatalog({ db, fetch: offline, now })).toEqual({ ok: false, reason: 'network' })
    const { fetch } = fakeFetch({ '/api/catalog/changes': () => new Response('', { status: 503 }) })
    expect(await syncCatalog({ db, fetch, now })).toEqual({ ok: false, reason: 'http' })
    expect(await codes()).toHaveLength(3)
    expect(await readCheckedAt(db)).toBe(NOW - 1000)
  })
})
