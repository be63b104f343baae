import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'

let t: ReturnType<typeof testApp>
beforeEach(() => {
  t = testApp()
})
afterEach(() => t.cleanup())

interface OpenApi {
  openapi: string
  servers: { url: string }[]
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>
  components: { schemas: Record<string, { type?: string; properties?: Record<string, unknown> }> }
}

async function document(): Promise<OpenApi> {
  const res = await t.app.request('/api/openapi.json')
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toBe('application/json')
  return JSON.parse(await res.text()) as OpenApi
}

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1 with the public origin as server', async () => {
    const doc = await document()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.servers).toEqual([{ url: TEST_ORIGIN }])
  })

  it('documents every API route the app has', async () => {
    const doc = await document()
    const routes = t.app.routes
      .filter((r) => r.method === 'GET' && /^\/(api|healthz)/.test(r.path) && !r.path.includes('*'))
      .map((r) => r.path.replace(/:(\w+)/g, '{$1}'))
    expect(routes.length).toBeGreaterThanOrEqual(6)
    for (const path of routes) expect(doc.paths[path]?.get, path).toBeDefined()
  })

  it('describes the catalogue transfer packed, one procedure plain', async () => {
    const doc = await document()
    const ok = (path: string) => doc.paths[path]?.get?.responses['200']?.content?.['application/json']?.schema.$ref
    expect(ok('/api/catalog')).toBe('#/components/schemas/CatalogWire')
    expect(ok('/api/catalog/{code}')).toBe('#/components/schemas/Procedure')
    const { CatalogWire, ProcedureWire } = doc.components.schemas
    expect(CatalogWire?.properties).toHaveProperty('texts', { type: 'array', items: { type: 'string' } })
    expect(ProcedureWire?.properties).toHaveProperty('legalBasis', { type: 'array', items: { type: 'integer', minimum: 0 } })
  })

  it('schemas come from the shared valibot schemas; errors are problem+json', async () => {
    const doc = await document()
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Catalog', 'CatalogChanges', 'Procedure', 'AgencyDirectory', 'Problem', 'Health']))
    expect(doc.components.schemas.Procedure?.properties).toHaveProperty('processingTime')
    const changes = doc.paths['/api/catalog/changes']?.get?.responses
    expect(changes?.['400']?.content?.['application/problem+json']?.schema.$ref).toBe('#/components/schemas/Problem')
    expect(changes?.['200']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/CatalogChangesWire')
    // Every $ref resolves.
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? []
    for (const ref of new Set(refs)) expect(doc.components.schemas[ref.slice('"#/components/schemas/'.length, -1)], ref).toBeDefined()
  })
})
