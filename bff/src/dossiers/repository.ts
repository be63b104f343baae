/**
 * Dossiers in SQLite (table.ts). `register` is the intake transaction: everything a received
 * dossier is, or nothing. The database runs with synchronous=FULL (db/open.ts, design decision
 * 12), so when the transaction returns the dossier survives a power cut; the 201 is sent after.
 */
import type { DossierReceipt, DossierSubmission } from '@portal/shared/dossiers/schema'
import type { AuditEntry, Json } from '../audit/chain.ts'
import type { AuditLog } from '../audit/log.ts'
import type { Db } from '../db/open.ts'
import { writeQueueOf, type WriteQueue } from '../db/write-queue.ts'
import { dossierCode } from './codes.ts'
import type { dossiers } from './table.ts'

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

/** The columns of `dossiers` under the names of DossierRow. */
const ROW = `id, user_id AS userId, code, procedure_code AS procedureCode, agency_code AS agencyCode, status, external_code AS externalCode,
  submission_hash AS submissionHash, submission, receipt, submitted_at AS submittedAt, updated_at AS updatedAt, seq, life, last_event_seq AS lastEventSeq`

export class DossierRepository {
  /**
   * The statements of the intake path, prepared once (raw better-sqlite3: drizzle's query
   * builder rebuilt and re-prepared each statement per call, ~11 % of an intake's CPU).
   */
  readonly #s
  private readonly writes: WriteQueue

  constructor(
    db: Db,
    private readonly audit: AuditLog,
  ) {
    const c = db.$client
    this.writes = writeQueueOf(c)
    this.#s = {
      find: c.prepare(`SELECT ${ROW} FROM dossiers WHERE id = ?`),
      changed: c.prepare(`SELECT ${ROW} FROM dossiers WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?`),
      counter: c.prepare(
        'INSERT INTO dossier_code_counters (agency_code, day, last) VALUES (?, ?, 1) ON CONFLICT (agency_code, day) DO UPDATE SET last = last + 1 RETURNING last',
      ),
      sequence: c.prepare('INSERT INTO dossier_sequence (id, seq) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET seq = seq + 1 RETURNING seq'),
      dossier: c.prepare(
        `INSERT INTO dossiers (id, user_id, code, procedure_code, agency_code, status, submission_hash, submission, receipt, submitted_at, updated_at, seq)
         VALUES (?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?, ?, ?)`,
      ),
      file: c.prepare('INSERT INTO dossier_files (dossier_id, component_id, position, sha256, size, type, name) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      history: c.prepare("INSERT INTO dossier_history (dossier_id, status, at) VALUES (?, 'registered', ?)"),
      relay: c.prepare("INSERT INTO relay_outbox (dossier_id, message, created_at) VALUES (?, 'submitted', ?)"),
    }
  }

  find(id: string): DossierRow | undefined {
    return this.#s.find.get(id) as DossierRow | undefined
  }

  /**
   * The intake transaction: the code's number from the agency's counter of the day, the next
   * change sequence, the dossier with its files, its first history entry and its relay outbox
   * row, and the audit entry `dossier.submitted` (its hash chained on the last entry, read in
   * the same transaction): one commit, so no dossier is ever stored without its audit entry.
   * If the id exists already (a concurrent replay, possibly earlier in the same batch), nothing
   * is written and that row is returned.
   *
   * Group commit (db/write-queue.ts): the writes join the next batch transaction, in a savepoint
   * of their own; the promise resolves once that transaction is committed (durable).
   */
  register(r: Registration): Promise<RegisterResult> {
    return this.writes.enqueue(() => this.write(r))
  }

  /** The writes of `register`, inside the caller's transaction (or savepoint). */
  write(r: Registration): RegisterResult {
    const s = this.#s
    const existing = this.find(r.id)
    if (existing) return { created: false, row: existing }
    const { last } = s.counter.get(r.agencyCode, r.day) as { last: number }
    const { seq } = s.sequence.get() as { seq: number }
    const code = dossierCode(r.agencyCode, r.day, last)
    const receipt: DossierReceipt = { ...r.receipt, code }
    const at = receipt.receivedAt
    const row: DossierRow = {
      id: r.id,
      userId: r.userId,
      code,
      procedureCode: r.submission.procedureCode,
      agencyCode: r.agencyCode,
      status: 'registered',
      externalCode: null,
      submissionHash: r.submissionHash,
      submission: JSON.stringify(r.submission),
      receipt: JSON.stringify(receipt),
      submittedAt: at,
      updatedAt: at,
      seq,
      life: null,
      lastEventSeq: 0,
    }
    s.dossier.run(row.id, row.userId, code, row.procedureCode, row.agencyCode, row.submissionHash, row.submission, row.receipt, at, at, seq)
    let files = 0
    for (const c of r.submission.components) {
      c.files.forEach((f, position) => s.file.run(r.id, c.componentId, position, f.sha256, f.size, f.type, f.name))
      files += c.files.length
    }
    s.history.run(r.id, at)
    // Delivered to the one-stop-shop by the relay worker (next issue), with retries and the
    // dossier id as idempotency key; committing here makes "received" and "to be relayed" one fact.
    s.relay.run(r.id, r.at.toISOString())
    const audit = this.audit.append({
      actor: r.actor,
      action: 'dossier.submitted',
      target: r.id,
      details: { code, procedure: r.submission.procedureCode, agency: r.agencyCode, files } satisfies Record<string, Json>,
    })
    return { created: true, row, number: last, audit }
  }

  receipt(row: DossierRow): DossierReceipt {
    return JSON.parse(row.receipt) as DossierReceipt
  }

  /** The caller's dossiers changed after `cursor`, oldest change first, at most `limit` (+1 to tell whether more). */
  changedSince(userId: number, cursor: number, limit: number): DossierRow[] {
    return this.#s.changed.all(userId, cursor, limit) as DossierRow[]
  }
}
