/**
 * The applicant's rating of a dossier (issue 7; contract in shared/src/dossiers/citizen.ts):
 *
 *   POST /api/dossiers/{id}/rating   RatingSubmission → 201 DossierView (200 for a replay)
 *
 * Order: session (401), the id and the body's shape (400), the owner (anyone else 404), then the
 * rules. A dossier is rated once: its rating id again with the same content answers the view as
 * the first time (the phone's outbox may send it twice); the same id with other content, or
 * another rating of a rated dossier, is a 409 carrying the dossier's view. Only a dossier whose result was returned
 * (status `returned`) can be rated; before that, 409 "chưa có kết quả".
 */
import { Hono } from 'hono'
import { RatingSubmissionSchema, type RatingSubmission } from '@portal/shared/dossiers/citizen'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import { ensureOwner, requireSession, sessionOf } from '../auth/access.ts'
import type { AuditLog } from '../audit/log.ts'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { canonicalHash } from '../dossiers/canonical.ts'
import { vietnamIso } from '../dossiers/codes.ts'
import { payloadTooLarge } from '../dossiers/problems.ts'
import { DossierRepository, type DossierRow } from '../dossiers/repository.ts'
import { IdParamSchema } from '../dossiers/routes.ts'
import { DossierViews } from '../dossiers/view.ts'
import { limitBody } from '../http/body.ts'
import { notFound } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Logger } from '../log.ts'
import { alreadyRated, ratingBeforeResult, ratingConflict } from './problems.ts'
import { RatingRepository, type StoredRating } from './repository.ts'

/** A rating is a level, a few counts and levels, and a comment of at most 2,000 characters. */
export const RATING_BODY_LIMIT = 16 * 1024

export interface RatingDeps {
  db: Db
  clock: Clock
  logger: Logger
  audit: AuditLog
  store: CatalogStore
  holidays: () => HolidayTable
}

/** What identifies the content of a rating (its id aside). */
const contentHash = (r: RatingSubmission) => canonicalHash({ level: r.level, contents: r.contents, comment: r.comment })

export function ratingRoutes({ db, clock, logger, audit, store, holidays }: RatingDeps) {
  const dossiers = new DossierRepository(db, audit)
  const views = new DossierViews({ db, clock, store, holidays })
  const ratings = new RatingRepository(db, audit)
  const app = new Hono()

  /** A rating already stored for the dossier: the first answer for its own replay, else a 409. */
  const settled = (stored: StoredRating, sent: RatingSubmission, hash: string, row: DossierRow) => {
    if (stored.id !== sent.id) throw alreadyRated(stored.ratedAt, views.view(row))
    if (stored.contentsHash !== hash) throw ratingConflict(views.view(row))
  }

  app.post(
    '/api/dossiers/:id/rating',
    requireSession(),
    limitBody(RATING_BODY_LIMIT, () => payloadTooLarge(RATING_BODY_LIMIT)),
    validate('param', IdParamSchema),
    validate('json', RatingSubmissionSchema),
    (c) => {
      const session = sessionOf(c)
      const dossierId = c.req.valid('param').id
      const sent = c.req.valid('json')
      const row = dossiers.find(dossierId)
      if (!row) throw notFound('Không có hồ sơ này.')
      ensureOwner(session, row.userId)
      c.header('Cache-Control', 'no-store')
      const hash = contentHash(sent)

      const stored = ratings.find(dossierId)
      if (stored) {
        settled(stored, sent, hash, row)
        return c.json(views.view(row), 200)
      }
      if (row.status !== 'returned') throw ratingBeforeResult(views.view(row))
      const usedFor = ratings.dossierOf(sent.id)
      if (usedFor !== undefined) throw ratingConflict(views.view(row))

      const result = ratings.record(
        {
          id: sent.id,
          dossierId,
          userId: session.userId,
          level: sent.level,
          ...(sent.contents ? { contents: sent.contents } : {}),
          ...(sent.comment ? { comment: sent.comment } : {}),
          contentsHash: hash,
          ratedAt: vietnamIso(clock.now()),
        },
        session.sub,
        row.code,
      )
      if (!result.created) {
        // Rated by a concurrent request between our look-up and our transaction.
        settled(result.rating, sent, hash, row)
        return c.json(views.view(row), 200)
      }
      audit.logged(result.audit)
      logger.info({ dossier: dossierId, level: sent.level }, 'dossier rated')
      const rated = dossiers.find(dossierId) as DossierRow
      return c.json(views.view(rated), 201)
    },
  )

  return app
}
