/**
 * Uploads and grants in SQLite (table.ts). Every method is one synchronous statement or
 * transaction, so a check and its write cannot interleave with another request's.
 */
import { and, count, desc, eq, gt, lte, ne } from 'drizzle-orm'
import type { Db } from '../db/open.ts'
import { uploadGrants, uploads } from './table.ts'

export type UploadRow = typeof uploads.$inferSelect

export interface NewUpload {
  id: string
  userId: number
  sha256: string
  filename: string
  filetype: string
  size: number
  now: number
  expiresAt: number
}

export interface Grant {
  sha256: string
  size: number
  type: string
}

export class UploadRepository {
  /** The grant check runs for every file of every intake: prepared once. */
  readonly #grant

  constructor(private readonly db: Db) {
    this.#grant = db.$client.prepare('SELECT 1 FROM upload_grants WHERE user_id = ? AND sha256 = ? AND size = ? AND type = ? LIMIT 1').pluck()
  }

  /** Records a new upload unless its owner already has `max` unfinished, unexpired ones. */
  create(upload: NewUpload, max: number): 'created' | 'too-many' {
    return this.db.transaction(
      (tx) => {
        const open = tx
          .select({ n: count() })
          .from(uploads)
          .where(and(eq(uploads.userId, upload.userId), eq(uploads.state, 'receiving'), gt(uploads.expiresAt, upload.now)))
          .get()
        if ((open?.n ?? 0) >= max) return 'too-many'
        const { now, ...rest } = upload
        tx.insert(uploads).values({ ...rest, state: 'receiving', createdAt: now }).run()
        return 'created'
      },
      { behavior: 'immediate' },
    )
  }

  find(id: string): UploadRow | undefined {
    return this.db.select().from(uploads).where(eq(uploads.id, id)).get()
  }

  /**
   * `userId`'s newest unfinished, unexpired upload of these bytes (same hash, size and type):
   * what a repeated creation resumes instead of opening another one (routes.ts).
   */
  findUnfinished(userId: number, grant: Grant, now: number): UploadRow | undefined {
    return this.db
      .select()
      .from(uploads)
      .where(
        and(
          eq(uploads.userId, userId),
          eq(uploads.state, 'receiving'),
          eq(uploads.sha256, grant.sha256),
          eq(uploads.size, grant.size),
          eq(uploads.filetype, grant.type),
          gt(uploads.expiresAt, now),
        ),
      )
      .orderBy(desc(uploads.createdAt))
      .limit(1)
      .get()
  }

  /** The bytes were verified and stored: the upload is complete and its owner gets a grant. */
  complete(row: UploadRow, at: Date): void {
    this.db.transaction(
      (tx) => {
        tx.update(uploads).set({ state: 'complete', finishedAt: at.getTime() }).where(eq(uploads.id, row.id)).run()
        tx.insert(uploadGrants)
          .values({ userId: row.userId, sha256: row.sha256, size: row.size, type: row.filetype, uploadId: row.id, at: at.toISOString() })
          .run()
      },
      { behavior: 'immediate' },
    )
  }

  reject(id: string, at: Date): void {
    this.db.update(uploads).set({ state: 'rejected', finishedAt: at.getTime() }).where(eq(uploads.id, id)).run()
  }

  /** Unfinished or rejected uploads past their expiry (complete ones stay: grants refer to them). */
  expired(now: number): UploadRow[] {
    return this.db
      .select()
      .from(uploads)
      .where(and(ne(uploads.state, 'complete'), lte(uploads.expiresAt, now)))
      .all()
  }

  remove(id: string): void {
    this.db.delete(uploads).where(and(eq(uploads.id, id), ne(uploads.state, 'complete'))).run()
  }

  /** The newest complete upload of `userId` with this SHA-256 (size, type, name), if any: what an officer's result file is. */
  grantOf(userId: number, sha256: string): (Grant & { name: string }) | undefined {
    return this.db
      .select({ sha256: uploadGrants.sha256, size: uploadGrants.size, type: uploadGrants.type, name: uploads.filename })
      .from(uploadGrants)
      .innerJoin(uploads, eq(uploads.id, uploadGrants.uploadId))
      .where(and(eq(uploadGrants.userId, userId), eq(uploadGrants.sha256, sha256)))
      .orderBy(desc(uploadGrants.id))
      .limit(1)
      .get()
  }

  /** Whether `userId` uploaded these bytes (same hash, size and type) in a complete upload. */
  hasGrant(userId: number, grant: Grant): boolean {
    return this.#grant.get(userId, grant.sha256, grant.size, grant.type) !== undefined
  }
}
