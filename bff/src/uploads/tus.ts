/**
 * Resumable uploads: the tus protocol (`@tus/server`, file store under DATA_DIR/uploads),
 * mounted at /api/uploads. What the portal adds to plain tus:
 *
 * - Who: every request but OPTIONS needs a session (routes.ts); an upload belongs to the person
 *   who created it, and anyone else is told it does not exist (404), whatever its state.
 * - What: `Upload-Metadata` must declare `sha256` (64 lowercase hex), `filename` and `filetype`
 *   (image/jpeg, image/png, image/heic, application/pdf); `Upload-Length` is required (no
 *   deferred length) and at most FILE_LIMIT_BYTES (10 MB).
 * - How many: at most `UPLOAD_MAX_INCOMPLETE` unfinished uploads per person (429).
 * - When finished: the SHA-256 of the bytes received is recomputed and compared with the
 *   declared one, and the first bytes with the declared type; a mismatch deletes the upload
 *   and answers 422 with the reason. Otherwise the bytes move into the blob store
 *   (content-addressed, stored once) and the person gets a grant (repository.ts).
 * - Expiry: an unfinished upload expires `UPLOAD_EXPIRY_SECONDS` after creation (tus
 *   expiration extension, `Upload-Expires`); `sweepExpiredUploads` deletes expired partials.
 *
 * tus errors are answered as problem+json (types in problems.ts).
 */
import { mkdirSync } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { FileStore } from '@tus/file-store'
import { Server, type Upload } from '@tus/server'
import * as v from 'valibot'
import { FileTypeSchema, Sha256Schema } from '@portal/shared/dossiers/schema'
import { FILE_LIMIT_BYTES } from '@portal/shared/forms/definition'
import { PROBLEM_BASE } from '@portal/shared/http/problem'
import type { Clock } from '../clock.ts'
import type { Config } from '../config/config.ts'
import { HttpError, internalError } from '../http/problem.ts'
import type { Logger } from '../log.ts'
import { digestFile, type BlobStore } from './blob-store.ts'
import {
  hashMismatch,
  invalidMetadata,
  tooManyUploads,
  TusProblem,
  typeMismatch,
  uploadGone,
  uploadNotFound,
  uploadProblemTypes,
} from './problems.ts'
import { UploadRepository } from './repository.ts'
import { sniffType } from './sniff.ts'

export const UPLOADS_PATH = '/api/uploads'

/** The metadata keys of Upload-Metadata the portal reads. */
export const UploadMetadataSchema = v.object({
  sha256: Sha256Schema,
  filename: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  filetype: FileTypeSchema,
})

/** What the route knows of a request and tus's hooks need: who, and work left for after the answer. */
export interface TusCall {
  userId: number
  after: (() => Promise<void>)[]
}

export interface TusDeps {
  config: Config
  clock: Clock
  logger: Logger
  repository: UploadRepository
  blobs: BlobStore
}

export function uploadDirectory(config: Config): string {
  return join(config.dataDir, 'uploads')
}

/**
 * FileStore creates its folder from its constructor, asynchronously, and throws outside any
 * promise if that fails (the folder removed meanwhile): create it synchronously instead.
 */
class PortalFileStore extends FileStore {}
Object.defineProperty(PortalFileStore.prototype, 'checkOrCreateDirectory', {
  value(this: FileStore) {
    mkdirSync(this.directory, { recursive: true })
  },
})

export function createFileStore(config: Config): FileStore {
  return new PortalFileStore({ directory: uploadDirectory(config), expirationPeriodInMilliseconds: config.uploads.expirySeconds * 1000 })
}

export function createTusServer({ config, clock, logger, repository, blobs }: TusDeps, calls: WeakMap<Request, TusCall>) {
  const datastore = createFileStore(config)
  const callOf = (req: Request): TusCall => {
    const call = calls.get(req)
    if (!call) throw new TusProblem(uploadNotFound())
    return call
  }
  const fail = (error: HttpError): never => {
    throw new TusProblem(error)
  }

  const finishing = new Map<string, Promise<HttpError | undefined>>()
  /**
   * Verifies an upload whose bytes are all there and files it (blob store, grant), once: a
   * second caller for the same upload (the PATCH that wrote the last byte, a HEAD recovering
   * it) waits for the first. Returns the problem when the bytes are refused.
   */
  const finish = (id: string): Promise<HttpError | undefined> => {
    let running = finishing.get(id)
    if (!running) {
      running = verifyAndStore(id).finally(() => finishing.delete(id))
      finishing.set(id, running)
    }
    return running
  }
  const verifyAndStore = async (id: string): Promise<HttpError | undefined> => {
    const row = repository.find(id)
    if (!row) return uploadNotFound()
    if (row.state === 'complete') return undefined
    if (row.state === 'rejected') return uploadNotFound()
    const path = join(datastore.directory, id)
    const found = await digestFile(path)
    const sniffed = sniffType(found.head)
    const problem = found.sha256 !== row.sha256 ? hashMismatch() : sniffed !== row.filetype ? typeMismatch(row.filetype, sniffed) : undefined
    if (problem) {
      repository.reject(row.id, clock.now())
      await datastore.remove(id).catch(() => undefined)
      logger.warn({ upload: row.id, user: row.userId, reason: problem.type, declared: row.sha256, received: found.sha256, sniffed }, 'upload rejected')
      return problem
    }
    await blobs.put(row.sha256, { path })
    repository.complete(row, clock.now())
    logger.info({ upload: row.id, user: row.userId, sha256: row.sha256, size: row.size, type: row.filetype }, 'upload complete')
    return undefined
  }

  const server = new Server({
    path: UPLOADS_PATH,
    datastore,
    relativeLocation: true,
    maxSize: FILE_LIMIT_BYTES,
    respectForwardedHeaders: false,
    allowedOrigins: [config.publicOrigin],
    allowedHeaders: ['X-Requested-With'],
    disableTerminationForFinishedUploads: true,

    async onIncomingRequest(req, id) {
      if (req.method === 'POST') return
      const row = repository.find(id)
      // Someone else's upload, or none: the same answer.
      if (!row || row.userId !== callOf(req).userId || row.state === 'rejected') fail(uploadNotFound())
      if (row!.state === 'receiving' && row!.expiresAt <= clock.now().getTime()) fail(uploadGone())
    },

    async onUploadCreate(req, upload) {
      const call = callOf(req)
      const parsed = v.safeParse(UploadMetadataSchema, upload.metadata ?? {})
      if (!parsed.success) return fail(invalidMetadata(parsed.issues.map((i) => ({ path: `metadata.${v.getDotPath(i) ?? ''}`, message: i.message }))))
      if (upload.size === undefined || upload.size < 1) return fail(invalidMetadata([{ path: 'Upload-Length', message: 'Upload-Length must be a positive length' }]))
      const meta = parsed.output
      const now = clock.now().getTime()
      const created = repository.create(
        { id: upload.id, userId: call.userId, sha256: meta.sha256, filename: meta.filename, filetype: meta.filetype, size: upload.size, now, expiresAt: now + config.uploads.expirySeconds * 1000 },
        config.uploads.maxIncompletePerUser,
      )
      if (created === 'too-many') fail(tooManyUploads(config.uploads.maxIncompletePerUser))
      return {}
    },

    async onUploadFinish(req, upload: Upload) {
      const call = callOf(req)
      const problem = await finish(upload.id)
      if (problem) return fail(problem)
      // The tus record goes after the answer: tus may still read it while answering.
      call.after.push(() => datastore.configstore.delete(upload.id).catch(() => undefined))
      return {}
    },

    onResponseError(_req, error) {
      if (error instanceof TusProblem) return { status_code: error.status_code, body: error.body }
      if (!(error instanceof Error) && typeof error.status_code === 'number' && error.status_code < 500) {
        const type = error.status_code === 413 ? uploadProblemTypes.tooLarge : error.status_code === 404 ? 'not-found' : error.status_code === 410 ? uploadProblemTypes.gone : uploadProblemTypes.protocol
        const problem = new HttpError(error.status_code as 400, type, 'Yêu cầu tải lên không thực hiện được', error.body.trim())
        return { status_code: error.status_code, body: JSON.stringify(problem.toProblem(UPLOADS_PATH)) }
      }
      logger.error({ err: error }, 'upload failed')
      return { status_code: 500, body: JSON.stringify(internalError().toProblem(UPLOADS_PATH)) }
    },
  })
  /**
   * An unfinished upload whose bytes are all on disk: the process stopped (a crash, a kill)
   * after the last byte was written and before it was verified and filed. tus alone would
   * answer its HEAD with offset = length and the client would call it done, with no grant.
   * Finishes it now; returns whether it is complete (false: refused, or not all there).
   */
  const recover = async (id: string, size: number): Promise<'complete' | 'refused' | 'partial'> => {
    const onDisk = await stat(join(datastore.directory, id)).then((s) => s.size, () => -1)
    if (onDisk !== size && !finishing.has(id)) return 'partial'
    const problem = await finish(id)
    if (problem) return 'refused'
    await datastore.configstore.delete(id).catch(() => undefined)
    return 'complete'
  }
  return { server, datastore, recover }
}

/** Deletes expired unfinished (and rejected) uploads, bytes and rows. Returns how many. */
export async function sweepExpiredUploads(repository: UploadRepository, datastore: FileStore, clock: Clock, logger: Logger): Promise<number> {
  const expired = repository.expired(clock.now().getTime())
  for (const row of expired) {
    await rm(join(datastore.directory, row.id), { force: true })
    await datastore.configstore.delete(row.id).catch(() => undefined)
    repository.remove(row.id)
  }
  if (expired.length > 0) logger.info({ count: expired.length }, 'expired uploads swept')
  return expired.length
}

export const isProblemBody = (body: string) => body.startsWith(`{"type":"${PROBLEM_BASE}`)
