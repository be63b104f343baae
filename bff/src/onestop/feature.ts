/**
 * The embedded one-stop-shop system for app.ts: its connector for the relay (the default
 * connector: everything on one machine), the officers' routes, and the pump that pushes its
 * status events to the portal's inbound.
 *
 * @example
 *   const onestop = embeddedOneStop({ db, clock, logger, store, audit, uploads: uploads.repository, blobs, inbound })
 *   app.route('/', onestop.routes)
 *   onestop.start()             // pushes events committed but not yet pushed (a crash before)
 *   relay.connector = onestop.connector
 */
import { HOLIDAYS_2025_2027, type HolidayTable } from '@portal/shared/lifecycle/holidays'
import type { AuditLog } from '../audit/log.ts'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import type { StatusInbound } from '../relay/contract.ts'
import type { BlobStore } from '../uploads/blob-store.ts'
import type { UploadRepository } from '../uploads/repository.ts'
import { EmbeddedConnector } from './connector.ts'
import { OfficerDesk } from './desk.ts'
import { EventPump } from './pump.ts'
import { OneStopRepository } from './repository.ts'
import { officerRoutes } from './routes.ts'

export interface EmbeddedOneStopDeps {
  db: Db
  clock: Clock
  logger: Logger
  store: CatalogStore
  audit: AuditLog
  uploads: UploadRepository
  blobs: BlobStore
  /** Where status events go: the portal's one inbound handler. */
  inbound: StatusInbound
  /** The holiday table in force (read at each use, so an administrator's edit applies at once). */
  holidays?: () => HolidayTable
}

export function embeddedOneStop({ db, clock, logger, store, audit, uploads, blobs, inbound, holidays = () => HOLIDAYS_2025_2027 }: EmbeddedOneStopDeps) {
  const repository = new OneStopRepository(db)
  const pump = new EventPump(repository, inbound, clock, logger)
  const connector = new EmbeddedConnector({ repository, audit, holidays, clock, logger, pump })
  const desk = new OfficerDesk({ repository, audit, holidays, clock, logger, pump, store, uploads })
  return {
    connector,
    /** Officers' actions without HTTP (demo data, tests). */
    desk,
    routes: officerRoutes({ desk, repository, store, audit, blobs, clock, logger }),
    /** Pushes the events still pending (committed before a crash, or refused by a failing inbound). */
    start: () => pump.drain(),
    /** Stops the retry timer; pending events wait for the next start. */
    stop: () => pump.stop(),
  }
}

export type EmbeddedOneStop = ReturnType<typeof embeddedOneStop>
