/**
 * Appends to the audit log and reads it back for verification. `record` is the one way to
 * write an entry: sign-ins, failures, locks, role changes, session revocations, and (later)
 * every officer read or change of a dossier. Each entry also goes to stdout through pino, so
 * the log shipped centrally has it too.
 *
 * @example audit.record({ actor: session.sub, action: 'dossier.read', target: dossierId })
 */
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import { entryHash, GENESIS, verifyChain, type AuditEntry, type Json, type VerifyResult } from './chain.ts'

export interface AuditInput {
  actor?: string | null
  /** Dotted, stable: 'auth.sign-in', 'auth.sign-in-failed', 'account.locked', 'role.granted'… */
  action: string
  target?: string | null
  details?: { [key: string]: Json }
}

export class AuditLog {
  /** Prepared once: `append` is on the intake path. */
  readonly #s

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.#s = {
      last: db.$client.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: db.$client.prepare('INSERT INTO audit_log (seq, at, actor, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    }
  }

  /** Appends one entry (in an immediate transaction: the chain has one writer at a time). */
  record(input: AuditInput): AuditEntry {
    const entry = this.db.$client.transaction(() => this.append(input)).immediate()
    this.logged(entry)
    return entry
  }

  /**
   * Appends one entry inside the caller's transaction, which must be open and hold the write
   * lock (an immediate transaction): the last hash is read there, so the chain stays whole, and
   * the entry commits or rolls back with the caller's writes. Call `logged` after the commit.
   */
  append(input: AuditInput): AuditEntry {
    if (!this.db.$client.inTransaction) throw new Error('AuditLog.append outside a transaction')
    const last = this.#s.last.get() as { seq: number; hash: string } | undefined
    const partial = {
      seq: (last?.seq ?? 0) + 1,
      at: this.clock.now().toISOString(),
      actor: input.actor ?? null,
      action: input.action,
      target: input.target ?? null,
      details: input.details ?? {},
      prevHash: last?.hash ?? GENESIS,
    }
    const full: AuditEntry = { ...partial, hash: entryHash(partial) }
    this.#s.insert.run(full.seq, full.at, full.actor, full.action, full.target, JSON.stringify(full.details), full.prevHash, full.hash)
    return full
  }

  /** The entry's line on stdout (shipped centrally), once it is committed. */
  logged(entry: AuditEntry): void {
    this.logger.info({ audit: { seq: entry.seq, actor: entry.actor, action: entry.action, target: entry.target, details: entry.details } }, 'audit')
  }

  /** Every entry in order, read lazily (the log can be long). */
  *entries(): Generator<AuditEntry> {
    const rows = this.db.$client
      .prepare('SELECT seq, at, actor, action, target, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq')
      .iterate() as IterableIterator<Omit<AuditEntry, 'details'> & { details: string }>
    for (const row of rows) yield { ...row, details: JSON.parse(row.details) as AuditEntry['details'] }
  }

  verify(): VerifyResult {
    return verifyChain(this.entries())
  }
}
