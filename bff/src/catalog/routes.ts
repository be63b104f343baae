/**
 * The catalogue API. Whole-catalogue and directory bodies are precompressed once per version
 * (http/representation.ts); a client holding the current version pays one 304.
 *
 * The catalogue and its changes travel packed (shared/src/catalog/wire.ts, decision 0007): long
 * repeated texts once in a table, referenced by index. One procedure (`/api/catalog/{code}`)
 * and the agency directory stay plain JSON.
 */
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { etag } from 'hono/etag'
import * as v from 'valibot'
import { CatalogVersionSchema, ProcedureCodeSchema } from '@portal/shared/catalog/schema'
import { packCatalog, packCatalogChanges } from '@portal/shared/catalog/wire'
import { notFound } from '../http/problem.ts'
import { BodyCache, sendPrecompressed } from '../http/representation.ts'
import { validate } from '../http/validate.ts'
import type { CatalogStore } from './store.ts'
import { parseVersion } from './versioning.ts'

const JSON_TYPE = 'application/json'

export const ChangesQuerySchema = v.object({ since: CatalogVersionSchema })
export const ProcedureParamSchema = v.object({ code: ProcedureCodeSchema })

/**
 * Tag of the wire format, part of the cache key and so of every catalogue ETag
 * (`"<version>-catalog.<format>-<coding>"`): a copy of another format, cached by a browser or
 * held by an older app, never validates against the current one. Change it with the format.
 */
export const CATALOG_WIRE_FORMAT = 'p1'

/** The whole catalogue, packed and compressed once per version. Also called at start to warm the cache. */
export function catalogBody(store: CatalogStore, cache: BodyCache) {
  const { version, fields, agencyKinds, procedures } = store.snapshot()
  return cache.get(version, `catalog.${CATALOG_WIRE_FORMAT}`, () => JSON.stringify(packCatalog({ version, fields, agencyKinds, procedures })))
}

export function catalogRoutes(store: CatalogStore, cache: BodyCache) {
  const app = new Hono()

  app.get('/api/catalog', async (c) => sendPrecompressed(c, await catalogBody(store, cache), JSON_TYPE))

  // Registered before /:code, which would otherwise take "changes" for a (malformed) code.
  app.get('/api/catalog/changes', validate('query', ChangesQuerySchema), async (c) => {
    const since = parseVersion(c.req.valid('query').since)
    const version = store.version()
    const current = parseVersion(version)
    if (!since || !current) throw new Error('validated versions must parse')
    // Every "other epoch or future" since gets the same answer: one cache entry for them all.
    const reset = since.epoch !== current.epoch || since.seq > current.seq
    const key = `${reset ? 'changes-reset' : `changes-${since.seq}`}.${CATALOG_WIRE_FORMAT}`
    const body = await cache.get(version, key, () => JSON.stringify(packCatalogChanges(store.changes(since))))
    return sendPrecompressed(c, body, JSON_TYPE)
  })

  app.get('/api/catalog/:code', validate('param', ProcedureParamSchema), compress(), etag({ weak: true }), (c) => {
    const { code } = c.req.valid('param')
    const procedure = store.snapshot().byCode.get(code)
    if (!procedure) throw notFound(`Không có thủ tục mã ${code}.`)
    c.header('Cache-Control', 'no-cache')
    return c.json(procedure)
  })

  app.get('/api/agencies', async (c) => {
    const { version, agencies } = store.snapshot()
    const body = await cache.get(version, 'agencies', () => JSON.stringify(agencies))
    return sendPrecompressed(c, body, JSON_TYPE)
  })

  return app
}
