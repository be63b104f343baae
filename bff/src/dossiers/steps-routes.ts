/**
 * The applicant's steps after intake (contract: shared/src/dossiers/citizen.ts), owner only:
 *
 *   POST /api/dossiers/{id}/supplements  SupplementSubmission → 202 DossierView (stored, to be
 *                                        relayed), 200 the same for a replay; 409 not in
 *                                        supplementRequested / answered already / conflict;
 *                                        422 supplement-invalid
 *   POST /api/dossiers/{id}/withdrawal   WithdrawalRequest → 202 / 200 DossierView; 409 when the
 *                                        machine no longer allows it, or sent already
 *   GET  /api/dossiers/{id}/result       the result file, with its SHA-256 in Repr-Digest; 404
 *                                        none (yet); 503 a province's result not fetched now
 *
 * Order: session (401), input shape (400), the dossier and its owner (404 for anyone else), then
 * the step's rules (steps.ts). The status in the answer is still the mirror's: it moves when the
 * one-stop-shop's status event comes back (pulled by the changes cursor).
 */
import { Readable } from 'node:stream'
import { Hono, type Context } from 'hono'
import { SupplementSubmissionSchema, WithdrawalRequestSchema } from '@portal/shared/dossiers/citizen'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import type { Session } from '../auth/sessions.ts'
import { requireSession, sessionOf } from '../auth/access.ts'
import type { AuditLog } from '../audit/log.ts'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { limitBody } from '../http/body.ts'
import { notFound } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Logger } from '../log.ts'
import type { BlobStore } from '../uploads/blob-store.ts'
import type { UploadRepository } from '../uploads/repository.ts'
import { payloadTooLarge, RESULT_RETRY_AFTER_S, resultUnavailable } from './problems.ts'
import type { DossierRow } from './repository.ts'
import type { ResultFetcher } from './result-fetch.ts'
import { attachmentDisposition, reprDigest, ResultFiles } from './result.ts'
import { ApplicantSteps } from './steps.ts'
import { lifeOf, type DossierViews } from './view.ts'
import { IdParamSchema, INTAKE_BODY_LIMIT } from './routes.ts'

export interface StepRoutesDeps {
  db: Db
  clock: Clock
  logger: Logger
  store: CatalogStore
  audit: AuditLog
  uploads: UploadRepository
  blobs: BlobStore
  holidays: () => HolidayTable
  views: DossierViews
  /** Brings a province's result into the blob store before it is served. */
  fetcher: ResultFetcher
  /** The caller's dossier; 404 when it does not exist or is someone else's. */
  owned(session: Session, id: string): DossierRow
}

export function stepRoutes({ db, clock, logger, store, audit, uploads, blobs, holidays, views, fetcher, owned }: StepRoutesDeps) {
  const steps = new ApplicantSteps({ db, clock, store, audit, uploads, holidays })
  const results = new ResultFiles(db)
  const app = new Hono()
  const limit = limitBody(INTAKE_BODY_LIMIT, () => payloadTooLarge(INTAKE_BODY_LIMIT))
  /** The dossier as it is after the step (read again: the step took a new change sequence). */
  const answer = (c: Context, session: Session, id: string, created: boolean) => {
    c.header('Location', `/api/dossiers/${id}`)
    return c.json(views.view(owned(session, id)), created ? 202 : 200)
  }

  app.post('/api/dossiers/:id/supplements', requireSession(), limit, validate('param', IdParamSchema), validate('json', SupplementSubmissionSchema), async (c) => {
    const session = sessionOf(c)
    const row = owned(session, c.req.valid('param').id)
    const body = c.req.valid('json')
    const { created } = await steps.supplement(session, row, body)
    logger.info({ dossier: row.id, step: body.id, created }, created ? 'supplement stored, to be relayed' : 'supplement replayed')
    return answer(c, session, row.id, created)
  })

  app.post('/api/dossiers/:id/withdrawal', requireSession(), limit, validate('param', IdParamSchema), validate('json', WithdrawalRequestSchema), (c) => {
    const session = sessionOf(c)
    const row = owned(session, c.req.valid('param').id)
    const body = c.req.valid('json')
    const { created } = steps.withdraw(session, row, body)
    logger.info({ dossier: row.id, step: body.id, created }, created ? 'withdrawal stored, to be relayed' : 'withdrawal replayed')
    return answer(c, session, row.id, created)
  })

  app.get('/api/dossiers/:id/result', requireSession(), validate('param', IdParamSchema), async (c) => {
    const session = sessionOf(c)
    const row = owned(session, c.req.valid('param').id)
    const sha256 = row.status === 'returned' ? lifeOf(row).resultFile : undefined
    const file = sha256 ? results.find(row.id, sha256) : undefined
    if (!file) throw notFound(sha256 ? 'Kết quả của hồ sơ này chưa có trên cổng để tải về; hãy nhận tại cơ quan.' : 'Hồ sơ chưa có kết quả.')
    if (!(await fetcher.ensure(row.id, file))) {
      c.header('Retry-After', String(RESULT_RETRY_AFTER_S))
      throw resultUnavailable()
    }
    const bytes = await blobs.get(file.sha256)
    if (!bytes) {
      logger.error({ dossier: row.id, sha256: file.sha256 }, 'the result file of a dossier is missing from the blob store')
      throw notFound('Không tìm thấy nội dung tệp kết quả.')
    }
    audit.record({ actor: session.sub, action: 'result.downloaded', target: row.id, details: { code: row.code, sha256: file.sha256 } })
    return new Response(Readable.toWeb(bytes) as ReadableStream, {
      headers: {
        'Content-Type': file.type,
        'Content-Length': String(file.size),
        'Content-Disposition': attachmentDisposition(file.name),
        'Repr-Digest': reprDigest(file.sha256),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    })
  })

  return app
}
