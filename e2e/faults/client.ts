/**
 * A scripted client that sends a dossier as the app's outbox does (web/src/outbox: upload.ts,
 * send.ts, flush.ts), in Node:
 *
 * - Per dossier, a client UUID (the idempotency key) and its files, each with its SHA-256.
 * - Files first, one after another, with tus-js-client's Node build: chunks of 1 MB, a few
 *   retries of its own, `X-Requested-With: portal`, metadata `sha256`, `filename`, `filetype`.
 *   Node has no URL storage: the upload's URL is kept here (`onUploadUrlAvailable`) and a later
 *   attempt resumes from it (`uploadUrl`). The HTTP stack sends `Content-Length` on every
 *   PATCH as a browser's XHR does (tus-js-client's Node stack would otherwise stream the chunk
 *   chunked).
 * - Then `POST /api/dossiers` with the same id until a definitive answer: 201 or 200 with a
 *   receipt. No answer, 5xx, 408, 425 or 429: retried after a backoff with full jitter. A 409
 *   is a bug here (the content never changes); any other 4xx is final, and both throw.
 * - Bounded: at most `maxAttempts` per step and a deadline for the whole dossier; past either
 *   the dossier throws, so that a test never waits on a client that cannot finish.
 */
import { Agent, type AgentOptions, type ClientRequestArgs } from 'node:http'
import { createConnection, type NetConnectOpts, type Socket } from 'node:net'
import { createHash } from 'node:crypto'
import * as tus from 'tus-js-client'
import type { DossierReceipt, DossierSubmission } from '@portal/shared/dossiers/schema'
import type { FileType } from '@portal/shared/forms/definition'

export interface ClientFile {
  bytes: Buffer
  sha256: string
  type: FileType
  name: string
}

export interface ScriptedDossier {
  id: string
  procedureCode: string
  communeCode?: string
  componentId: string
  files: ClientFile[]
}

export interface ClientOptions {
  /** Where requests go: the proxy, or the BFF itself. */
  base: string
  /** The BFF's PUBLIC_ORIGIN (the Origin check), which the proxy's address is not. */
  origin: string
  cookie: string
  /** Per step (one file, or the POST), attempts at most. */
  maxAttempts?: number
  /** Epoch ms past which the dossier gives up. */
  deadline?: number
  /** Full-jitter backoff: a random wait in [0, min(cap, base × 2^attempt)). */
  backoff?: { baseMs: number; capMs: number }
  /** tus-js-client's own retries (the app: [0, 1000, 3000]). */
  tusRetryDelays?: number[]
  chunkSize?: number
  random?: () => number
  /** Counts the bytes this client writes (see CountingAgent). */
  agent?: Agent
  /** Gives up one attempt (a request that hangs) after this long. */
  attemptTimeoutMs?: number
}

export interface SubmitStats {
  /** Attempts of this client's own loop (uploads and POSTs), beyond the first of each step. */
  retries: number
  /** Retries tus-js-client made by itself. */
  tusRetries: number
  posts: number
  /** Answers of the POSTs, by status (0: no answer). */
  statuses: Record<number, number>
}

export interface SubmitResult {
  receipt: DossierReceipt
  /** 201 or 200 (a replay whose first answer was lost). */
  status: 200 | 201
  stats: SubmitStats
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** A step that cannot succeed by retrying (a refusal, a conflict). */
export class FinalAnswer extends Error {
  override name = 'FinalAnswer'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** An http.Agent that adds up the bytes written on each of its sockets (client side of the wire). */
export class CountingAgent extends Agent {
  bytesWritten = 0
  private readonly open = new Set<Socket>()
  constructor(options: AgentOptions = {}) {
    super(options)
  }
  override createConnection(options: ClientRequestArgs): Socket {
    const socket = createConnection(options as NetConnectOpts)
    this.open.add(socket)
    socket.once('close', () => {
      this.bytesWritten += socket.bytesWritten
      this.open.delete(socket)
    })
    return socket
  }
  /** Written so far, sockets still open included. */
  total(): number {
    let n = this.bytesWritten
    for (const s of this.open) n += s.bytesWritten
    return n
  }
}

/** tus-js-client's Node stack, with Content-Length on every body (as XHR sends it). */
class LengthHttpStack extends tus.DefaultHttpStack {
  override createRequest(method: string, url: string): tus.HttpRequest {
    const request = super.createRequest(method, url)
    const send = request.send.bind(request)
    request.send = (body: unknown) => {
      if (body instanceof Uint8Array) request.setHeader('Content-Length', String(body.length))
      return send(body)
    }
    return request
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Whether a failed tus request is worth another try (web/src/outbox/upload.ts, `failure`). */
function retryableUpload(error: Error): boolean {
  const status = (error as tus.DetailedError).originalResponse?.getStatus() ?? 0
  return status === 0 || status >= 500 || [408, 409, 423, 429].includes(status)
}

function describe(error: Error): string {
  const response = (error as tus.DetailedError).originalResponse
  return response ? `${response.getStatus()} ${response.getBody().slice(0, 300)}` : error.message
}

export function createClient(o: ClientOptions) {
  const maxAttempts = o.maxAttempts ?? 30
  const deadline = o.deadline ?? Date.now() + 120_000
  const backoff = o.backoff ?? { baseMs: 50, capMs: 1_000 }
  const random = o.random ?? Math.random
  const timeout = o.attemptTimeoutMs ?? 30_000
  const httpStack = new LengthHttpStack(o.agent ? { agent: o.agent } : {})
  const headers = { Cookie: o.cookie, Origin: o.origin, 'X-Requested-With': 'portal' }

  const wait = (attempt: number) => sleep(random() * Math.min(backoff.capMs, backoff.baseMs * 2 ** attempt))
  const checkTime = (what: string) => {
    if (Date.now() > deadline) throw new Error(`${what}: deadline passed`)
  }

  /** One run of tus-js-client from where the kept URL left off. */
  function uploadOnce(file: ClientFile, kept: { url: string | null }, stats: SubmitStats): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const upload = new tus.Upload(file.bytes, {
        endpoint: `${o.base}/api/uploads/`,
        uploadUrl: kept.url,
        headers,
        metadata: { sha256: file.sha256, filename: file.name, filetype: file.type },
        chunkSize: o.chunkSize ?? 1024 * 1024,
        retryDelays: o.tusRetryDelays ?? [0, 100, 300],
        storeFingerprintForResuming: false,
        httpStack,
        onShouldRetry: (error) => {
          const retry = retryableUpload(error)
          if (retry) stats.tusRetries++
          return retry
        },
        onUploadUrlAvailable: () => {
          kept.url = upload.url
        },
        onSuccess: () => {
          clearTimeout(timer)
          resolve()
        },
        onError: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      })
      const timer = setTimeout(() => {
        void upload.abort()
        reject(new Error(`upload attempt timed out after ${timeout} ms`))
      }, timeout)
      upload.start()
    })
  }

  async function uploadFile(file: ClientFile, stats: SubmitStats): Promise<void> {
    const kept: { url: string | null } = { url: null }
    for (let attempt = 0; ; attempt++) {
      checkTime(`upload of ${file.name}`)
      try {
        await uploadOnce(file, kept, stats)
        return
      } catch (error) {
        if (!retryableUpload(error as Error)) throw new FinalAnswer((error as tus.DetailedError).originalResponse?.getStatus() ?? 0, `upload of ${file.name} refused: ${describe(error as Error)}`)
        if (attempt + 1 >= maxAttempts) throw new Error(`upload of ${file.name}: ${maxAttempts} attempts failed, last: ${describe(error as Error)}`)
        stats.retries++
        await wait(attempt)
      }
    }
  }

  async function post(submission: DossierSubmission, stats: SubmitStats): Promise<SubmitResult> {
    for (let attempt = 0; ; attempt++) {
      checkTime(`POST of ${submission.id}`)
      stats.posts++
      let status = 0
      let body: unknown
      try {
        const res = await fetch(`${o.base}/api/dossiers`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(submission),
          signal: AbortSignal.timeout(timeout),
        })
        status = res.status
        body = await res.json().catch(() => undefined)
      } catch {
        status = 0 // no answer, or a cut answer
      }
      stats.statuses[status] = (stats.statuses[status] ?? 0) + 1
      const receipt = body as DossierReceipt | undefined
      if ((status === 200 || status === 201) && typeof receipt?.code === 'string' && receipt.id === submission.id) {
        return { receipt, status, stats }
      }
      if (status === 409) throw new FinalAnswer(409, `409 on ${submission.id} with the same content: ${JSON.stringify(body).slice(0, 300)}`)
      if (status >= 400 && status < 500 && ![408, 425, 429].includes(status)) {
        throw new FinalAnswer(status, `POST ${submission.id} refused: ${status} ${JSON.stringify(body).slice(0, 500)}`)
      }
      if (attempt + 1 >= maxAttempts) throw new Error(`POST ${submission.id}: ${maxAttempts} attempts without an answer (last ${status})`)
      stats.retries++
      await wait(attempt)
    }
  }

  return {
    /** Files, then the dossier; resolves with the receipt (201 or 200) or throws. */
    async submit(dossier: ScriptedDossier): Promise<SubmitResult> {
      const stats: SubmitStats = { retries: 0, tusRetries: 0, posts: 0, statuses: {} }
      for (const file of dossier.files) await uploadFile(file, stats)
      return post(submissionOf(dossier), stats)
    },
    /** The POST alone (files already up): a replay. */
    resend: (dossier: ScriptedDossier) => post(submissionOf(dossier), { retries: 0, tusRetries: 0, posts: 0, statuses: {} }),
    uploadFile,
  }
}

export function submissionOf(d: ScriptedDossier): DossierSubmission {
  return {
    id: d.id,
    procedureCode: d.procedureCode,
    ...(d.communeCode ? { communeCode: d.communeCode } : {}),
    form: {},
    components: [{ componentId: d.componentId, files: d.files.map((f) => ({ sha256: f.sha256, size: f.bytes.length, type: f.type, name: f.name })) }],
    resultDelivery: { method: 'at-agency' },
  }
}

// ---------------------------------------------------------------------------------------------
// Generated dossiers: real file bytes (a JPEG or PDF start that passes the first-bytes check,
// random content), sizes log-uniform from a few KB to ~1.5 MB, all from a seed.

const MAGIC: Partial<Record<FileType, Buffer>> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  'application/pdf': Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
}

/** `size` random bytes from `random`, starting like a file of `type`. */
export function fileOf(type: 'image/jpeg' | 'application/pdf', size: number, random: () => number): Buffer {
  const out = Buffer.alloc(size)
  const words = new Uint32Array(out.buffer, out.byteOffset, Math.floor(size / 4))
  // xorshift32 seeded from the caller's stream: fast enough for tens of MB.
  let x = (Math.floor(random() * 0xffffffff) | 1) >>> 0
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    words[i] = x >>> 0
  }
  for (let i = words.length * 4; i < size; i++) out[i] = Math.floor(random() * 256)
  MAGIC[type]!.copy(out)
  return out
}

export function randomFiles(count: number, random: () => number, minBytes = 4 * 1024, maxBytes = 1.5 * 1024 * 1024): ClientFile[] {
  return Array.from({ length: count }, (_, i) => {
    const type = random() < 0.7 ? 'image/jpeg' : 'application/pdf'
    const size = Math.round(minBytes * (maxBytes / minBytes) ** random())
    const bytes = fileOf(type, size, random)
    return { bytes, sha256: sha256Hex(bytes), type, name: `tep-${i + 1}.${type === 'image/jpeg' ? 'jpg' : 'pdf'}` }
  })
}

/** A UUID v4 from a seeded stream (the id must be a real UUID; determinism keeps runs comparable). */
export function seededUuid(random: () => number): string {
  const bytes = Buffer.from(Array.from({ length: 16 }, () => Math.floor(random() * 256)))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
