import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { portalDb } from '../db.ts'
import { useOnline } from '../offline/online.ts'
import { packCatalog, packCatalogChanges } from '@portal/shared/catalog/wire'
import { agenciesFixture, catalogFixture, fakeFetch, json } from './fixtures.ts'
import { replaceCatalog } from './local.ts'
import { useCatalogStore } from './store.ts'

beforeEach(() => {
  setActivePinia(createPinia())
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('catalogue store', () => {
  it('loads, then throttles unforced checks and lets forced ones through', async () => {
    const server = fakeFetch({
      '/api/catalog': () => json(packCatalog(catalogFixture)),
      '/api/catalog/changes': () => json(packCatalogChanges({ ...catalogFixture, reset: false, changed: [], removed: [] })),
      '/api/agencies': () => json(agenciesFixture),
    })
    vi.stubGlobal('fetch', server.fetch)
    const catalog = useCatalogStore()
    await catalog.refresh()
    expect(catalog.loaded).toBe(false)

    await catalog.sync()
    expect(catalog).toMatchObject({ loaded: true, version: '0a1b2c3d.1', total: 3, error: null, syncing: false })
    expect(catalog.counts.field).toEqual({ 'ho-tich': 2, 'xay-dung': 1 })
    expect(catalog.counts.level).toEqual({ commune: 2, province: 1 })
    expect(catalog.lastChecked).toBeTypeOf('number')

    await catalog.sync()
    expect(server.requests).toHaveLength(2) // catalogue and agencies, once
    await catalog.sync({ force: true })
    expect(server.requests.map((r) => new URL(r.url).pathname).slice(2)).toEqual(['/api/catalog/changes', '/api/agencies'])
  })

  it('reports a failed check, keeps the catalogue, and clears the error once a check succeeds', async () => {
    await replaceCatalog(await portalDb(), catalogFixture, undefined, 0)
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline')
    })
    const catalog = useCatalogStore()
    await catalog.sync({ force: true })
    expect(catalog.error).toBe('network')
    expect(useOnline().value).toBe(false) // the browser says online, but nothing answers
    expect(catalog).toMatchObject({ loaded: true, total: 3 })
    vi.stubGlobal('fetch', fakeFetch({ '/api/catalog/changes': () => json(packCatalogChanges({ ...catalogFixture, reset: false, changed: [], removed: [] })) }).fetch)
    await catalog.sync({ force: true })
    expect(catalog.error).toBeNull()
    expect(useOnline().value).toBe(true)
  })
})
