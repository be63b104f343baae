/**
 * The upload feature for app.ts: one route on /api/uploads and /api/uploads/* handing the raw
 * request to tus (tus.ts). OPTIONS (protocol discovery) is open; everything else needs a
 * session, and writes the CSRF header like every API write (auth/middleware.ts: the app sets
 * tus-js-client's `headers: { 'X-Requested-With': 'portal' }`). GET is not offered: bytes are
 * never read back through this route.
 *
 * A HEAD on one's own finished upload answers "complete" (offset = length) here, since tus no
 * longer holds the bytes: a client whose last PATCH answer was lost resumes to "done".
 */
import type { Context } from 'hono'
import { Hono } from 'hono'
import type { Clock } from '../clock.ts'
import type { Config } from '../config/config.ts'
import type { Db } from '../db/open.ts'
import { sessionOf } from '../auth/access.ts'
import { notFound } from '../http/problem.ts'
import type { Logger } from '../log.ts'
import { DiskBlobStore, type BlobStore } from './blob-store.ts'
import { UploadRepository } from './repository.ts'
import { createFileStore, createTusServer, isProblemBody, sweepExpiredUploads, UPLOADS_PATH, type TusCall } from './tus.ts'
import { join } from 'node:path'

export interface UploadsDeps {
  db: Db
  clock: Clock
  config: Config
  logger: Logger
  blobs?: BlobStore
}

export function blobDirectory(config: Config): string {
  return join(config.dataDir, 'blobs')
}

export function uploadsFeature({ db, clock, config, logger, blobs = new DiskBlobStore(blobDirectory(config)) }: UploadsDeps) {
  const repository = new UploadRepository(db)
  const calls = new WeakMap<Request, TusCall>()
  // Made at the first upload request: an app that never sees one creates no folder.
  let tus: ReturnType<typeof createTusServer> | undefined
  const tusServer = () => (tus ??= createTusServer({ config, clock, logger, repository, blobs }, calls))

  async function handle(c: Context): Promise<Response> {
    const req = c.req.raw
    if (req.method === 'OPTIONS') return tusServer().server.handleWeb(req)
    const session = sessionOf(c)
    if (req.method === 'GET') throw notFound()
    const id = c.req.path.slice(UPLOADS_PATH.length + 1)
    if (id && (req.method === 'HEAD' || req.method === 'DELETE')) {
      const row = repository.find(id)
      if (row?.state === 'complete' && row.userId === session.userId) {
        // Finished uploads are in the blob store; termination of them is refused by tus anyway.
        if (req.method === 'DELETE') return new Response(null, { status: 204, headers: { 'Tus-Resumable': '1.0.0' } })
        return new Response(null, {
          status: 200,
          headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(row.size), 'Upload-Length': String(row.size), 'Cache-Control': 'no-store' },
        })
      }
    }
    const call: TusCall = { userId: session.userId, after: [] }
    calls.set(req, call)
    const res = await tusServer().server.handleWeb(req)
    for (const task of call.after) await task()
    if (res.status >= 400) {
      const body = await res.text()
      const headers = new Headers(res.headers)
      headers.set('Cache-Control', 'no-store')
      if (isProblemBody(body)) headers.set('Content-Type', 'application/problem+json')
      return new Response(body, { status: res.status, headers })
    }
    return res
  }

  const routes = new Hono()
  routes.all(UPLOADS_PATH, handle)
  routes.all(`${UPLOADS_PATH}/*`, handle)

  return {
    routes,
    repository,
    blobs,
    /** Deletes expired partial uploads now (the server also runs it every UPLOAD_SWEEP_SECONDS). */
    sweep: () => sweepExpiredUploads(repository, tusServer().datastore, clock, logger),
  }
}

/** Starts the periodic sweep of expired uploads; returns the function that stops it. */
export function startUploadSweeper(sweep: () => Promise<number>, seconds: number, logger: Logger): () => void {
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => logger.error({ err: error }, 'sweeping expired uploads failed'))
  }, seconds * 1000)
  timer.unref()
  return () => clearInterval(timer)
}

/** The sweep for server.ts, on the same folders and tables as the app's upload route. */
export function uploadSweep(db: Db, clock: Clock, config: Config, logger: Logger): () => Promise<number> {
  const repository = new UploadRepository(db)
  const datastore = createFileStore(config)
  return () => sweepExpiredUploads(repository, datastore, clock, logger)
}
