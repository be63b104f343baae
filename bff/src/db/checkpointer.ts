/**
 * WAL checkpoints off the event loop.
 *
 * Why. SQLite's automatic checkpoint runs inside the COMMIT that takes the WAL past
 * `wal_autocheckpoint` pages (1,000 by default): it copies the WAL's pages into the database file
 * and, with synchronous=FULL, fsyncs it — on the thread that committed, here the event loop, which
 * meanwhile answers nobody. Under steady intake that is a pause every second or so, which the
 * latency of every request waiting behind it shows (docs/benchmarks.md).
 *
 * How. The server turns the automatic checkpoint off on its connection and a worker thread, with
 * a connection of its own, runs a PASSIVE checkpoint every `intervalMs`: PASSIVE copies what it
 * can without waiting for readers or blocking the writer, so the event loop never waits for it.
 * The WAL restarts from its beginning once everything in it was copied and a writer comes.
 * Durability is unchanged: a COMMIT still returns only after the WAL is fsynced; checkpointing
 * only moves committed pages into the database file.
 *
 * If the worker fails, the automatic checkpoint is turned back on (a growing WAL would slow every
 * read) and the failure is logged.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Logger } from '../log.ts'
import type { Db } from './open.ts'

/**
 * The worker's code. Plain CommonJS run with `eval`: a worker thread of Node 20 does not get the
 * TypeScript loader (tsx) of the process that starts it. It opens the database with the same
 * driver (its resolved path comes in `workerData`), runs a PASSIVE checkpoint every `intervalMs`
 * and posts each result; "stop" runs a last one and closes the connection.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
db.pragma('synchronous = FULL')
function checkpoint() {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ kind: 'checkpoint', ...result })
  } catch (error) {
    parentPort.postMessage({ kind: 'error', message: String(error && error.message || error) })
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.close()
})
`

/** SQLite's default, restored when the worker stops or fails. */
const AUTOCHECKPOINT_PAGES = 1000

export interface Checkpointer {
  /** Stops the worker after a last checkpoint; the automatic checkpoint is on again. */
  stop(): Promise<void>
}

export interface CheckpointReport {
  busy: number
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number
  checkpointed: number
}

export function startCheckpointer(db: Db, file: string, logger: Logger, options: { intervalMs?: number; onCheckpoint?: (report: CheckpointReport) => void } = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file, intervalMs: options.intervalMs ?? 1000 } })
  // Checkpoints never keep the process alive: stop() is how the server ends them.
  worker.unref()
  db.$client.pragma('wal_autocheckpoint = 0')
  let stopping = false
  const restore = () => {
    if (db.$client.open) db.$client.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`)
  }
  worker.on('message', (message: { kind: 'checkpoint' } & CheckpointReport | { kind: 'error'; message: string }) => {
    if (message.kind === 'error') logger.warn({ err: message.message }, 'WAL checkpoint failed; tried again at the next interval')
    else options.onCheckpoint?.(message)
  })
  worker.on('error', (error) => {
    logger.error({ err: error }, 'the WAL checkpointer stopped; SQLite checkpoints automatically again')
    restore()
  })
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      if (!stopping && code !== 0) logger.error({ code }, 'the WAL checkpointer exited; SQLite checkpoints automatically again')
      restore()
      resolve()
    }),
  )
  return {
    async stop() {
      stopping = true
      worker.postMessage('stop')
      await exited
    },
  }
}
