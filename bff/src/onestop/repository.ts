/**
 * The embedded one-stop-shop's tables (table.ts) through statements prepared once. Writes are
 * meant to run inside the caller's transaction (life.ts, connector.ts): each method is one
 * statement, and whatever must hold together is put together there.
 */
import type { DossierSubmission } from '@portal/shared/dossiers/schema'
import type { DossierLifeState } from '@portal/shared/lifecycle/types'
import type { Db } from '../db/open.ts'
import { onestopDossiers, onestopFiles } from './table.ts'

export type OneStopRow = typeof onestopDossiers.$inferSelect
export type OneStopFile = Omit<typeof onestopFiles.$inferSelect, 'dossierId'>

export interface EventRow {
  dossierId: string
  seq: number
  event: string
  actor: string | null
  actorSub: string | null
}

/** What the applicant sent to answer supplement request number `request` (from 0). */
type SubmittedComponent = DossierSubmission['components'][number]

export interface SuppliedRow {
  request: number
  components: SubmittedComponent[]
  form?: Record<string, unknown>
  note?: string
}

/** Who caused each event (by sequence number); what each answered supplement request brought (by its number). */
export interface Recorded {
  actors: Map<number, string | null>
  supplied: Map<number, SuppliedRow>
}

/** What was answered to a relay message, stored with its key. */
export type StoredAnswer = { ok: true; ack: { externalCode?: string } } | { ok: false; code: string; message: string }

/** The columns of `onestop_dossiers` under the names of OneStopRow. */
export const ONESTOP_ROW = `id, code, procedure_code AS procedureCode, procedure_name AS procedureName, agency_code AS agencyCode,
  applicant_name AS applicantName, status, unit, registered_at AS registeredAt, registered_ms AS registeredMs, rank,
  due_ms AS dueMs, state, submission, receipt, next_seq AS nextSeq, updated_at AS updatedAt`

export class OneStopRepository {
  readonly #s

  constructor(readonly db: Db) {
    const c = db.$client
    this.#s = {
      find: c.prepare(`SELECT ${ONESTOP_ROW} FROM onestop_dossiers WHERE id = ?`),
      insert: c.prepare(
        `INSERT INTO onestop_dossiers (id, code, procedure_code, procedure_name, agency_code, applicant_name, status, unit, registered_at,
           registered_ms, rank, due_ms, state, submission, receipt, next_seq, updated_at)
         VALUES (@id, @code, @procedureCode, @procedureName, @agencyCode, @applicantName, @status, @unit, @registeredAt,
           @registeredMs, @rank, @dueMs, @state, @submission, @receipt, @nextSeq, @updatedAt)`,
      ),
      update: c.prepare(
        `UPDATE onestop_dossiers SET status = @status, unit = @unit, rank = @rank, due_ms = @dueMs, state = @state,
           next_seq = @nextSeq, updated_at = @updatedAt WHERE id = @id`,
      ),
      event: c.prepare('INSERT INTO onestop_events (dossier_id, seq, event, actor, actor_sub, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      actors: c.prepare('SELECT seq, actor FROM onestop_events WHERE dossier_id = ? ORDER BY seq'),
      file: c.prepare('INSERT OR IGNORE INTO onestop_files (dossier_id, sha256, type, name, size, role) VALUES (?, ?, ?, ?, ?, ?)'),
      findFile: c.prepare('SELECT sha256, type, name, size, role FROM onestop_files WHERE dossier_id = ? AND sha256 = ?'),
      supplement: c.prepare(
        'INSERT INTO onestop_supplements (dossier_id, request, components, form, note, message_key, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      supplements: c.prepare('SELECT request, components, form, note FROM onestop_supplements WHERE dossier_id = ? ORDER BY request'),
      message: c.prepare('SELECT answer FROM onestop_messages WHERE key = ?').pluck(),
      remember: c.prepare('INSERT INTO onestop_messages (key, dossier_id, kind, answer, received_at) VALUES (?, ?, ?, ?, ?)'),
      pending: c.prepare(
        `SELECT dossier_id AS dossierId, seq, event, actor, actor_sub AS actorSub FROM onestop_events
         WHERE pushed_at IS NULL AND (dossier_id, seq) > (?, ?) ORDER BY dossier_id, seq LIMIT ?`,
      ),
      pushed: c.prepare('UPDATE onestop_events SET pushed_at = ?, outcome = ? WHERE dossier_id = ? AND seq = ?'),
    }
  }

  find(id: string): OneStopRow | undefined {
    return this.#s.find.get(id) as OneStopRow | undefined
  }

  insert(row: OneStopRow): void {
    this.#s.insert.run(row)
  }

  update(row: Pick<OneStopRow, 'id' | 'status' | 'unit' | 'rank' | 'dueMs' | 'state' | 'nextSeq' | 'updatedAt'>): void {
    this.#s.update.run(row)
  }

  addEvent(e: EventRow & { createdAt: string }): void {
    this.#s.event.run(e.dossierId, e.seq, e.event, e.actor, e.actorSub, e.createdAt)
  }

  /** Who caused each event of a dossier, by sequence number. */
  actors(id: string): Map<number, string | null> {
    const rows = this.#s.actors.all(id) as { seq: number; actor: string | null }[]
    return new Map(rows.map((r) => [r.seq, r.actor]))
  }

  /** What the dossier page reads beside the row: who caused each event, what each supplement brought. */
  recorded(id: string): Recorded {
    return { actors: this.actors(id), supplied: this.supplements(id) }
  }

  addFile(dossierId: string, f: OneStopFile): void {
    this.#s.file.run(dossierId, f.sha256, f.type, f.name, f.size, f.role)
  }

  file(dossierId: string, sha256: string): OneStopFile | undefined {
    return this.#s.findFile.get(dossierId, sha256) as OneStopFile | undefined
  }

  addSupplement(dossierId: string, s: SuppliedRow, messageKey: string, at: string): void {
    this.#s.supplement.run(dossierId, s.request, JSON.stringify(s.components), s.form ? JSON.stringify(s.form) : null, s.note ?? null, messageKey, at)
  }

  /** What each answered supplement request brought, by request number. */
  supplements(dossierId: string): Map<number, SuppliedRow> {
    const rows = this.#s.supplements.all(dossierId) as { request: number; components: string; form: string | null; note: string | null }[]
    return new Map(
      rows.map((r) => [
        r.request,
        {
          request: r.request,
          components: JSON.parse(r.components) as SubmittedComponent[],
          ...(r.form ? { form: JSON.parse(r.form) as Record<string, unknown> } : {}),
          ...(r.note ? { note: r.note } : {}),
        },
      ]),
    )
  }

  answerTo(key: string): StoredAnswer | undefined {
    const answer = this.#s.message.get(key) as string | undefined
    return answer === undefined ? undefined : (JSON.parse(answer) as StoredAnswer)
  }

  remember(key: string, dossierId: string, kind: string, answer: StoredAnswer, at: string): void {
    this.#s.remember.run(key, dossierId, kind, JSON.stringify(answer), at)
  }

  /** Events not yet pushed after `after` (by dossier id, then sequence number): in order per dossier. */
  pendingAfter(after: { dossierId: string; seq: number }, limit: number): EventRow[] {
    return this.#s.pending.all(after.dossierId, after.seq, limit) as EventRow[]
  }

  markPushed(dossierId: string, seq: number, at: string, outcome: string): void {
    this.#s.pushed.run(at, outcome, dossierId, seq)
  }

  static state(row: OneStopRow): DossierLifeState {
    return JSON.parse(row.state) as DossierLifeState
  }
}
