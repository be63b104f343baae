import { afterEach, beforeEach, expect, it } from 'vitest'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'

let t: ReturnType<typeof testApp>
beforeEach(() => {
  t = testApp()
})
afterEach(() => t.cleanup())

type Op = { security?: Record<string, string[]>[] }

it('every /api operation but the public ones requires the session cookie, and refuses a stranger', async () => {
  const spec = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, Op>>; components: { securitySchemes: object } }
  expect(spec.components.securitySchemes).toHaveProperty('sessionCookie')
  const PUBLIC = /^\/(healthz|api\/(catalog|agencies|openapi\.json|session)(\/|$))/
  // Public by design, and saying so: look-up (more for the owner), statistics; a province's signed callbacks and file reads.
  const DECLARED: Record<string, Op['security']> = {
    'get /api/lookup/{dossierCode}': [],
    'get /api/statistics': [],
    'get /api/statistics.csv': [],
    'post /api/relay/status-events': [{ relaySignature: [] }],
    'get /api/relay/files/{dossierId}/{sha256}': [{ relaySignature: [] }],
  }
  let protectedCount = 0
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (method === 'description') continue
      if (PUBLIC.test(path)) continue
      const declared = DECLARED[`${method} ${path}`]
      if (declared) {
        expect(op.security, `${method} ${path}`).toEqual(declared)
        // Signed, not public: a stranger without the province's signature is refused.
        if (declared.length > 0) {
          const url = path.replace(/\{[^}]+\}/g, '1')
          const res = await t.app.request(url, { method: method.toUpperCase(), headers: { 'Content-Type': 'application/json' }, ...(method === 'get' ? {} : { body: '{}' }) })
          expect(res.status, `${method} ${path}`).toBe(401)
        }
        continue
      }
      expect(op.security, `${method} ${path}`).toEqual([{ sessionCookie: [] }])
      protectedCount++
      const url = path.replace(/\{[^}]+\}/g, '1')
      const res = await t.app.request(url, { method: method.toUpperCase(), headers: { Origin: TEST_ORIGIN, 'X-Requested-With': 'portal', 'Content-Type': 'application/json' }, ...(method === 'get' || method === 'head' ? {} : { body: '{}' }) })
      expect(res.status, `${method} ${path}`).toBe(401)
    }
  }
  expect(protectedCount).toBeGreaterThanOrEqual(7)
})
