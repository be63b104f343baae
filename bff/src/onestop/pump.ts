/**
 * Pushes the embedded one-stop-shop's status events to the portal's inbound (StatusInbound),
 * the outbox way: each event was committed with the state it describes (life.ts), and stays
 * pending (`pushed_at` null) until the inbound has answered. `drain()` runs after each commit and
 * at start, so an event committed just before a crash is pushed when the BFF starts again.
 *
 * Order: per dossier by sequence number; a dossier whose push failed (the inbound threw) is
 * skipped for the rest of the pass, so its later events never overtake it, and the pass is
 * retried after a backoff (1 s doubling to 60 s). The inbound's answers:
 * - applied, duplicate (already applied once), waiting (kept by the inbound until its gap is
 *   filled): done;
 * - refused: the portal's copy and this system disagree. It is logged as an error and not
 *   pushed again (the inbound refuses an illegal event for good; pushing it again changes nothing).
 */
import type { StatusInbound } from '../relay/contract.ts'
import type { Clock } from '../clock.ts'
import type { Logger } from '../log.ts'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import type { OneStopRepository } from './repository.ts'

const PAGE = 200
const FIRST_RETRY_MS = 1_000
const LAST_RETRY_MS = 60_000

export class EventPump {
  #draining = false
  #again = false
  #retry: NodeJS.Timeout | undefined
  #delay = FIRST_RETRY_MS
  #stopped = false

  constructor(
    private readonly repository: OneStopRepository,
    private readonly inbound: StatusInbound,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Pushes every pending event it can now; returns how many the inbound took. */
  drain(): number {
    if (this.#draining) {
      // Called from inside a push (a listener acting again): the running pass picks it up.
      this.#again = true
      return 0
    }
    this.#draining = true
    let pushed = 0
    let failed = false
    try {
      do {
        this.#again = false
        const blocked = new Set<string>()
        let after = { dossierId: '', seq: 0 }
        for (let page = this.repository.pendingAfter(after, PAGE); page.length > 0; page = this.repository.pendingAfter(after, PAGE)) {
          for (const row of page) {
            after = row
            if (blocked.has(row.dossierId)) continue
            if (this.#push(row)) pushed++
            else {
              blocked.add(row.dossierId)
              failed = true
            }
          }
        }
      } while (this.#again)
    } finally {
      this.#draining = false
    }
    if (failed) this.#scheduleRetry()
    else this.#delay = FIRST_RETRY_MS
    return pushed
  }

  /** Stops retrying (on shutdown); pending events stay for the next start. */
  stop(): void {
    this.#stopped = true
    clearTimeout(this.#retry)
    this.#retry = undefined
  }

  #push(row: { dossierId: string; seq: number; event: string; actor: string | null }): boolean {
    const event = JSON.parse(row.event) as LifeEvent
    let outcome
    try {
      outcome = this.inbound.accept({ dossierId: row.dossierId, seq: row.seq, event, ...(row.actor ? { actor: row.actor } : {}) })
    } catch (error) {
      this.logger.warn({ err: error, dossier: row.dossierId, seq: row.seq }, 'status event not taken by the inbound: retried later')
      return false
    }
    const label = outcome.outcome === 'refused' ? `refused:${outcome.code}` : outcome.outcome
    if (outcome.outcome === 'refused') {
      this.logger.error({ dossier: row.dossierId, seq: row.seq, event: event.type, code: outcome.code, reason: outcome.message }, 'status event refused by the portal')
    }
    this.repository.markPushed(row.dossierId, row.seq, this.clock.now().toISOString(), label)
    return true
  }

  #scheduleRetry(): void {
    if (this.#stopped || this.#retry) return
    const delay = this.#delay
    this.#delay = Math.min(this.#delay * 2, LAST_RETRY_MS)
    this.#retry = setTimeout(() => {
      this.#retry = undefined
      try {
        this.drain()
      } catch (error) {
        // The database itself failed (or was closed at shutdown): the events stay for the next start.
        this.logger.error({ err: error }, 'pushing status events failed')
      }
    }, delay)
    this.#retry.unref()
  }
}
