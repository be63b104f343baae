/**
 * The officers' API of the embedded one-stop-shop (contract: shared/src/onestop/api.ts):
 *
 *   GET  /api/officer/dossiers?agency=&status=&procedure=&due=&cursor=   OfficerQueue (pages of 50)
 *   GET  /api/officer/dossiers/{id}                                       OfficerDossier
 *   GET  /api/officer/dossiers/{id}/files/{sha256}                        the file, inline (preview)
 *   POST /api/officer/dossiers/{id}/actions   OfficerAction               OfficerDossier after it
 *   GET  /api/officer/units?agency=                                       OfficerUnit[]
 *
 * Order on every route: a session (401), an officer role under a second factor (403), the
 * input's shape (400), then the dossier among the officer's agencies (404 otherwise), the duty
 * (403), the server's additions (400/422) and the state machine (409 transition-refused with the
 * lifecycle code). Reading a dossier or one of its files is audited like every change.
 */
import { Readable } from 'node:stream'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import * as v from 'valibot'
import { DossierIdSchema, Sha256Schema } from '@portal/shared/dossiers/schema'
import { OfficerActionSchema, QueueFilterSchema, type OfficerQueue, type OfficerUnit } from '@portal/shared/onestop/api'
import { hasAgency, requireRole, sessionOf } from '../auth/access.ts'
import { forbidden } from '../auth/problems.ts'
import type { AuditLog } from '../audit/log.ts'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import { payloadTooLarge } from '../dossiers/problems.ts'
import { limitBody } from '../http/body.ts'
import { notFound } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Logger } from '../log.ts'
import type { BlobStore } from '../uploads/blob-store.ts'
import { dutiesAt, officerAgencies, type OfficerDesk } from './desk.ts'
import { decodeCursor, encodeCursor, QUEUE_PAGE, queueRows } from './queue.ts'
import type { OneStopRepository } from './repository.ts'
import { officerDossier, queueItem } from './view.ts'

/** An action is a few reasons or items: never more. */
export const ACTION_BODY_LIMIT = 64 * 1024

const IdParamSchema = v.object({ id: DossierIdSchema })
const FileParamSchema = v.object({ id: DossierIdSchema, sha256: Sha256Schema })
const UnitsQuerySchema = v.object({ agency: v.optional(v.string()) })

export interface OfficerRoutesDeps {
  desk: OfficerDesk
  repository: OneStopRepository
  store: CatalogStore
  audit: AuditLog
  blobs: BlobStore
  clock: Clock
  logger: Logger
}

/** RFC 6266: an ASCII fallback and the UTF-8 name (Vietnamese file names). */
function inlineDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

export function officerRoutes({ desk, repository, store, audit, blobs, clock, logger }: OfficerRoutesDeps) {
  const app = new Hono()
  const noStore = createMiddleware(async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
  app.use('/api/officer/*', noStore)
  const officer = requireRole('officer')

  app.get('/api/officer/dossiers', officer, validate('query', QueueFilterSchema), (c) => {
    const session = sessionOf(c)
    const filter = c.req.valid('query')
    if (filter.agency !== undefined && !hasAgency(session, filter.agency)) throw forbidden('Bạn không thuộc cơ quan này.')
    const now = clock.now()
    const table = desk.holidays()
    const rows = queueRows(
      repository.db,
      {
        agencies: filter.agency !== undefined ? [filter.agency] : officerAgencies(session),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.procedure ? { procedure: filter.procedure } : {}),
        ...(filter.due ? { due: filter.due } : {}),
        ...(filter.cursor !== undefined ? { after: decodeCursor(filter.cursor) } : {}),
        limit: QUEUE_PAGE,
      },
      now,
      table,
    )
    const page = rows.slice(0, QUEUE_PAGE)
    const last = page.at(-1)
    const body: OfficerQueue = {
      items: page.map((row) => queueItem(row, now, table)),
      ...(rows.length > QUEUE_PAGE && last ? { next: encodeCursor(last) } : {}),
    }
    return c.json(body)
  })

  app.get('/api/officer/dossiers/:id', officer, validate('param', IdParamSchema), (c) => {
    const session = sessionOf(c)
    const row = desk.visible(session, c.req.valid('param').id)
    audit.record({ actor: session.sub, action: 'onestop.dossier-read', target: row.id, details: { code: row.code } })
    return c.json(officerDossier(row, repository.recorded(row.id), dutiesAt(session, row.agencyCode), clock.now(), desk.holidays()))
  })

  app.get('/api/officer/dossiers/:id/files/:sha256', officer, validate('param', FileParamSchema), async (c) => {
    const session = sessionOf(c)
    const { id, sha256 } = c.req.valid('param')
    const row = desk.visible(session, id)
    const file = repository.file(row.id, sha256)
    if (!file) throw notFound('Hồ sơ không có tệp này.')
    const bytes = await blobs.get(sha256)
    if (!bytes) {
      logger.error({ dossier: row.id, sha256 }, 'a file of a dossier is missing from the blob store')
      throw notFound('Không tìm thấy nội dung tệp.')
    }
    audit.record({ actor: session.sub, action: 'onestop.file-read', target: row.id, details: { code: row.code, sha256, role: file.role } })
    return new Response(Readable.toWeb(bytes) as ReadableStream, {
      headers: {
        'Content-Type': file.type,
        'Content-Length': String(file.size),
        'Content-Disposition': inlineDisposition(file.name),
        'X-Content-Type-Options': 'nosniff',
      },
    })
  })

  app.post(
    '/api/officer/dossiers/:id/actions',
    officer,
    limitBody(ACTION_BODY_LIMIT, () => payloadTooLarge(ACTION_BODY_LIMIT)),
    validate('param', IdParamSchema),
    validate('json', OfficerActionSchema),
    (c) => {
      const session = sessionOf(c)
      const row = desk.act(session, c.req.valid('param').id, c.req.valid('json'))
      return c.json(officerDossier(row, repository.recorded(row.id), dutiesAt(session, row.agencyCode), clock.now(), desk.holidays()))
    },
  )

  app.get('/api/officer/units', officer, validate('query', UnitsQuerySchema), (c) => {
    const session = sessionOf(c)
    const { agency } = c.req.valid('query')
    if (agency !== undefined && !hasAgency(session, agency)) throw forbidden('Bạn không thuộc cơ quan này.')
    const own = new Set(agency !== undefined ? [agency] : officerAgencies(session))
    // Every active entry of the directory, units (phòng, bộ phận) included; the officer's own
    // agency and its units first (a handover inside it is the common case), then the directory's order.
    const entries = store.snapshot().directory.agencies.filter((a) => !a.inactive)
    const mine = (a: (typeof entries)[number]) => own.has(a.code) || (a.parent !== undefined && own.has(a.parent))
    const units: OfficerUnit[] = [...entries.filter(mine), ...entries.filter((a) => !mine(a))].map((a) => ({
      code: a.code,
      name: a.name,
      ...(a.parent ? { parent: a.parent } : {}),
    }))
    return c.json(units)
  })

  return app
}
