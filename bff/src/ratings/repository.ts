/**
 * Ratings in SQLite (table.ts). `record` is one immediate transaction: the rating, the dossier's
 * next change sequence (so the applicant's other devices pull the rated view by cursor) and the
 * audit entry `dossier.rated` commit together or not at all. A rating already stored for the
 * dossier is returned instead of a second one (the primary key is the dossier).
 */
import type Database from 'better-sqlite3'
import type { Rating, RatingContents, SatisfactionLevel } from '@portal/shared/evaluation/types'
import type { AuditEntry } from '../audit/chain.ts'
import type { AuditLog } from '../audit/log.ts'
import type { Db } from '../db/open.ts'
import { nextChangeSeq } from '../relay/sequence.ts'

export interface StoredRating {
  id: string
  dossierId: string
  userId: number
  level: SatisfactionLevel
  contents?: RatingContents
  comment?: string
  contentsHash: string
  ratedAt: string
}

interface Row {
  id: string
  dossierId: string
  userId: number
  level: string
  contents: string | null
  comment: string | null
  contentsHash: string
  ratedAt: string
}

const COLUMNS = 'id, dossier_id AS dossierId, user_id AS userId, level, contents, comment, contents_hash AS contentsHash, rated_at AS ratedAt'

function toRating(row: Row): StoredRating {
  return {
    id: row.id,
    dossierId: row.dossierId,
    userId: row.userId,
    level: row.level as SatisfactionLevel,
    ...(row.contents ? { contents: JSON.parse(row.contents) as RatingContents } : {}),
    ...(row.comment ? { comment: row.comment } : {}),
    contentsHash: row.contentsHash,
    ratedAt: row.ratedAt,
  }
}

/**
 * The dossier's rating as DossierView's `progress.rating` shows it; undefined when not rated.
 *
 * @example ratingOf(db, dossier.id) // { level: 'satisfied', ratedAt: '2026-07-10T09:00:00+07:00' }
 */
export function ratingOf(db: Db, dossierId: string): { level: SatisfactionLevel; ratedAt: string } | undefined {
  const c = db.$client
  // Prepared once per connection: the changes cursor builds a view for each dossier of a page.
  let statement = ratingStatements.get(c)
  if (!statement) ratingStatements.set(c, (statement = c.prepare('SELECT level, rated_at AS ratedAt FROM ratings WHERE dossier_id = ?')))
  const row = statement.get(dossierId) as { level: SatisfactionLevel; ratedAt: string } | undefined
  return row && { level: row.level, ratedAt: row.ratedAt }
}

const ratingStatements = new WeakMap<Database.Database, Database.Statement>()

export type RecordResult = { created: true; rating: StoredRating; audit: AuditEntry } | { created: false; rating: StoredRating }

export class RatingRepository {
  readonly #s

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    const c = db.$client
    this.#s = {
      find: c.prepare(`SELECT ${COLUMNS} FROM ratings WHERE dossier_id = ?`),
      byId: c.prepare('SELECT dossier_id AS dossierId FROM ratings WHERE id = ?'),
      insert: c.prepare('INSERT INTO ratings (dossier_id, id, user_id, level, contents, comment, contents_hash, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      touch: c.prepare('UPDATE dossiers SET seq = ?, updated_at = ? WHERE id = ?'),
    }
  }

  find(dossierId: string): StoredRating | undefined {
    const row = this.#s.find.get(dossierId) as Row | undefined
    return row && toRating(row)
  }

  /** The dossier a rating id was used for, if it was. */
  dossierOf(ratingId: string): string | undefined {
    return (this.#s.byId.get(ratingId) as { dossierId: string } | undefined)?.dossierId
  }

  /** Stores `rating` unless the dossier has one already (then that one is returned). */
  record(rating: StoredRating, actor: string, code: string): RecordResult {
    return this.db.$client
      .transaction((): RecordResult => {
        const existing = this.find(rating.dossierId)
        if (existing) return { created: false, rating: existing }
        const r = rating
        this.#s.insert.run(r.dossierId, r.id, r.userId, r.level, r.contents ? JSON.stringify(r.contents) : null, r.comment ?? null, r.contentsHash, r.ratedAt)
        this.#s.touch.run(nextChangeSeq(this.db), r.ratedAt, r.dossierId)
        // The comment stays out of the audit log: it is the applicant's free text, kept once, in `ratings`.
        const audit = this.audit.append({ actor, action: 'dossier.rated', target: r.dossierId, details: { code, rating: r.id, level: r.level } })
        return { created: true, rating, audit }
      })
      .immediate()
  }
}

/** Every rating, as the evaluation reads them (the statistics). */
export function allRatings(db: Db): Rating[] {
  const rows = db.$client.prepare('SELECT dossier_id AS dossierId, level, contents, rated_at AS ratedAt FROM ratings').all() as {
    dossierId: string
    level: SatisfactionLevel
    contents: string | null
    ratedAt: string
  }[]
  return rows.map((r) => ({ dossierId: r.dossierId, level: r.level, ratedAt: r.ratedAt, ...(r.contents ? { contents: JSON.parse(r.contents) as RatingContents } : {}) }))
}
