/**
 * Group commit: the durable writes of many requests in one SQLite transaction.
 *
 * Why. With synchronous=FULL (design decision 12) every COMMIT waits for an fsync of the WAL,
 * and an fsync costs the same for one small transaction as for 256: one transaction per intake
 * caps intake at the disk's fsyncs per second (docs/decisions/0010-fault-tests.md measured about
 * 2,000/s here, and 420/s through the BFF). Intakes that arrive while a commit is in progress are
 * therefore written together, in the next transaction.
 *
 * Algorithm. A request does everything that needs no write lock outside (validation, the rules,
 * reading the catalogue), then `enqueue`s one synchronous write function and awaits its promise.
 * The first `enqueue` of a tick schedules a flush with `setImmediate`, so every request read in
 * the same turn of the event loop joins the batch (and a lone request is not delayed by a timer:
 * it commits at the end of its own turn). The flush takes up to `maxBatch` writes in arrival
 * order and runs them in ONE immediate transaction (`BEGIN IMMEDIATE`), each inside its own
 * SAVEPOINT (a better-sqlite3 transaction nested in another): a write that throws rolls back its
 * own savepoint only, and the others stay in the batch. Writes run one after the other on the
 * one connection, so each sees everything the writes before it did (a counter incremented, an id
 * inserted): the same rules hold as with one transaction each (codes unique and gapless, since a
 * rolled back write takes its number back; an id seen twice in one batch finds the first). While
 * the COMMIT's fsync blocks the thread, new requests wait in the kernel; the next turn of the
 * loop reads them and they form the next batch. More than `maxBatch` waiting: the rest goes to
 * the next flush, at once.
 *
 * Durability. A write's promise settles only after the outer COMMIT has returned, and with
 * synchronous=FULL in WAL mode COMMIT returns after the WAL is fsynced: a caller answers (201)
 * only for what is on disk through a power cut. A crash or power cut before the COMMIT loses the
 * whole batch, and none of it was answered; the clients retry with the same ids (idempotency).
 * If the batch itself fails (the COMMIT, or a write whose error ended the transaction), nothing
 * of it was committed, and each write is run again alone in its own transaction, so one bad
 * write cannot fail the others.
 *
 * Rules for a write function: synchronous, only database work (no I/O to undo), and whatever
 * must not happen unless it commits (a log line, an answer) happens after its promise resolves.
 */
import type Database from 'better-sqlite3'

/** Writes in one transaction at most. */
export const MAX_BATCH = 256

interface Item {
  write: () => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
  outcome?: { ok: true; value: unknown } | { ok: false; error: unknown }
}

export class WriteQueue {
  #pending: Item[] = []
  #scheduled = false
  readonly #batch: Database.Transaction<(items: Item[]) => void>
  /** Transactions committed by flushes, and writes in them (for tests and benches). */
  readonly stats = { batches: 0, writes: 0, largest: 0 }

  constructor(
    private readonly client: Database.Database,
    private readonly maxBatch = MAX_BATCH,
  ) {
    this.#batch = client.transaction((items: Item[]) => {
      for (const item of items) {
        try {
          // Nested in the batch's transaction: better-sqlite3 makes it a SAVEPOINT, rolled back alone on a throw.
          item.outcome = { ok: true, value: client.transaction(item.write)() }
        } catch (error) {
          // Some errors (SQLITE_FULL, I/O) end the whole transaction: then the batch fails and is retried item by item.
          if (!client.inTransaction) throw error
          item.outcome = { ok: false, error }
        }
      }
    })
  }

  /** Runs `write` in the next group transaction; resolves with its result once that transaction is committed. */
  enqueue<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ write, resolve: resolve as (value: unknown) => void, reject })
      this.#schedule()
    })
  }

  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => this.#flush())
  }

  #flush(): void {
    this.#scheduled = false
    const items = this.#pending.splice(0, this.maxBatch)
    if (this.#pending.length > 0) this.#schedule()
    if (items.length === 0) return
    try {
      this.#batch.immediate(items)
    } catch {
      // Nothing of the batch was committed: each write again, alone.
      for (const item of items) {
        try {
          item.outcome = { ok: true, value: this.client.transaction(item.write).immediate() }
        } catch (error) {
          item.outcome = { ok: false, error }
        }
      }
    }
    this.stats.batches++
    this.stats.writes += items.length
    this.stats.largest = Math.max(this.stats.largest, items.length)
    for (const item of items) {
      const outcome = item.outcome!
      if (outcome.ok) item.resolve(outcome.value)
      else item.reject(outcome.error)
    }
  }
}

const queues = new WeakMap<Database.Database, WriteQueue>()

/** The one write queue of a connection (every feature writing through it shares its batches). */
export function writeQueueOf(client: Database.Database): WriteQueue {
  let queue = queues.get(client)
  if (!queue) {
    queue = new WriteQueue(client)
    queues.set(client, queue)
  }
  return queue
}
