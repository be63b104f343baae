/**
 * Result files held by a province's one-stop-shop (HTTP connector), brought into the portal.
 *
 * A province's returnResult event names the result by SHA-256 and says its name, type and size
 * (relay_result_files, written with the event); the bytes stay with the province. They are
 * fetched as soon as the event is applied (a listener of applied changes) and, when that failed
 * (the province down, a bad copy), again when the applicant downloads the result: the download
 * waits for the fetch and answers 503 (try again later) if it fails once more. Fetches of the
 * same file share one request.
 *
 * A fetch streams into a temporary file under DATA_DIR, hashing and counting the bytes as they
 * come, and stops as soon as they exceed the announced size. Only bytes whose SHA-256 and size
 * are those the event gave enter the blob store (moved in; durable before `ensure` resolves);
 * anything else is deleted and logged: a copy cut short or altered on the way never becomes a
 * dossier's result. The embedded module's results are in the blob store already, and nothing is
 * fetched for them.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import type { AppliedChangeListener, OneStopConnector } from '../relay/contract.ts'
import type { BlobStore } from '../uploads/blob-store.ts'
import { ResultFiles, type ResultFile } from './result.ts'

/** How long one fetch may take: a result of tens of megabytes over a province's link. */
export const RESULT_FETCH_TIMEOUT_MS = 120_000

export interface ResultFetcherDeps {
  db: Db
  blobs: BlobStore
  /** Where bytes wait while they are checked: on the blob store's filesystem (a move, not a copy). */
  incomingDir: string
  /** The relay's connector, once attached. */
  connector: () => OneStopConnector | undefined
  logger: Logger
  timeoutMs?: number
}

export class ResultFetcher {
  readonly #inflight = new Map<string, Promise<boolean>>()
  readonly #results: ResultFiles

  constructor(private readonly deps: ResultFetcherDeps) {
    this.#results = new ResultFiles(deps.db)
  }

  /** True when the bytes of `file` are in the blob store, fetched now if need be; false when they cannot be had now. */
  async ensure(dossierId: string, file: ResultFile): Promise<boolean> {
    if (await this.deps.blobs.has(file.sha256)) return true
    const key = `${dossierId}:${file.sha256}`
    let pending = this.#inflight.get(key)
    if (!pending) {
      pending = this.#fetch(dossierId, file).finally(() => this.#inflight.delete(key))
      this.#inflight.set(key, pending)
    }
    return pending
  }

  /** Fetches a province's result as soon as its returnResult event is applied. */
  readonly listener: AppliedChangeListener = async (change) => {
    if (change.event.type !== 'returnResult') return
    const file = this.#results.find(change.dossierId, change.event.resultFile)
    if (file) await this.ensure(change.dossierId, file)
  }

  async #fetch(dossierId: string, file: ResultFile): Promise<boolean> {
    const { connector: connectorOf, incomingDir, blobs, logger, timeoutMs = RESULT_FETCH_TIMEOUT_MS } = this.deps
    const connector = connectorOf()
    if (!connector?.fetchFile) return false
    const incoming = join(incomingDir, `${file.sha256}.${randomBytes(6).toString('hex')}`)
    try {
      const signal = AbortSignal.timeout(timeoutMs)
      await mkdir(incomingDir, { recursive: true })
      const body = await connector.fetchFile(dossierId, file.sha256, signal)
      const hash = createHash('sha256')
      let size = 0
      const checked = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length
          if (size > file.size) return done(new Error(`more than the ${file.size} bytes announced`))
          hash.update(chunk)
          done(null, chunk)
        },
      })
      await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), checked, createWriteStream(incoming, { flags: 'wx' }), { signal })
      const sha256 = hash.digest('hex')
      if (sha256 !== file.sha256 || size !== file.size) {
        throw new Error(`received ${size} bytes with SHA-256 ${sha256}; the result event announced ${file.size} bytes with ${file.sha256}`)
      }
      await blobs.put(file.sha256, { path: incoming })
      logger.info({ dossier: dossierId, sha256: file.sha256, size }, 'result file fetched from the one-stop-shop')
      return true
    } catch (error) {
      await rm(incoming, { force: true })
      logger.warn({ err: error, dossier: dossierId, sha256: file.sha256 }, 'result file not fetched from the one-stop-shop: tried again when the applicant downloads it')
      return false
    }
  }
}
