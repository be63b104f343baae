/**
 * The one inbound handler: status events from the one-stop-shop, whichever connector brought
 * them (the embedded module's pump, the HTTP connector's callback route), applied to the
 * portal's mirror of each dossier (`dossiers.status`, `life`, `last_event_seq`; dossier_history).
 *
 * Algorithm, per dossier, in one immediate transaction per `accept`:
 * - `seq` ≤ the last applied: a duplicate (a retried callback, a replay within the signature's
 *   window): ignored, nothing written.
 * - `seq` = last + 1: applied with the shared state machine (`transition`) on the mirror; then
 *   every kept event that now follows (last + 1, last + 2…) is applied in turn and deleted.
 * - `seq` > last + 1: early; kept in `relay_inbound_pending` ("waiting"), applied when the gap is
 *   filled. The same early event again is a duplicate. At most MAX_AHEAD ahead (a sender that
 *   lost its count is refused rather than filling the table).
 * - An event the machine refuses even in order, or for an unknown dossier: refused, logged as an
 *   error and audited (`relay.event-refused`), nothing changed. The sequence does NOT advance:
 *   the mirror never skips a step, so the events after it keep waiting until the one-stop-shop
 *   sends a legal event under that number. A kept event refused when its turn comes is dropped
 *   (logged and audited likewise) and the drain stops there.
 * Each applied event writes the new status and life, takes the next change sequence (the
 * applicant's app pulls the change by cursor), sets `updated_at` to the event's time, keeps the
 * one-stop-shop's code when the event carries one, appends a history row (status, event,
 * unit, note, actor), and for a returnResult that describes its file (a province's), records
 * the file's facts in relay_result_files for the fetch that follows. After the COMMIT the
 * listeners (`onApplied`: notices, slips, the result fetch) hear each applied change in order;
 * a listener that throws or rejects is logged and changes nothing.
 *
 * `accept` runs its own transaction: call it outside one, so listeners hear committed changes.
 */
import { HOLIDAYS_2025_2027, type HolidayTable } from '@portal/shared/lifecycle/holidays'
import { registered, transition } from '@portal/shared/lifecycle/machine'
import type { DossierLifeState } from '@portal/shared/lifecycle/types'
import type { DossierStatus } from '@portal/shared/dossiers/schema'
import type { AuditEntry } from '../audit/chain.ts'
import type { AuditLog } from '../audit/log.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import type { AppliedChange, AppliedChangeListener, AppliedChanges, InboundOutcome, StatusEvent, StatusInbound } from './contract.ts'
import { nextChangeSeq } from './sequence.ts'

/** How far ahead of the last applied event an early one may be kept. */
export const MAX_AHEAD = 1000

export interface InboundDeps {
  db: Db
  clock: Clock
  logger: Logger
  audit: AuditLog
  /** The holiday table in force (administrators edit it); default: the seeded 2025–2027 table. */
  holidays?: () => HolidayTable
}

interface MirrorRow {
  id: string
  userId: number
  code: string
  agencyCode: string
  procedureCode: string
  submittedAt: string
  life: string | null
  lastEventSeq: number
}

type Refusal = Extract<InboundOutcome, { outcome: 'refused' }>

interface Accepted {
  outcome: InboundOutcome
  applied: AppliedChange[]
  audits: AuditEntry[]
  refusals: { event: StatusEvent; refusal: Refusal }[]
}

const refusal = (code: string, message: string): Refusal => ({ outcome: 'refused', code, message })

export class RelayInbound implements StatusInbound, AppliedChanges {
  readonly #listeners = new Set<AppliedChangeListener>()
  #holidays: () => HolidayTable
  readonly #s

  constructor(private readonly deps: InboundDeps) {
    this.#holidays = deps.holidays ?? (() => HOLIDAYS_2025_2027)
    const c = deps.db.$client
    this.#s = {
      dossier: c.prepare(
        `SELECT id, user_id AS userId, code, agency_code AS agencyCode, procedure_code AS procedureCode, submitted_at AS submittedAt,
           life, last_event_seq AS lastEventSeq FROM dossiers WHERE id = ?`,
      ),
      keep: c.prepare('INSERT OR IGNORE INTO relay_inbound_pending (dossier_id, seq, event, received_at) VALUES (?, ?, ?, ?)'),
      kept: c.prepare('SELECT event FROM relay_inbound_pending WHERE dossier_id = ? AND seq = ?'),
      drop: c.prepare('DELETE FROM relay_inbound_pending WHERE dossier_id = ? AND seq = ?'),
      update: c.prepare(
        'UPDATE dossiers SET status = ?, life = ?, last_event_seq = ?, seq = ?, updated_at = ?, external_code = coalesce(?, external_code) WHERE id = ?',
      ),
      history: c.prepare('INSERT INTO dossier_history (dossier_id, status, at, note, event, actor, unit) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      resultFile: c.prepare('INSERT OR IGNORE INTO relay_result_files (dossier_id, sha256, name, type, size) VALUES (?, ?, ?, ?, ?)'),
    }
  }

  /** The table administrators edit (calendar feature), once the app has it. */
  useHolidays(provider: () => HolidayTable): void {
    this.#holidays = provider
  }

  /** @example const off = inbound.onApplied((change) => notices.tell(change)) */
  onApplied(listener: AppliedChangeListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  accept(event: StatusEvent): InboundOutcome {
    const { db, audit, logger } = this.deps
    const result = db.$client.transaction(() => this.#accept(event)).immediate()
    for (const entry of result.audits) audit.logged(entry)
    for (const { event: refused, refusal } of result.refusals) {
      logger.error({ dossier: refused.dossierId, seq: refused.seq, event: refused.event.type, code: refusal.code, reason: refusal.message }, 'status event refused')
    }
    if (result.outcome.outcome === 'waiting') {
      logger.info({ dossier: event.dossierId, seq: event.seq, expected: result.outcome.expected }, 'status event early: kept until the ones before it arrive')
    }
    for (const change of result.applied) this.#tell(change)
    return result.outcome
  }

  #accept(event: StatusEvent): Accepted {
    const done: Accepted = { outcome: { outcome: 'duplicate' }, applied: [], audits: [], refusals: [] }
    const row = this.#s.dossier.get(event.dossierId) as MirrorRow | undefined
    if (!row) return this.#refuse(done, event, refusal('unknown-dossier', 'Không có hồ sơ này.'))
    const expected = row.lastEventSeq + 1
    if (event.seq < expected) return done
    if (event.seq > expected) {
      if (event.seq - expected > MAX_AHEAD) {
        return this.#refuse(done, event, refusal('sequence-too-far', `Số thứ tự ${event.seq} vượt quá ${MAX_AHEAD} bước so với bước đang chờ (${expected}).`))
      }
      const kept = this.#s.keep.run(event.dossierId, event.seq, JSON.stringify(event), this.deps.clock.now().toISOString()).changes === 1
      return kept ? { ...done, outcome: { outcome: 'waiting', expected } } : done
    }
    const first = this.#apply(row, event)
    if ('outcome' in first) return this.#refuse(done, event, first)
    done.applied.push(first)
    done.outcome = { outcome: 'applied', status: first.to }
    for (;;) {
      const next = this.#s.kept.get(row.id, row.lastEventSeq + 1) as { event: string } | undefined
      if (!next) break
      this.#s.drop.run(row.id, row.lastEventSeq + 1)
      const kept = JSON.parse(next.event) as StatusEvent
      const step = this.#apply(row, kept)
      if ('outcome' in step) {
        this.#refuse(done, kept, step)
        break
      }
      done.applied.push(step)
    }
    return done
  }

  #refuse(done: Accepted, event: StatusEvent, why: Refusal): Accepted {
    done.audits.push(
      this.deps.audit.append({
        actor: event.actor ?? null,
        action: 'relay.event-refused',
        target: event.dossierId,
        details: { seq: event.seq, event: event.event.type, code: why.code },
      }),
    )
    done.refusals.push({ event, refusal: why })
    // The caller's event was applied when a kept one is refused after it: its outcome stands.
    if (done.applied.length === 0) done.outcome = why
    return done
  }

  /** Applies one in-order event to the mirror (mutating `row`), or says why not. */
  #apply(row: MirrorRow, event: StatusEvent): AppliedChange | Refusal {
    const life: DossierLifeState = row.life ? (JSON.parse(row.life) as DossierLifeState) : registered(row.submittedAt)
    let result
    try {
      result = transition(life, event.event, { table: this.#holidays() })
    } catch (error) {
      return refusal('invalid-event', `Sự kiện không hợp lệ: ${(error as Error).message}`)
    }
    if (!result.ok) return refusal(result.code, result.message.vi)
    const { state, effects } = result
    const step = state.history.at(-1)!
    const stored = JSON.stringify(state)
    this.#s.update.run(state.status, stored, event.seq, nextChangeSeq(this.deps.db), event.event.at, event.externalCode ?? null, row.id)
    this.#s.history.run(row.id, state.status, event.event.at, step.note ?? null, event.event.type, event.actor ?? null, step.unit ?? null)
    if (event.event.type === 'returnResult' && event.result) {
      const { name, type, size } = event.result
      this.#s.resultFile.run(row.id, event.event.resultFile, name, type, size)
    }
    row.life = stored
    row.lastEventSeq = event.seq
    for (const effect of effects) {
      if (effect.kind === 'due-date-uncertain') this.deps.logger.warn({ dossier: row.id, ...effect }, 'due date counted past the holiday table or on unconfirmed days')
    }
    return {
      dossierId: row.id,
      dossierCode: row.code,
      userId: row.userId,
      agencyCode: row.agencyCode,
      procedureCode: row.procedureCode,
      from: life.status,
      to: state.status as DossierStatus,
      event: event.event,
      effects,
      state,
    }
  }

  #tell(change: AppliedChange): void {
    const failed = (error: unknown) =>
      this.deps.logger.error({ err: error, dossier: change.dossierId, event: change.event.type }, 'a listener of applied status changes failed (the change stands)')
    for (const listener of this.#listeners) {
      try {
        const pending = listener(change)
        if (pending) pending.catch(failed)
      } catch (error) {
        failed(error)
      }
    }
  }
}
