/**
 * Entry point: `node --import tsx src/server.ts` (pnpm start). Reads the configuration, opens
 * and migrates the database, seeds the catalogue, mounts the embedded OpenID provider under
 * /idp when it is on (src/idp/mount.ts), listens; on SIGTERM/SIGINT stops accepting,
 * lets requests in flight finish (10 s at most), closes the database and exits.
 */
import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'
import { getRequestListener, type ServerType } from '@hono/node-server'
import { createApp } from './app.ts'
import { startAuth } from './auth/start.ts'
import { CatalogStore } from './catalog/store.ts'
import { seedCatalog } from './catalog/seed.ts'
import { systemClock, type Clock } from './clock.ts'
import { ConfigError, loadConfig, type Config } from './config/config.ts'
import { startCheckpointer } from './db/checkpointer.ts'
import { openDatabase } from './db/open.ts'
import { assertIdpAllowed, dispatch, startEmbeddedIdp } from './idp/mount.ts'
import { createLogger, type Logger } from './log.ts'
import { startNoticeMail } from './notices/feature.ts'
import { relayFeature } from './relay/feature.ts'
import { startUploadSweeper, uploadSweep } from './uploads/routes.ts'

export interface RunningServer {
  server: ServerType
  /** http://host:port actually bound (port 0 resolves to the chosen port). */
  url: string
  close(): Promise<void>
}

const GRACE_MS = 10_000

/** Everything but process signals: tests start a real server with it. */
export async function startServer(config: Config, logger: Logger, clock: Clock = systemClock): Promise<RunningServer> {
  assertIdpAllowed(config)
  const db = openDatabase(config.databaseFile)
  // WAL checkpoints in a worker thread, not inside a COMMIT on the event loop (db/checkpointer.ts).
  const checkpointer = startCheckpointer(db, config.databaseFile, logger)
  seedCatalog(new CatalogStore(db, clock), { dir: config.catalogSeedDir, syntheticSize: config.catalogSyntheticSize }, logger)
  const stopAuth = startAuth(db, clock, config, logger)
  const relay = relayFeature({ db, clock, config, logger })
  const app = createApp({ db, clock, config, logger, relay })
  // Resumes what the outbox holds (a restart after a crash included).
  relay.start()
  const sweep = uploadSweep(db, clock, config, logger)
  sweep().catch((error: unknown) => logger.error({ err: error }, 'sweeping expired uploads failed'))
  const stopSweeper = startUploadSweeper(sweep, config.uploads.sweepSeconds, logger)
  const stopMail = startNoticeMail(db, clock, config, logger)
  const idp = await startEmbeddedIdp(config, db, logger, clock)
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = createServer(dispatch(idp, getRequestListener(app.fetch)))
    s.once('error', reject)
    s.listen(config.port, config.host, () => resolve(s))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`
  logger.info({ url, publicOrigin: config.publicOrigin, dataDir: config.dataDir }, 'listening')

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections()
      }, GRACE_MS)
      force.unref()
      if ('closeIdleConnections' in server) server.closeIdleConnections()
      server.close(() => {
        clearTimeout(force)
        stopAuth()
        stopSweeper()
        idp?.close()
        // A mail being sent is marked in the database when the server answers: wait for it.
        // The relay's deliveries in flight are aborted (they stay in the outbox) before the database closes.
        void Promise.allSettled([stopMail(), relay.stop()])
          .then(() => checkpointer.stop())
          .finally(() => {
            db.$client.close()
            resolve()
          })
      })
    }))
  return { server, url, close }
}

async function main(): Promise<void> {
  let config: Config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  const logger = createLogger(config.logLevel)
  let running: RunningServer
  try {
    running = await startServer(config, logger)
  } catch (error) {
    logger.fatal({ err: error }, `cannot start: ${(error as Error).message}`)
    process.exit(1)
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down')
      running.close().then(() => {
        logger.info('stopped')
        process.exit(0)
      })
    })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
