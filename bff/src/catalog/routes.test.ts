import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { AgencyDirectorySchema, CatalogChangesSchema, CatalogSchema, ProcedureSchema } from '@portal/shared/catalog/schema'
import { CatalogChangesWireSchema, CatalogWireSchema, unpackCatalog, unpackCatalogChanges } from '@portal/shared/catalog/wire'
import { PROBLEM_BASE, ProblemSchema } from '@portal/shared/http/problem'
import { birth, catalogInput, criminalRecord, directory } from '../testing/fixtures.ts'
import { testApp } from '../testing/app.ts'

let t: ReturnType<typeof testApp>
beforeEach(() => {
  t = testApp()
})
afterEach(() => t.cleanup())

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers })
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

async function expectProblem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  const problem = v.parse(ProblemSchema, await res.json())
  expect(problem.type).toBe(PROBLEM_BASE + type)
  expect(problem.title).toMatch(/\p{L}/u)
  return problem
}

describe('GET /api/catalog', () => {
  it('answers the whole catalogue packed, which unpacks to the stored procedures', async () => {
    const res = await get('/api/catalog')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/json')
    const wire = v.parse(CatalogWireSchema, await res.json())
    expect(wire.texts).toContain(criminalRecord.legalBasis[0])
    expect(wire.procedures.find((p) => p.code === '2.000488')?.legalBasis.every(Number.isInteger)).toBe(true)
    const catalog = v.parse(CatalogSchema, unpackCatalog(wire))
    expect(catalog.version).toBe(t.store.version())
    expect(catalog.procedures.map((p) => p.code)).toEqual(['1.001193', '1.012345', '2.000488'])
    expect(catalog.procedures).toEqual(t.store.snapshot().procedures)
  })

  it('prefers br, then gzip, and every coding decodes to the same JSON', async () => {
    const identity = await bytes(await get('/api/catalog'))
    const br = await get('/api/catalog', { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(br.headers.get('Content-Encoding')).toBe('br')
    expect(brotliDecompressSync(await bytes(br)).equals(identity)).toBe(true)
    const gz = await get('/api/catalog', { 'Accept-Encoding': 'gzip' })
    expect(gz.headers.get('Content-Encoding')).toBe('gzip')
    expect(gunzipSync(await bytes(gz)).equals(identity)).toBe(true)
    const plain = await get('/api/catalog', { 'Accept-Encoding': 'identity' })
    expect(plain.headers.get('Content-Encoding')).toBeNull()
  })

  it('has a strong ETag per representation, Vary and no-cache', async () => {
    const tags = new Set<string>()
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await get('/api/catalog', { 'Accept-Encoding': encoding })
      expect(res.headers.get('Vary')).toBe('Accept-Encoding')
      expect(res.headers.get('Cache-Control')).toBe('no-cache')
      const etag = res.headers.get('ETag') ?? ''
      expect(etag).toMatch(/^"[^"]+"$/)
      tags.add(etag)
    }
    expect(tags.size).toBe(3)
  })

  it('tags the wire format in the ETag: a copy of the plain format does not validate', async () => {
    const etag = (await get('/api/catalog', { 'Accept-Encoding': 'gzip' })).headers.get('ETag')
    expect(etag).toBe(`"${t.store.version()}-catalog.p1-gzip"`)
    const plainEra = `"${t.store.version()}-catalog-gzip"`
    const res = await get('/api/catalog', { 'Accept-Encoding': 'gzip', 'If-None-Match': plainEra })
    expect(res.status).toBe(200)
    const changesTag = (await get(`/api/catalog/changes?since=${t.store.version()}`, { 'Accept-Encoding': 'br' })).headers.get('ETag')
    expect(changesTag).toBe(`"${t.store.version()}-changes-${t.store.version().split('.')[1]}.p1-br"`)
  })

  it('304 with no body for a matching If-None-Match, in lists and weak form too', async () => {
    const etag = (await get('/api/catalog', { 'Accept-Encoding': 'gzip' })).headers.get('ETag') ?? ''
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await get('/api/catalog', { 'Accept-Encoding': 'gzip', 'If-None-Match': ifNoneMatch })
      expect(res.status).toBe(304)
      expect(res.headers.get('ETag')).toBe(etag)
      expect(await res.text()).toBe('')
    }
  })

  it('200 when the ETag is of another coding or an older version', async () => {
    const gzipTag = (await get('/api/catalog', { 'Accept-Encoding': 'gzip' })).headers.get('ETag') ?? ''
    const br = await get('/api/catalog', { 'Accept-Encoding': 'br', 'If-None-Match': gzipTag })
    expect(br.status).toBe(200)
    t.store.publish(catalogInput([birth, criminalRecord]))
    const after = await get('/api/catalog', { 'Accept-Encoding': 'gzip', 'If-None-Match': gzipTag })
    expect(after.status).toBe(200)
    expect(after.headers.get('ETag')).not.toBe(gzipTag)
  })
})

describe('GET /api/catalog/changes', () => {
  it('lists what changed since a version', async () => {
    const before = t.store.version()
    const renamed = { ...birth, name: 'Đăng ký khai sinh mới' }
    t.store.publish(catalogInput([renamed, criminalRecord]))
    const res = await get(`/api/catalog/changes?since=${before}`)
    expect(res.status).toBe(200)
    const wire = v.parse(CatalogChangesWireSchema, await res.json())
    expect(wire.texts).toEqual([...renamed.components.map((c) => c.name), ...renamed.notes, ...renamed.legalBasis, ...renamed.sources].filter((s, i, all) => all.indexOf(s) === i))
    const changes = v.parse(CatalogChangesSchema, unpackCatalogChanges(wire))
    expect(changes).toMatchObject({ version: t.store.version(), reset: false, removed: ['1.012345'] })
    expect(changes.changed).toEqual([renamed])
  })

  it('resets with everything for another epoch', async () => {
    const epoch = t.store.version().startsWith('00000000') ? '11111111' : '00000000'
    const wire = v.parse(CatalogChangesWireSchema, await (await get(`/api/catalog/changes?since=${epoch}.1`)).json())
    const changes = v.parse(CatalogChangesSchema, unpackCatalogChanges(wire))
    expect(changes.reset).toBe(true)
    expect(changes.changed).toHaveLength(3)
  })

  it('is conditional and compressed like the catalogue', async () => {
    const path = `/api/catalog/changes?since=${t.store.version()}`
    const first = await get(path, { 'Accept-Encoding': 'br' })
    expect(first.headers.get('Content-Encoding')).toBe('br')
    const again = await get(path, { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.get('ETag') ?? '' })
    expect(again.status).toBe(304)
  })

  it('400 problem+json for a missing, malformed or repeated since', async () => {
    for (const query of ['', '?since=not-a-version', '?since=0a1b2c3d', '?since=0a1b2c3d.1&since=0a1b2c3d.2']) {
      const problem = await expectProblem(await get(`/api/catalog/changes${query}`), 400, 'invalid-input')
      expect(problem.errors?.[0]?.path).toBe('since')
    }
  })
})

describe('GET /api/catalog/{code}', () => {
  it('answers one procedure', async () => {
    const res = await get('/api/catalog/2.000488')
    expect(res.status).toBe(200)
    expect(v.parse(ProcedureSchema, await res.json())).toEqual(criminalRecord)
  })

  it('400 for a malformed code, 404 for an unknown one', async () => {
    await expectProblem(await get('/api/catalog/abc'), 400, 'invalid-input')
    await expectProblem(await get('/api/catalog/1.0011930'), 400, 'invalid-input')
    const problem = await expectProblem(await get('/api/catalog/9.999999'), 404, 'not-found')
    expect(problem.instance).toBe('/api/catalog/9.999999')
  })
})

describe('GET /api/agencies', () => {
  it('answers the directory with ETag, compression and 304', async () => {
    const res = await get('/api/agencies', { 'Accept-Encoding': 'gzip' })
    expect(res.status).toBe(200)
    expect(v.parse(AgencyDirectorySchema, JSON.parse(gunzipSync(await bytes(res)).toString()))).toEqual(directory)
    const again = await get('/api/agencies', { 'Accept-Encoding': 'gzip', 'If-None-Match': res.headers.get('ETag') ?? '' })
    expect(again.status).toBe(304)
  })
})

describe('unknown API paths', () => {
  it('404 problem+json, even for a browser asking for HTML', async () => {
    await expectProblem(await get('/api/nothing-here'), 404, 'not-found')
    await expectProblem(await get('/api/nothing-here', { Accept: 'text/html' }), 404, 'not-found')
    await expectProblem(await t.app.request('/api/catalog', { method: 'DELETE', headers: { Origin: 'https://dichvucong.thainguyen.example', 'X-Requested-With': 'portal' } }), 404, 'not-found')
  })
})
