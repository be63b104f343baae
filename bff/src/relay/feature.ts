/**
 * The relay assembled: the outbox and its worker, the connector chosen by RELAY_CONNECTOR, the
 * one inbound handler, and the routes. server.ts builds it, passes it to createApp and starts
 * the worker; tests build it the same way (or let createApp build one that never starts).
 *
 * Connectors: 'http' is built here from its settings. 'embedded' is the one-stop-shop module
 * inside the BFF (src/onestop), which itself needs the inbound handler to push its status
 * events, so it is built after the relay and handed over with `attach` (app.ts). A connector
 * whose name is not the configured one is ignored; until the configured one is there, `start`
 * logs it and delivers nothing (the outbox keeps every message).
 *
 * @example
 *   const relay = relayFeature({ db, clock, config, logger })
 *   const app = createApp({ db, clock, config, logger, relay })
 *   relay.start()
 *   // on shutdown, before closing the database:
 *   await relay.stop()
 */
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import { AuditLog } from '../audit/log.ts'
import type { Clock } from '../clock.ts'
import type { Config } from '../config/config.ts'
import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import type { OneStopConnector } from './contract.ts'
import { HttpConnector } from './http/connector.ts'
import { RelayInbound } from './inbound.ts'
import { RelayOutbox } from './outbox.ts'
import { callbackRoutes, relayAdminRoutes } from './routes.ts'
import { RelayWorker, type WorkerOptions } from './worker.ts'

export interface RelayDeps {
  db: Db
  clock: Clock
  config: Config
  logger: Logger
  /** The holiday table in force; default the seeded one (inbound.ts). */
  holidays?: () => HolidayTable
  /** Worker settings beyond the configuration (tests: a shorter idle check, a fixed random). */
  worker?: Partial<Pick<WorkerOptions, 'idleCheckMs' | 'random'>>
}

export function relayFeature({ db, clock, config, logger, holidays, worker: workerOptions }: RelayDeps) {
  const audit = new AuditLog(db, clock, logger)
  const inbound = new RelayInbound({ db, clock, logger, audit, ...(holidays ? { holidays } : {}) })
  const outbox = new RelayOutbox(db, clock)
  const settings = config.relay
  let connector: OneStopConnector | undefined = settings.http ? new HttpConnector(settings.http) : undefined
  let worker: RelayWorker | undefined

  const relay = {
    inbound,
    outbox,
    /** Mounted in app.ts BEFORE the session and CSRF middleware: signed, machine-to-machine (404 unless RELAY_CONNECTOR=http). */
    callbackRoutes: callbackRoutes({ secret: settings.http?.callbackSecret, inbound, clock, logger }),
    /** Administrators' view of the outbox (under the session middleware). */
    routes: relayAdminRoutes({ outbox, audit, wake: () => relay.wake() }),
    /** The configured connector, once there. */
    connector: () => connector,
    /** Hands over a connector built elsewhere (the embedded one-stop-shop); used if it is the configured one. */
    attach(candidate: OneStopConnector): void {
      if (candidate.name === settings.connector) connector = candidate
    },
    /** Starts delivering. */
    start(): void {
      if (worker?.running) return
      if (!connector) {
        logger.warn({ connector: settings.connector }, 'relay not started: the configured connector is not attached; the outbox keeps every message')
        return
      }
      const concurrency = connector.concurrency ?? settings.concurrency
      worker = new RelayWorker({ outbox, connector, clock, logger }, { concurrency, timeoutMs: settings.timeoutMs, backoff: settings.backoff, ...workerOptions })
      worker.start()
      logger.info({ connector: connector.name, concurrency }, 'relay started')
    },
    /** A message may be due now (an intake committed one). */
    wake(): void {
      worker?.wake()
    },
    /** Aborts deliveries in flight (they stay in the outbox) and waits for them. */
    async stop(): Promise<void> {
      await worker?.stop()
    },
  }
  return relay
}

export type Relay = ReturnType<typeof relayFeature>
