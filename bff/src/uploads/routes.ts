/**
 * The upload feature for app.ts: one route on /api/uploads and /api/uploads/* handing the raw
 * request to tus (tus.ts). OPTIONS (protocol discovery) is open; everything else needs a
 * session, and writes the CSRF header like every API write (auth/middleware.ts: the app sets
 * tus-js-client's `headers: { 'X-Requested-With': 'portal' }`). GET is not offered: bytes are
 * never read back through this route.
 *
 * A HEAD on one's own finished upload answers "complete" (offset = length) here, since tus no
 * longer holds the bytes: a client whose last PATCH answer was lost resumes to "done". A HEAD
 * on an unfinished upload whose bytes are all on disk (the server stopped after the last byte
 * and before verifying it) verifies and files it first, so "done" always means granted. A PATCH
 * on it answers 409 with that offset (another client of the same person finished it first):
 * tus-js-client retries a 409 with a HEAD, and is done.
 *
 * Creation is idempotent per person and file: a POST whose metadata names bytes (SHA-256, size,
 * type) of which the caller already has an unfinished, unexpired upload answers 201 with that
 * upload's Location instead of opening another. A client whose creation answer was lost never
 * learned the first upload's URL, so it could neither finish nor delete it; without this, each
 * lost answer left one more unfinished upload, and after UPLOAD_MAX_INCOMPLETE of them on a bad
 * link the person could upload nothing until they expired (24 h). The client's first PATCH then
 * meets the bytes already there with a 409, and it resumes from a HEAD.
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
import { createFileStore, createTusServer, isProblemBody, sweepExpiredUploads, uploadDirectory, UploadMetadataSchema, UPLOADS_PATH, type TusCall } from './tus.ts'
import { existsSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import * as v from 'valibot'

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
      let row = repository.find(id)
      if (req.method === 'HEAD' && row?.state === 'receiving' && row.userId === session.userId) {
        // All bytes there but never verified (the process stopped in between): finish it now.
        const recovered = await tusServer().recover(id, row.size)
        if (recovered === 'refused') throw notFound()
        row = repository.find(id)
      }
      if (row?.state === 'complete' && row.userId === session.userId) {
        // Finished uploads are in the blob store; termination of them is refused by tus anyway.
        if (req.method === 'DELETE') return new Response(null, { status: 204, headers: { 'Tus-Resumable': '1.0.0' } })
        return new Response(null, {
          status: 200,
          headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(row.size), 'Upload-Length': String(row.size), 'Cache-Control': 'no-store' },
        })
      }
    }
    if (!id && req.method === 'POST') {
      const twin = await unfinishedTwin(req, session.userId)
      if (twin) {
        logger.info({ upload: twin.id, user: session.userId }, 'upload creation repeated: the unfinished upload of the same bytes resumes')
        return new Response(null, {
          status: 201,
          headers: { 'Tus-Resumable': '1.0.0', Location: `${UPLOADS_PATH}/${twin.id}`, 'Upload-Expires': new Date(twin.expiresAt).toUTCString(), 'Cache-Control': 'no-store' },
        })
      }
    }
    if (id && req.method === 'PATCH') {
      const row = repository.find(id)
      if (row?.state === 'complete' && row.userId === session.userId) {
        return new Response(null, { status: 409, headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(row.size), 'Cache-Control': 'no-store' } })
      }
    }
    const call: TusCall = { userId: session.userId, after: [] }
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    const tusReq = req.method === 'PATCH' && incoming ? keepingReceivedBytes(incoming, req) : req
    calls.set(tusReq, call)
    const res = await tusServer().server.handleWeb(tusReq)
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

  /**
   * The caller's unfinished upload of the bytes this creation request declares, if tus still
   * holds it whole: its bytes file and its record (a process stopped between the two writes of
   * a creation leaves the file alone, which tus would answer 404).
   */
  async function unfinishedTwin(req: Request, userId: number) {
    const meta = v.safeParse(UploadMetadataSchema, parseMetadata(req.headers.get('Upload-Metadata') ?? ''))
    const size = Number(req.headers.get('Upload-Length'))
    if (!meta.success || !Number.isSafeInteger(size) || size < 1) return undefined
    const row = repository.findUnfinished(userId, { sha256: meta.output.sha256, size, type: meta.output.filetype }, clock.now().getTime())
    if (!row || !existsSync(join(uploadDirectory(config), row.id))) return undefined
    return (await tusServer().datastore.configstore.get(row.id)) ? row : undefined
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

/** Chunks of a PATCH body the server holds before it pauses reading the socket. */
const BODY_BUFFER_BYTES = 1024 * 1024

/**
 * The PATCH as tus must see it on the real server: a body that ENDS NORMALLY when the client
 * goes away, after every byte the server read. Through @hono/node-server, `c.req.raw.body` is
 * `Readable.toWeb(incoming)`; a client abort errors that stream, which discards the chunks it
 * still queues, and tus (`handleWeb`: the source errored, the request was not flagged aborted)
 * destroys its file write with whatever was still buffered. Each aborted PATCH lost about
 * 200 KB the server had received, and the client sent them again (e2e/bench/resume.ts: 1.26–1.33×
 * the file's size). tus's own Node handler ends its stream on an abort for this very reason.
 * With this body tus writes what arrived and the next HEAD offers it (offset = bytes on disk).
 * `app.request` (tests) has no socket to lose: its request goes to tus as it is.
 */
function keepingReceivedBytes(incoming: IncomingMessage, req: Request): Request {
  let ended = false
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const end = () => {
          if (ended) return
          ended = true
          controller.close()
        }
        incoming.on('data', (chunk: Buffer) => {
          if (ended) return
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) incoming.pause()
        })
        incoming.once('end', end)
        // A client abort: 'aborted'/'error' then 'close', never 'end'. What arrived is kept.
        incoming.once('error', end)
        incoming.once('close', end)
      },
      pull() {
        incoming.resume()
      },
      cancel() {
        ended = true
        incoming.resume()
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: BODY_BUFFER_BYTES }),
  )
  return new Request(req.url, { method: req.method, headers: req.headers, body, duplex: 'half' } as RequestInit)
}

/** tus Upload-Metadata: `key base64value` pairs separated by commas (a value may be absent). */
export function parseMetadata(header: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of header.split(',')) {
    const [key, value] = pair.trim().split(' ')
    if (key) out[key] = value ? Buffer.from(value, 'base64').toString('utf8') : ''
  }
  return out
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
