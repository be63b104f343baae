/**
 * Intake and the applicant's view of their dossiers:
 *
 *   POST /api/dossiers                    DossierSubmission → 201 DossierReceipt (Location),
 *                                         200 the same receipt for a replay, 409 conflict,
 *                                         422 dossier-invalid, 413 over INTAKE_BODY_LIMIT
 *   GET  /api/dossiers/changes?cursor=N   DossierChanges: the caller's dossiers changed after N
 *   GET  /api/dossiers/{id}               DossierView (owner only; 404 otherwise)
 *   GET  /api/dossiers/{id}/receipt.pdf   the A5 acknowledgement (owner only)
 *   POST /api/dossiers/{id}/supplements, /withdrawal, GET …/result: the applicant's steps after
 *                                         intake (steps-routes.ts)
 *
 * Order on every route: session (401), then input shape (400), then the rules (422). Intake:
 * an id seen before is answered from what is stored, before any rule is checked again, so a
 * replay gets the first answer even if the catalogue changed since (idempotency rule:
 * docs/decisions/0008-intake.md).
 */
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import * as v from 'valibot'
import { DossierIdSchema, DossierSubmissionSchema, type DossierReceipt, type DossierSubmission } from '@portal/shared/dossiers/schema'
import { todayInVietnam } from '@portal/shared/forms/dates'
import type { Session } from '../auth/sessions.ts'
import { ensureOwner, requireSession, sessionOf } from '../auth/access.ts'
import type { AuditLog } from '../audit/log.ts'
import type { CatalogStore } from '../catalog/store.ts'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { limitBody } from '../http/body.ts'
import { notFound } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Logger } from '../log.ts'
import type { BlobStore } from '../uploads/blob-store.ts'
import type { UploadRepository } from '../uploads/repository.ts'
import { addresses } from './addresses.ts'
import { canonicalHash } from './canonical.ts'
import { checkSubmission } from './check.ts'
import { CODE_WIDENS_AFTER, vietnamDay, vietnamIso } from './codes.ts'
import { DossierConflict, dossierIdTaken, payloadTooLarge } from './problems.ts'
import { renderReceiptPdf } from './receipt-pdf.ts'
import { DossierRepository, type DossierRow } from './repository.ts'
import type { ResultFetcher } from './result-fetch.ts'
import { stepRoutes } from './steps-routes.ts'
import { DossierViews } from './view.ts'

/** Largest intake body: form values and file references, never file bytes. */
export const INTAKE_BODY_LIMIT = 256 * 1024
/** Dossiers per page of GET /api/dossiers/changes. */
export const CHANGES_PAGE = 100

export const IdParamSchema = v.object({ id: DossierIdSchema })
export const CursorQuerySchema = v.object({
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'cursor must be a whole number ≥ 0'), v.transform(Number)), '0'),
})

export interface DossiersDeps {
  db: Db
  clock: Clock
  logger: Logger
  store: CatalogStore
  audit: AuditLog
  uploads: UploadRepository
  blobs: BlobStore
  /** The holiday table in force (slips issued, the machine's rule on withdrawal). */
  holidays: () => HolidayTable
  /** Brings a province's result into the blob store before it is served. */
  fetcher: ResultFetcher
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined)

function applicantOf(session: Session): DossierReceipt['applicant'] {
  const claims = session.profile ?? {}
  const identityNumber = str(claims.identity_number) ?? str(claims.tax_code)
  return { name: str(claims.name) ?? session.sub, ...(identityNumber ? { identityNumber } : {}) }
}

export function dossierRoutes({ db, clock, logger, store, audit, uploads, blobs, holidays, fetcher }: DossiersDeps) {
  const repository = new DossierRepository(db, audit)
  const views = new DossierViews({ db, clock, store, holidays })
  const app = new Hono()
  const noStore = createMiddleware(async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
  app.use('/api/dossiers', noStore)
  app.use('/api/dossiers/*', noStore)

  /** The stored answer for an id seen before, or undefined for a new id. */
  function replay(row: DossierRow | undefined, userId: number, hash: string): DossierReceipt | undefined {
    if (!row) return undefined
    if (row.userId !== userId) throw dossierIdTaken()
    if (row.submissionHash !== hash) throw new DossierConflict(views.view(row))
    return repository.receipt(row)
  }

  app.post(
    '/api/dossiers',
    requireSession(),
    limitBody(INTAKE_BODY_LIMIT, () => payloadTooLarge(INTAKE_BODY_LIMIT)),
    validate('json', DossierSubmissionSchema),
    async (c) => {
      const session = sessionOf(c)
      const submission: DossierSubmission = c.req.valid('json')
      const hash = canonicalHash(submission)
      const seen = replay(repository.find(submission.id), session.userId, hash)
      if (seen) {
        logger.info({ dossier: submission.id, code: seen.code }, 'dossier replayed')
        c.header('Location', `/api/dossiers/${submission.id}`)
        return c.json(seen, 200)
      }

      const snapshot = store.snapshot()
      const now = clock.now()
      const checked = await checkSubmission(submission, {
        procedures: snapshot.byCode,
        agencies: snapshot.agencies,
        addresses: addresses(),
        today: todayInVietnam(now),
        hasGrant: (grant) => uploads.hasGrant(session.userId, grant),
      })
      const rules = new Map(checked.definition.components.map((rule) => [rule.id, rule]))
      const at = clock.now()
      const result = await repository.register({
        id: submission.id,
        userId: session.userId,
        agencyCode: checked.agency.code,
        day: vietnamDay(at),
        submissionHash: hash,
        submission: { ...submission, form: checked.form },
        at,
        actor: session.sub,
        receipt: {
          id: submission.id,
          procedure: { code: checked.procedure.code, name: checked.procedure.name },
          agency: { code: checked.agency.code, name: checked.agency.name },
          applicant: applicantOf(session),
          receivedAt: vietnamIso(at),
          components: submission.components.map((component) => ({
            componentId: component.componentId,
            label: rules.get(component.componentId)?.label.vi ?? component.componentId,
            files: component.files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })),
          })),
          resultDelivery: submission.resultDelivery,
        },
      })
      if (!result.created) {
        // The same id committed by a concurrent request between our look-up and our transaction.
        const again = replay(result.row, session.userId, hash)!
        c.header('Location', `/api/dossiers/${submission.id}`)
        return c.json(again, 200)
      }
      const { row, number } = result
      if (number > CODE_WIDENS_AFTER) {
        logger.warn({ agency: row.agencyCode, day: vietnamDay(at), number, code: row.code }, 'dossier numbering past 9,999 for the day: the number widens')
      }
      audit.logged(result.audit)
      c.header('Location', `/api/dossiers/${row.id}`)
      return c.json(repository.receipt(row), 201)
    },
  )

  app.get('/api/dossiers/changes', requireSession(), validate('query', CursorQuerySchema), (c) => {
    const session = sessionOf(c)
    const { cursor } = c.req.valid('query')
    const rows = repository.changedSince(session.userId, cursor, CHANGES_PAGE + 1)
    const page = rows.slice(0, CHANGES_PAGE)
    return c.json({
      cursor: page.at(-1)?.seq ?? cursor,
      dossiers: page.map((row) => views.view(row)),
      more: rows.length > CHANGES_PAGE,
    })
  })

  const owned = (session: Session, id: string): DossierRow => {
    const row = repository.find(id)
    if (!row) throw notFound('Không có hồ sơ này.')
    ensureOwner(session, row.userId)
    return row
  }
  app.route('/', stepRoutes({ db, clock, logger, store, audit, uploads, blobs, holidays, views, fetcher, owned }))

  app.get('/api/dossiers/:id', requireSession(), validate('param', IdParamSchema), (c) => {
    const row = owned(sessionOf(c), c.req.valid('param').id)
    return c.json(views.view(row))
  })

  app.get('/api/dossiers/:id/receipt.pdf', requireSession(), validate('param', IdParamSchema), async (c) => {
    const row = owned(sessionOf(c), c.req.valid('param').id)
    const pdf = await renderReceiptPdf(repository.receipt(row), { addresses: addresses() })
    c.header('Content-Type', 'application/pdf')
    c.header('Content-Disposition', `inline; filename="giay-xac-nhan-${row.code}.pdf"`)
    return c.body(pdf as Uint8Array<ArrayBuffer>)
  })

  return app
}
