/**
 * The relay worker: hands the outbox's messages to the connector until each is acknowledged.
 *
 * Algorithm. A pass (`tick`) asks the outbox for due heads (outbox.ts: the oldest undelivered
 * message of each dossier whose backoff has passed) of dossiers not being delivered right now,
 * as many as free slots (`concurrency`), and starts one delivery for each. So one dossier has at
 * most one message in flight and its next one is not even read before the first is
 * acknowledged: a later message never overtakes an earlier one; different dossiers go side by
 * side, and one that fails waits out its own backoff without holding the others.
 * A delivery ends in one of three writes: acknowledged (delivered, the one-stop-shop's code kept
 * on the dossier); a retryable failure (network, 5xx, timeout: attempts + 1 and the next attempt
 * after `retryDelay`, backoff.ts); a PermanentDeliveryError (parked: logged as an error, listed
 * for administrators, holding back its dossier's later messages until retried).
 * Passes run at start, after each delivery, on `wake()` (app.ts calls it after an intake
 * commits), when the earliest backoff ends, and at least every `idleCheckMs` (a message written
 * by other code without a wake-up).
 *
 * Restart. All state is in the row; a message in flight when the process died was not marked,
 * so it is sent again with the same idempotency key and the one-stop-shop answers it as before.
 * `stop()` aborts deliveries in flight (their rows stay as they were) and waits for them.
 */
import type { Clock } from '../clock.ts'
import type { Logger } from '../log.ts'
import { retryDelay, type Backoff } from './backoff.ts'
import { PermanentDeliveryError, type OneStopConnector } from './contract.ts'
import type { OutboxRow, RelayOutbox } from './outbox.ts'

export interface WorkerOptions {
  concurrency: number
  /** One delivery (token and message) is aborted after this long and retried later. */
  timeoutMs: number
  backoff: Backoff
  /** Longest sleep between passes. Default 2 s. */
  idleCheckMs?: number
  random?: () => number
}

export interface WorkerDeps {
  outbox: RelayOutbox
  connector: OneStopConnector
  clock: Clock
  logger: Logger
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error))

export class RelayWorker {
  readonly #inFlight = new Map<string, Promise<void>>()
  #running = false
  #stopping = new AbortController()
  #timer: NodeJS.Timeout | undefined
  #timerAt = Infinity
  readonly #idleCheckMs: number

  constructor(
    private readonly deps: WorkerDeps,
    private readonly options: WorkerOptions,
  ) {
    this.#idleCheckMs = options.idleCheckMs ?? 2_000
  }

  get running(): boolean {
    return this.#running
  }

  /** Starts delivering (what is due at once). Calling it again while running does nothing. */
  start(): void {
    if (this.#running) return
    this.#running = true
    this.#stopping = new AbortController()
    this.#schedule(0)
  }

  /** Something new may be due: look now rather than at the next timer. No-op when stopped. */
  wake(): void {
    this.#schedule(0)
  }

  /** Aborts deliveries in flight (their messages stay undelivered) and waits until they have ended. */
  async stop(): Promise<void> {
    this.#running = false
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#timerAt = Infinity
    this.#stopping.abort()
    await Promise.allSettled([...this.#inFlight.values()])
  }

  #schedule(delayMs: number): void {
    if (!this.#running) return
    const at = Date.now() + delayMs
    if (this.#timer && this.#timerAt <= at) return
    clearTimeout(this.#timer)
    this.#timerAt = at
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#timerAt = Infinity
      this.#tick()
    }, delayMs)
    // The HTTP server keeps the process alive; a test's worker must not.
    this.#timer.unref()
  }

  #tick(): void {
    if (!this.#running) return
    const { outbox, clock, logger } = this.deps
    try {
      const free = this.options.concurrency - this.#inFlight.size
      if (free > 0) for (const row of outbox.due(clock.now().getTime(), [...this.#inFlight.keys()], free)) this.#deliver(row)
      // Every slot taken: the end of each delivery starts the next pass.
      if (this.#inFlight.size >= this.options.concurrency) return
      const next = outbox.nextDue([...this.#inFlight.keys()])
      const wait = next === undefined ? this.#idleCheckMs : Math.max(0, next - clock.now().getTime())
      this.#schedule(Math.min(wait, this.#idleCheckMs))
    } catch (error) {
      logger.error({ err: error }, 'relay pass failed: tried again later')
      this.#schedule(this.#idleCheckMs)
    }
  }

  #deliver(row: OutboxRow): void {
    const { outbox, connector, clock, logger } = this.deps
    const signal = AbortSignal.any([this.#stopping.signal, AbortSignal.timeout(this.options.timeoutMs)])
    const stopping = this.#stopping.signal
    const run = async () => {
      const message = outbox.message(row)
      const log = { dossier: row.dossierId, key: message.key, kind: row.kind, attempt: row.attempts + 1, connector: connector.name }
      try {
        const ack = await connector.deliver(message, signal)
        await outbox.delivered(row, ack)
        logger.info({ ...log, externalCode: ack.externalCode }, 'relay message delivered')
      } catch (error) {
        // Stopping: the row stays as it was; the next start sends it again (same key).
        if (stopping.aborted) return
        if (error instanceof PermanentDeliveryError) {
          await outbox.parked(row, error.message)
          logger.error({ ...log, reason: error.message }, 'relay message refused for good: parked until an administrator retries it')
          return
        }
        const delayMs = retryDelay(row.attempts + 1, this.options.backoff, this.options.random)
        await outbox.failed(row, describe(error), clock.now().getTime() + delayMs)
        logger.warn({ ...log, err: describe(error), retryInMs: delayMs }, 'relay message not delivered: retried later')
      }
    }
    const delivery = run()
      .then(() => 0)
      .catch((error: unknown) => {
        logger.error({ err: error, dossier: row.dossierId }, 'relay delivery could not record its outcome: tried again later')
        // The database failed: not a loop of sends while it stays down.
        return this.#idleCheckMs
      })
      .then((delayMs) => {
        this.#inFlight.delete(row.dossierId)
        this.#schedule(delayMs)
      })
    this.#inFlight.set(row.dossierId, delivery)
  }
}
