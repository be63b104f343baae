/**
 * Dossiers in SQLite (table.ts). `register` is the intake transaction: everything a received
 * dossier is, or nothing. The database runs with synchronous=FULL (db/open.ts, design decision
 * 12), so when the transaction returns the dossier survives a power cut; the 201 is sent after.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { DossierReceipt, DossierStatus, DossierSubmission, DossierView } from '@portal/shared/dossiers/schema'
import type { AuditEntry, Json } from '../audit/chain.ts'
import type { AuditLog } from '../audit/log.ts'
import type { Db } from '../db/open.ts'
import { dossierCode } from './codes.ts'
import { dossierCodeCounters, dossierFiles, dossierHistory, dossiers, dossierSequence, relayOutbox } from './table.ts'

export type DossierRow = typeof dossiers.$inferSelect

export interface Registration {
  id: string
  userId: number
  agencyCode: string
  /** YYMMDD, Vietnam time. */
  day: string
  submissionHash: string
  submission: DossierSubmission
  /** The receipt without its code (assigned here). */
  receipt: Omit<DossierReceipt, 'code'>
  at: Date
  /** `sub` of the applicant: the actor of the audit entry. */
  actor: string
}

export type RegisterResult = { created: true; row: DossierRow; number: number; audit: AuditEntry } | { created: false; row: DossierRow }

export class DossierRepository {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  find(id: string): DossierRow | undefined {
    return this.db.select().from(dossiers).where(eq(dossiers.id, id)).get()
  }

  /**
   * The intake transaction: the code's number from the agency's counter of the day, the next
   * change sequence, the dossier with its files, its first history entry and its relay outbox
   * row, and the audit entry `dossier.submitted` (its hash chained on the last entry, read in
   * the same transaction): one commit, so no dossier is ever stored without its audit entry.
   * If the id exists already (a concurrent replay), nothing is written and that row is
   * returned.
   */
  register(r: Registration): RegisterResult {
    return this.db.transaction(
      (tx): RegisterResult => {
        const existing = tx.select().from(dossiers).where(eq(dossiers.id, r.id)).get()
        if (existing) return { created: false, row: existing }
        const counter = tx
          .insert(dossierCodeCounters)
          .values({ agencyCode: r.agencyCode, day: r.day, last: 1 })
          .onConflictDoUpdate({ target: [dossierCodeCounters.agencyCode, dossierCodeCounters.day], set: { last: sql`${dossierCodeCounters.last} + 1` } })
          .returning({ last: dossierCodeCounters.last })
          .get()
        const { seq } = tx
          .insert(dossierSequence)
          .values({ id: 1, seq: 1 })
          .onConflictDoUpdate({ target: dossierSequence.id, set: { seq: sql`${dossierSequence.seq} + 1` } })
          .returning({ seq: dossierSequence.seq })
          .get()
        const code = dossierCode(r.agencyCode, r.day, counter.last)
        const receipt: DossierReceipt = { ...r.receipt, code }
        const at = receipt.receivedAt
        const row = tx
          .insert(dossiers)
          .values({
            id: r.id,
            userId: r.userId,
            code,
            procedureCode: r.submission.procedureCode,
            agencyCode: r.agencyCode,
            status: 'registered',
            submissionHash: r.submissionHash,
            submission: JSON.stringify(r.submission),
            receipt: JSON.stringify(receipt),
            submittedAt: at,
            updatedAt: at,
            seq,
          })
          .returning()
          .get()
        const files = r.submission.components.flatMap((c) =>
          c.files.map((f, position) => ({ dossierId: r.id, componentId: c.componentId, position, sha256: f.sha256, size: f.size, type: f.type, name: f.name })),
        )
        if (files.length > 0) tx.insert(dossierFiles).values(files).run()
        tx.insert(dossierHistory).values({ dossierId: r.id, status: 'registered', at }).run()
        // Delivered to the one-stop-shop by the relay worker (next issue), with retries and the
        // dossier id as idempotency key; committing here makes "received" and "to be relayed" one fact.
        tx.insert(relayOutbox).values({ dossierId: r.id, message: 'submitted', createdAt: r.at.toISOString() }).run()
        const audit = this.audit.append({
          actor: r.actor,
          action: 'dossier.submitted',
          target: r.id,
          details: { code, procedure: r.submission.procedureCode, agency: r.agencyCode, files: files.length } satisfies Record<string, Json>,
        })
        return { created: true, row, number: counter.last, audit }
      },
      { behavior: 'immediate' },
    )
  }

  view(row: DossierRow): DossierView {
    const history = this.db
      .select({ status: dossierHistory.status, at: dossierHistory.at, note: dossierHistory.note })
      .from(dossierHistory)
      .where(eq(dossierHistory.dossierId, row.id))
      .orderBy(asc(dossierHistory.id))
      .all()
    return {
      id: row.id,
      code: row.code,
      ...(row.externalCode ? { externalCode: row.externalCode } : {}),
      procedureCode: row.procedureCode,
      status: row.status as DossierStatus,
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
      seq: row.seq,
      receipt: JSON.parse(row.receipt) as DossierReceipt,
      history: history.map((h) => ({ status: h.status as DossierStatus, at: h.at, ...(h.note ? { note: h.note } : {}) })),
    }
  }

  receipt(row: DossierRow): DossierReceipt {
    return JSON.parse(row.receipt) as DossierReceipt
  }

  /** The caller's dossiers changed after `cursor`, oldest change first, at most `limit` (+1 to tell whether more). */
  changedSince(userId: number, cursor: number, limit: number): DossierRow[] {
    return this.db
      .select()
      .from(dossiers)
      .where(and(eq(dossiers.userId, userId), gt(dossiers.seq, cursor)))
      .orderBy(asc(dossiers.seq))
      .limit(limit)
      .all()
  }
}
