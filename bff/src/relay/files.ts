/**
 * The applicant's files, read by a province's one-stop-shop (HTTP connector):
 *
 *   GET /api/relay/files/{dossierId}/{sha256}   200 the bytes (Content-Type, Content-Length,
 *                                               Repr-Digest); 401 timestamp or signature;
 *                                               404 not a file of that dossier
 *
 * The 'submitted' and 'supplement' messages name each component's files by SHA-256 (with name,
 * type and size); the province fetches the bytes it needs here. Machine-to-machine like the
 * status callback, and signed the same way (signature.ts) with RELAY_CALLBACK_SECRET: a GET has
 * no body, so the MAC is over `<timestamp>.GET <path>`: the request line itself, which cannot
 * then be pointed at another file, and a replay is only good for 5 minutes and for the same
 * bytes. A province may read only the files of a dossier relayed to it (intake's components
 * and the supplements' files): anything else, whether the bytes exist or not, is the same 404.
 */
import { Readable } from 'node:stream'
import { Hono } from 'hono'
import * as v from 'valibot'
import { DossierIdSchema } from '@portal/shared/dossiers/schema'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { reprDigest } from '../dossiers/result.ts'
import { notFound } from '../http/problem.ts'
import type { Logger } from '../log.ts'
import type { BlobStore } from '../uploads/blob-store.ts'
import { callbackRefused } from './problems.ts'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verify } from './signature.ts'

export const FILES_PATH = '/api/relay/files'

/** What the MAC of a file request covers, besides its timestamp. */
export const signedRequestLine = (path: string) => Buffer.from(`GET ${path}`)

const ParamsSchema = v.object({ dossierId: DossierIdSchema, sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) })

export interface ProvinceFilesDeps {
  db: Db
  blobs: BlobStore
  /** RELAY_CALLBACK_SECRET; undefined with the embedded connector: every request is refused 401. */
  secret: string | undefined
  clock: Clock
  logger: Logger
}

export function provinceFileRoutes({ db, blobs, secret, clock, logger }: ProvinceFilesDeps) {
  const find = db.$client.prepare(
    `SELECT type, size FROM dossier_files WHERE dossier_id = :dossierId AND sha256 = :sha256
     UNION ALL
     SELECT json_extract(f.value, '$.type'), json_extract(f.value, '$.size')
       FROM dossier_steps s, json_each(s.body, '$.components') c, json_each(c.value, '$.files') f
      WHERE s.dossier_id = :dossierId AND s.kind = 'supplement' AND json_extract(f.value, '$.sha256') = :sha256
     LIMIT 1`,
  )
  const app = new Hono()
  app.get(`${FILES_PATH}/:dossierId/:sha256`, async (c) => {
    const path = new URL(c.req.url).pathname
    if (secret === undefined) {
      logger.warn('file request refused: no province system is configured (RELAY_CONNECTOR is not http)')
      throw callbackRefused('signature-invalid')
    }
    const verdict = verify(secret, { timestamp: c.req.header(TIMESTAMP_HEADER), signature: c.req.header(SIGNATURE_HEADER), body: signedRequestLine(path) }, clock.now().getTime())
    if (verdict !== 'ok') {
      logger.warn({ verdict, path }, 'file request refused: not signed as agreed')
      throw callbackRefused(verdict)
    }
    const params = v.safeParse(ParamsSchema, c.req.param())
    const file = params.success ? (find.get(params.output) as { type: string; size: number } | undefined) : undefined
    const bytes = file && params.success ? await blobs.get(params.output.sha256) : undefined
    if (!file || !bytes || !params.success) throw notFound('Hồ sơ này không có tệp mang mã băm đó.')
    logger.info({ dossier: params.output.dossierId, sha256: params.output.sha256 }, 'file read by the one-stop-shop')
    return new Response(Readable.toWeb(bytes) as ReadableStream, {
      headers: {
        'Content-Type': file.type,
        'Content-Length': String(file.size),
        'Repr-Digest': reprDigest(params.output.sha256),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    })
  })
  return app
}
