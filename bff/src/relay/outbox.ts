/**
 * The relay outbox in SQLite (`relay_outbox`, dossiers/table.ts): what the worker reads and
 * writes. The delivery state lives in the row, so a restart (even after SIGKILL) resumes from it.
 *
 * - A message is due when it is neither delivered nor parked, its backoff has passed, and it is
 *   the HEAD of its dossier: no earlier message of the same dossier is still undelivered (parked
 *   ones included: a parked head holds its dossier's later messages back, in order).
 * - Its idempotency key is `<dossier id>:<outbox id>`: fixed when the row was inserted, so every
 *   attempt of the message, before or after a restart, carries the same key. A parked message
 *   that an administrator sends again gets `:<n>` appended (n-th resend): the province answered
 *   the old key with a refusal and, being idempotent, would answer it so again.
 * - An acknowledgement with the one-stop-shop's own code stores it on the dossier and takes the
 *   next change sequence, so the applicant's app pulls it (GET /api/dossiers/changes).
 *
 * Writes go through the connection's write queue (group commit, db/write-queue.ts): many
 * acknowledgements share one fsync.
 */
import type { DossierReceipt, DossierSubmission } from '@portal/shared/dossiers/schema'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { vietnamIso } from '../dossiers/codes.ts'
import { writeQueueOf, type WriteQueue } from '../db/write-queue.ts'
import type { DeliveryAck, RelayMessage, RelayMessageKind, SubmittedPayload } from './contract.ts'
import { nextChangeSeq } from './sequence.ts'

export interface OutboxRow {
  id: number
  dossierId: string
  kind: RelayMessageKind
  payload: string | null
  attempts: number
  createdAt: string
  resends: number
}

/** How an operator sees a message (GET /api/relay/messages). */
export interface OutboxEntry extends Omit<OutboxRow, 'payload'> {
  key: string
  dossierCode: string
  nextAttemptAt: string | null
  deliveredAt: string | null
  parkedAt: string | null
  lastError: string | null
}

export const messageKey = (row: Pick<OutboxRow, 'id' | 'dossierId' | 'resends'>) => `${row.dossierId}:${row.id}${row.resends > 0 ? `:${row.resends}` : ''}`

const PENDING = 'o.delivered_at IS NULL AND o.parked_at IS NULL'
/** No earlier message of the dossier is undelivered (relay_outbox_dossier covers it: dossier_id, then rowid). */
const HEAD = 'NOT EXISTS (SELECT 1 FROM relay_outbox p WHERE p.dossier_id = o.dossier_id AND p.id < o.id AND p.delivered_at IS NULL)'
const NOT_BUSY = 'o.dossier_id NOT IN (SELECT value FROM json_each(?))'

export class RelayOutbox {
  readonly #s
  readonly #writes: WriteQueue

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    const c = db.$client
    this.#writes = writeQueueOf(c)
    this.#s = {
      due: c.prepare(
        `SELECT o.id, o.dossier_id AS dossierId, o.message AS kind, o.payload, o.attempts, o.created_at AS createdAt, o.resends
         FROM relay_outbox o WHERE ${PENDING} AND o.next_attempt_at <= ? AND ${HEAD} AND ${NOT_BUSY}
         ORDER BY o.next_attempt_at, o.id LIMIT ?`,
      ),
      nextDue: c.prepare(`SELECT min(o.next_attempt_at) AS at FROM relay_outbox o WHERE ${PENDING} AND ${HEAD} AND ${NOT_BUSY}`),
      dossier: c.prepare('SELECT submission, receipt FROM dossiers WHERE id = ?'),
      delivered: c.prepare('UPDATE relay_outbox SET delivered_at = ?, last_error = NULL WHERE id = ? AND delivered_at IS NULL'),
      externalCode: c.prepare('SELECT external_code AS externalCode FROM dossiers WHERE id = ?'),
      setExternalCode: c.prepare('UPDATE dossiers SET external_code = ?, seq = ?, updated_at = ? WHERE id = ?'),
      failed: c.prepare('UPDATE relay_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?'),
      parked: c.prepare('UPDATE relay_outbox SET attempts = attempts + 1, parked_at = ?, last_error = ? WHERE id = ?'),
      retry: c.prepare('UPDATE relay_outbox SET parked_at = NULL, next_attempt_at = 0, attempts = 0, resends = resends + 1 WHERE id = ? AND parked_at IS NOT NULL AND delivered_at IS NULL'),
      list: c.prepare(
        `SELECT o.id, o.dossier_id AS dossierId, d.code AS dossierCode, o.message AS kind, o.attempts, o.created_at AS createdAt, o.resends,
           o.next_attempt_at AS nextAttemptMs, o.delivered_at AS deliveredAt, o.parked_at AS parkedAt, o.last_error AS lastError
         FROM relay_outbox o JOIN dossiers d ON d.id = o.dossier_id
         WHERE (? = 'parked' AND o.parked_at IS NOT NULL AND o.delivered_at IS NULL) OR (? = 'pending' AND ${PENDING})
         ORDER BY o.id LIMIT ?`,
      ),
    }
  }

  /** Heads due at `nowMs`, of dossiers not in `busy` (being delivered now), oldest due first. */
  due(nowMs: number, busy: readonly string[], limit: number): OutboxRow[] {
    return this.#s.due.all(nowMs, JSON.stringify(busy), limit) as OutboxRow[]
  }

  /** Epoch ms of the next head to try (maybe already past), or undefined when nothing waits. */
  nextDue(busy: readonly string[]): number | undefined {
    const { at } = this.#s.nextDue.get(JSON.stringify(busy)) as { at: number | null }
    return at ?? undefined
  }

  /** The message as the connector receives it. */
  message(row: OutboxRow): RelayMessage {
    return { key: messageKey(row), dossierId: row.dossierId, kind: row.kind, payload: this.#payload(row) }
  }

  #payload(row: OutboxRow): unknown {
    if (row.payload !== null) return JSON.parse(row.payload) as unknown
    if (row.kind !== 'submitted') return null
    const dossier = this.#s.dossier.get(row.dossierId) as { submission: string; receipt: string }
    return { receipt: JSON.parse(dossier.receipt) as DossierReceipt, submission: JSON.parse(dossier.submission) as DossierSubmission } satisfies SubmittedPayload
  }

  /** Marks the message delivered and keeps the one-stop-shop's code; resolves once committed. */
  delivered(row: OutboxRow, ack: DeliveryAck): Promise<void> {
    return this.#writes.enqueue(() => {
      const now = this.clock.now()
      this.#s.delivered.run(now.toISOString(), row.id)
      const code = ack.externalCode?.trim()
      if (!code) return
      const { externalCode } = this.#s.externalCode.get(row.dossierId) as { externalCode: string | null }
      if (externalCode !== code) this.#s.setExternalCode.run(code, nextChangeSeq(this.db), vietnamIso(now), row.dossierId)
    })
  }

  /** Counts a failed attempt and sets when to try again. */
  failed(row: OutboxRow, error: string, nextAttemptMs: number): Promise<void> {
    return this.#writes.enqueue(() => void this.#s.failed.run(nextAttemptMs, error.slice(0, 2000), row.id))
  }

  /** The one-stop-shop refused it for good: it waits for an operator (and holds its dossier's later messages). */
  parked(row: OutboxRow, error: string): Promise<void> {
    return this.#writes.enqueue(() => void this.#s.parked.run(this.clock.now().toISOString(), error.slice(0, 2000), row.id))
  }

  /** An operator sends a parked message again (after the cause was fixed); false if it was not parked. */
  retry(id: number): Promise<boolean> {
    return this.#writes.enqueue(() => this.#s.retry.run(id).changes === 1)
  }

  list(state: 'pending' | 'parked', limit: number): OutboxEntry[] {
    const rows = this.#s.list.all(state, state, limit) as (Omit<OutboxEntry, 'key' | 'nextAttemptAt'> & { nextAttemptMs: number })[]
    return rows.map(({ nextAttemptMs, ...row }) => ({
      ...row,
      key: messageKey(row),
      nextAttemptAt: nextAttemptMs > 0 && row.parkedAt === null ? new Date(nextAttemptMs).toISOString() : null,
    }))
  }
}
