/**
 * GET /healthz: for load balancers and the operator. 200 when the database answers, 503 when
 * it does not; never cached.
 */
import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import * as v from 'valibot'
import { CatalogVersionSchema } from '@portal/shared/catalog/schema'
import type { CatalogStore } from '../catalog/store.ts'
import type { Logger } from '../log.ts'

export const APP_VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version

export const HealthSchema = v.object({
  status: v.picklist(['ok', 'error']),
  version: v.string(),
  database: v.object({
    ok: v.boolean(),
    catalogVersion: v.optional(CatalogVersionSchema),
    procedures: v.optional(v.number()),
  }),
})
export type Health = v.InferOutput<typeof HealthSchema>

export function healthRoutes(store: CatalogStore, logger: Logger) {
  const app = new Hono()
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store')
    try {
      const snapshot = store.snapshot()
      const health: Health = {
        status: 'ok',
        version: APP_VERSION,
        database: { ok: true, catalogVersion: snapshot.version, procedures: snapshot.procedures.length },
      }
      return c.json(health)
    } catch (error) {
      logger.error({ err: error }, 'health check: database failed')
      const health: Health = { status: 'error', version: APP_VERSION, database: { ok: false } }
      return c.json(health, 503)
    }
  })
  return app
}
