/**
 * Builds the Hono app from its dependencies. Tests build it with a temporary SQLite file and
 * call `app.request()`; server.ts builds it with the real ones and listens.
 *
 * Order matters: cross-cutting middleware (logging, security headers, the Origin check, then on
 * /api and /auth the session and the CSRF header: auth/middleware.ts), then
 * the API (unknown /api/* paths end there as 404 problems), the server pages, and last the web
 * app's files with the SPA fallback. Errors from all of them are answered in errors.ts.
 */
import { join } from 'node:path'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { authFeature } from './auth/feature.ts'
import { calendarFeature } from './calendar/feature.ts'
import { DirectoryEditor } from './catalog/directory/editor.ts'
import { directoryRoutes } from './catalog/directory/routes.ts'
import { CatalogStore, EMPTY_DIRECTORY, type CatalogSnapshot } from './catalog/store.ts'
import { catalogBody, catalogRoutes } from './catalog/routes.ts'
import type { Clock } from './clock.ts'
import type { Config } from './config/config.ts'
import type { Db } from './db/open.ts'
import { ResultFetcher } from './dossiers/result-fetch.ts'
import { dossierRoutes } from './dossiers/routes.ts'
import { healthRoutes } from './health/routes.ts'
import { errorHandlers } from './http/errors.ts'
import { originCheck } from './http/origin.ts'
import { notFound } from './http/problem.ts'
import { BodyCache } from './http/representation.ts'
import { securityHeaders } from './http/security.ts'
import { requestLogger, type Logger } from './log.ts'
import { lookupRoutes } from './lookup/routes.ts'
import { noticesFeature } from './notices/feature.ts'
import { embeddedOneStop } from './onestop/feature.ts'
import { openApiRoutes } from './openapi/routes.ts'
import { renderErrorPage } from './pages/error.ts'
import { pageRoutes } from './pages/routes.ts'
import { loadTemplate } from './pages/template.ts'
import { ratingRoutes } from './ratings/routes.ts'
import { relayFeature, type Relay } from './relay/feature.ts'
import { provinceFileRoutes } from './relay/files.ts'
import { slipRoutes } from './slips/routes.ts'
import { statisticsRoutes } from './statistics/routes.ts'
import { staticRoutes } from './static/routes.ts'
import { DiskBlobStore } from './uploads/blob-store.ts'
import { blobDirectory, uploadsFeature } from './uploads/routes.ts'

export interface AppDeps {
  db: Db
  clock: Clock
  config: Config
  logger: Logger
  /** The relay to the one-stop-shop: server.ts builds it to start and stop its worker; by default one that never starts. */
  relay?: Relay
}

export function createApp({ db, clock, config, logger, relay = relayFeature({ db, clock, config, logger }) }: AppDeps): Hono {
  const store = new CatalogStore(db, clock)
  const template = loadTemplate(config.webDist, logger)
  const app = new Hono()

  app.use(requestLogger(logger))
  app.use(securityHeaders())
  app.use(originCheck([config.publicOrigin]))
  // JSON answers over 1 KB (a week of status changes, the officers' queue) go gzipped to phones
  // on slow links; the catalogue brings its own precompressed bodies (Content-Encoding set: skipped).
  app.use('/api/*', compress({ contentTypeFilter: /^application\/(problem\+)?json/ }))
  // The province's status callbacks and its reads of the applicants' files are machine-to-machine
  // and signed with HMAC (relay/routes.ts, relay/files.ts): no session, no X-Requested-With.
  // Routed here, before the session and CSRF middleware of /api/*, deliberately and for those
  // two routes only.
  app.route('/', relay.callbackRoutes)
  // The one store of file bytes: the province reads the applicants' files from it, signed likewise.
  const blobs = new DiskBlobStore(blobDirectory(config))
  app.route('/', provinceFileRoutes({ db, blobs, secret: config.relay.http?.callbackSecret, clock, logger }))
  const auth = authFeature({ db, clock, config, logger, template, store })
  for (const path of ['/api/*', '/auth/*']) app.use(path, ...auth.middleware)

  app.route('/', healthRoutes(store, logger))
  const bodies = new BodyCache()
  // Compress the catalogue now (in zlib's threads), not in the first client's request.
  catalogBody(store, bodies).catch((error: unknown) => logger.error({ err: error }, 'catalogue precompression failed'))
  app.route('/', catalogRoutes(store, bodies))
  app.route('/', openApiRoutes(config.publicOrigin))
  app.route('/', auth.routes)
  const calendar = calendarFeature({ db, clock, audit: auth.audit, logger })
  app.route('/', calendar.routes)
  relay.inbound.useHolidays(calendar.holidays)
  app.route('/', directoryRoutes(new DirectoryEditor(db, clock, auth.audit)))
  const uploads = uploadsFeature({ db, clock, config, logger, blobs })
  app.route('/', uploads.routes)
  // An intake commits its relay message with the dossier: the worker looks now, not at its next timer.
  app.use('/api/dossiers', async (c, next) => {
    await next()
    if (c.req.method === 'POST' && c.res.status === 201) relay.wake()
  })
  // So does a supplement or a withdrawal (202: stored with its relay message).
  app.use('/api/dossiers/*', async (c, next) => {
    await next()
    if (c.req.method === 'POST' && c.res.status === 202) relay.wake()
  })
  // A province's result is fetched into the blob store as soon as its returnResult is applied.
  const fetcher = new ResultFetcher({ db, blobs, incomingDir: join(config.dataDir, 'results-incoming'), connector: relay.connector, logger })
  relay.inbound.onApplied(fetcher.listener)
  app.route('/', dossierRoutes({ db, clock, logger, store, audit: auth.audit, uploads: uploads.repository, blobs, holidays: calendar.holidays, fetcher }))
  app.route('/', slipRoutes({ db, clock, store, audit: auth.audit, holidays: calendar.holidays }))
  app.route('/', ratingRoutes({ db, clock, logger, audit: auth.audit, store, holidays: calendar.holidays }))
  app.route('/', lookupRoutes({ db, clock, config, template, store }))
  app.route('/', statisticsRoutes({ db, clock, store, holidays: calendar.holidays, template, origin: config.publicOrigin }))
  const notices = noticesFeature({ db, clock, config, logger, store, holidays: calendar.holidays })
  app.route('/', notices.routes)
  relay.inbound.onApplied(notices.listener)
  app.route('/', relay.routes)
  // The embedded one-stop-shop (the default connector): officers' routes; its status events go to the relay's one inbound.
  const onestop = embeddedOneStop({ db, clock, logger, store, audit: auth.audit, uploads: uploads.repository, blobs, inbound: relay.inbound, holidays: calendar.holidays })
  relay.attach(onestop.connector)
  app.route('/', onestop.routes)
  onestop.start()
  app.all('/api/*', () => {
    throw notFound('Không có API này.')
  })

  app.route('/', pageRoutes({ store, template, origin: config.publicOrigin }))
  app.route('/', staticRoutes(config.webDist, template))

  const handlers = errorHandlers(logger, (error) => {
    // An error page must render even when the database is what failed.
    let snapshot: CatalogSnapshot
    try {
      snapshot = store.snapshot()
    } catch {
      snapshot = emptySnapshot()
    }
    return renderErrorPage({ template, origin: config.publicOrigin, snapshot }, error)
  })
  app.onError(handlers.onError)
  app.notFound(handlers.notFound)
  return app
}

function emptySnapshot(): CatalogSnapshot {
  return {
    version: '00000000.0',
    updatedAt: new Date(0).toISOString(),
    fields: [],
    agencyKinds: [],
    agencies: EMPTY_DIRECTORY,
    directory: EMPTY_DIRECTORY,
    procedures: [],
    byCode: new Map(),
    changedAt: new Map(),
  }
}
