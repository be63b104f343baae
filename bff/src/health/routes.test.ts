import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { testApp } from '../testing/app.ts'
import { APP_VERSION, HealthSchema } from './routes.ts'

let t: ReturnType<typeof testApp>
beforeEach(() => {
  t = testApp()
})
afterEach(() => t.cleanup())

describe('GET /healthz', () => {
  it('200 with the package version, catalogue version and procedure count', async () => {
    const res = await t.app.request('/healthz')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(v.parse(HealthSchema, await res.json())).toEqual({
      status: 'ok',
      version: APP_VERSION,
      database: { ok: true, catalogVersion: t.store.version(), procedures: 3 },
    })
  })

  it('503 when the database does not answer', async () => {
    t.db.$client.close()
    const res = await t.app.request('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ status: 'error', database: { ok: false } })
  })
})
