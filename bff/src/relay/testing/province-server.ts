/**
 * A province's one-stop-shop behind its LGSP, for tests and the relay bench: a real HTTP server
 * on 127.0.0.1 that plays the other side of the HTTP connector.
 *
 * - `POST /token`: OAuth2 client credentials (HTTP Basic, grant_type=client_credentials);
 *   tokens live `tokenLifetimeS`; `revokeTokens()` makes every issued token answer 401.
 * - `POST {api}/dossiers`, `…/dossiers/{id}/supplements`, `…/dossiers/{id}/withdrawal`: a bearer
 *   token and an `Idempotency-Key` required; the first request with a key is taken (recorded in
 *   `taken`, a 'submitted' one gets the province's own code `TN-000001`…), any later one with the
 *   same key gets the first answer again and is counted in `replays`.
 * - Faults (`faults`, mutable at any time): `status500` answers 500 to the next N API requests;
 *   `delayMs` answers late; `loseAnswers` takes the next N messages and then drops the connection
 *   before answering (the answer is lost, the message is not); `refuse(message)` answers a 4xx
 *   of the test's choosing; `down()` / `up()` stop and restart listening on the same port.
 * - `GET {api}/dossiers/{id}/files/{sha256}`: a bearer token required; the bytes the test put in
 *   `files` under that SHA-256 (they may be anything: a test of a bad copy puts other bytes), 404
 *   otherwise; `status500` and `delayMs` apply, and each request is recorded in `fileRequests`.
 * - `readPortalFile(dossierId, sha256, options)`: reads an applicant's file from the portal
 *   (GET /api/relay/files/…, signed over the request line), as a province processing it would.
 * - Callbacks: `notify(event, options)` posts a status event to the portal's callback URL,
 *   signed with the shared secret — or with a bad signature, an old timestamp, twice;
 *   `notifyAll(events, { order })` posts several as given, reversed, or shuffled.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { StatusEvent } from '../contract.ts'
import { FILES_PATH, signedRequestLine } from '../files.ts'
import { SIGNATURE_HEADER, sign, TIMESTAMP_HEADER } from '../signature.ts'

export const API_PATH = '/motcua/v1'

export interface TakenMessage {
  key: string
  dossierId: string
  kind: string
  payload: unknown
  externalCode?: string
  /** Epoch ms when the province took it. */
  at: number
}

export interface ProvinceFaults {
  status500: number
  delayMs: number
  loseAnswers: number
  refuse?: (message: { dossierId: string; kind: string; key: string }) => number | undefined
}

export interface ProvinceOptions {
  clientId?: string
  clientSecret?: string
  callbackSecret?: string
  tokenLifetimeS?: number
  /** Where `notify` posts (the BFF's callback URL); settable later. */
  callbackUrl?: string
}

export interface NotifyOptions {
  badSignature?: boolean
  /** Unix seconds to sign with (default now). */
  timestamp?: number
  /** Post the same signed request twice (a callback retried). */
  twice?: boolean
}

export interface CallbackAnswer {
  status: number
  body: unknown
}

export interface PortalFile {
  status: number
  headers: Headers
  bytes: Buffer
}

interface Answer {
  status: number
  body: string | Buffer
  type?: string
}

export interface Province {
  url: string
  tokenUrl: string
  port: number
  clientId: string
  clientSecret: string
  callbackSecret: string
  callbackUrl: string | undefined
  faults: ProvinceFaults
  /** Messages taken, in the order taken (each key once). */
  taken: TakenMessage[]
  /** Requests with a key already taken. */
  replays: number
  /** Every API request: key, the status answered (lost answers as 0), epoch ms when it arrived. */
  requests: { key: string | undefined; status: number; at: number }[]
  tokensIssued: number
  /** Files the province holds, by the SHA-256 it names them with. */
  files: Map<string, Buffer>
  /** Paths of the file requests, in order. */
  fileRequests: string[]
  revokeTokens(): void
  down(): Promise<void>
  up(): Promise<void>
  notify(event: StatusEvent, options?: NotifyOptions): Promise<CallbackAnswer>
  readPortalFile(dossierId: string, sha256: string, options?: NotifyOptions): Promise<PortalFile>
  notifyAll(events: StatusEvent[], options?: { order?: 'as-given' | 'reversed' | 'shuffled'; random?: () => number }): Promise<CallbackAnswer[]>
  close(): Promise<void>
}

const json = (status: number, body: unknown): Answer => ({ status, body: JSON.stringify(body) })

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startProvince(options: ProvinceOptions = {}): Promise<Province> {
  const clientId = options.clientId ?? 'portal-relay'
  const clientSecret = options.clientSecret ?? randomBytes(16).toString('hex')
  const callbackSecret = options.callbackSecret ?? randomBytes(32).toString('hex')
  const lifetime = options.tokenLifetimeS ?? 3600
  const tokens = new Map<string, number>()
  const answers = new Map<string, Answer>()
  const sockets = new Set<Socket>()
  let codes = 0

  const province = {
    url: '',
    tokenUrl: '',
    port: 0,
    clientId,
    clientSecret,
    callbackSecret,
    callbackUrl: options.callbackUrl,
    faults: { status500: 0, delayMs: 0, loseAnswers: 0 } as ProvinceFaults,
    taken: [] as TakenMessage[],
    replays: 0,
    requests: [] as { key: string | undefined; status: number; at: number }[],
    tokensIssued: 0,
    files: new Map<string, Buffer>(),
    fileRequests: [] as string[],
  }

  const authorised = (req: IncomingMessage) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    const expires = bearer === undefined ? undefined : tokens.get(bearer)
    return expires !== undefined && expires >= Date.now()
  }

  function token(req: IncomingMessage, body: string): Answer {
    const expected = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`
    if (req.headers.authorization !== expected) return json(401, { error: 'invalid_client' })
    if (new URLSearchParams(body).get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' })
    const value = randomBytes(24).toString('base64url')
    tokens.set(value, Date.now() + lifetime * 1000)
    province.tokensIssued++
    return json(200, { access_token: value, token_type: 'Bearer', expires_in: lifetime })
  }

  function file(req: IncomingMessage, path: string): Answer {
    province.fileRequests.push(path)
    if (!authorised(req)) return json(401, { error: 'invalid_token' })
    if (province.faults.status500 > 0) {
      province.faults.status500--
      return json(500, { error: 'internal' })
    }
    const sha256 = new RegExp(`^${API_PATH}/dossiers/[^/]+/files/([0-9a-f]{64})$`).exec(path)?.[1]
    const bytes = sha256 === undefined ? undefined : province.files.get(sha256)
    return bytes ? { status: 200, body: bytes, type: 'application/octet-stream' } : json(404, { error: 'no such file' })
  }

  function message(req: IncomingMessage, body: string, path: string): Answer | 'lose' {
    if (!authorised(req)) return json(401, { error: 'invalid_token' })
    const key = req.headers['idempotency-key']
    if (typeof key !== 'string' || key === '') return json(400, { error: 'Idempotency-Key required' })
    const seen = answers.get(key)
    if (seen) {
      province.replays++
      return seen
    }
    if (province.faults.status500 > 0) {
      province.faults.status500--
      return json(500, { error: 'internal' })
    }
    const route = new RegExp(`^${API_PATH}/dossiers(?:/([^/]+)/(supplements|withdrawal))?$`).exec(path)
    if (!route) return json(404, { error: 'no such API' })
    let parsed: { dossierId?: unknown; kind?: unknown; payload?: unknown }
    try {
      parsed = JSON.parse(body) as typeof parsed
    } catch {
      return json(400, { error: 'not JSON' })
    }
    const dossierId = String(parsed.dossierId)
    const kind = String(parsed.kind)
    const refused = province.faults.refuse?.({ dossierId, kind, key })
    let answer: Answer
    if (refused !== undefined) answer = json(refused, { error: 'refused', detail: `dossier ${dossierId} refused` })
    else {
      const externalCode = kind === 'submitted' ? `TN-${String(++codes).padStart(6, '0')}` : undefined
      province.taken.push({ key, dossierId, kind, payload: parsed.payload, ...(externalCode ? { externalCode } : {}), at: Date.now() })
      answer = json(kind === 'submitted' ? 201 : 200, externalCode ? { externalCode } : {})
    }
    // Final answers are kept for the key; a 5xx is not (the sender is meant to try again).
    if (answer.status < 500) answers.set(key, answer)
    if (province.faults.loseAnswers > 0) {
      province.faults.loseAnswers--
      return 'lose'
    }
    return answer
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = Date.now()
    const body = await readBody(req)
    const path = new URL(req.url ?? '/', 'http://province').pathname
    if (req.method === 'POST' && path === '/token') {
      const answer = token(req, body)
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body)
      return
    }
    if (province.faults.delayMs > 0) await new Promise((r) => setTimeout(r, province.faults.delayMs))
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined
    const answer = req.method === 'POST' ? message(req, body, path) : req.method === 'GET' ? file(req, path) : json(405, { error: 'GET or POST only' })
    if (answer === 'lose') {
      province.requests.push({ key, status: 0, at: arrived })
      req.socket.destroy()
      return
    }
    province.requests.push({ key, status: answer.status, at: arrived })
    res.writeHead(answer.status, { 'Content-Type': answer.type ?? 'application/json' }).end(answer.body)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        const address = server.address()
        resolve(typeof address === 'object' && address ? address.port : port)
      })
    })
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
    })

  const port = await listen(0)
  province.port = port
  province.url = `http://127.0.0.1:${port}${API_PATH}`
  province.tokenUrl = `http://127.0.0.1:${port}/token`

  async function post(body: string, timestamp: string, signature: string): Promise<CallbackAnswer> {
    if (!province.callbackUrl) throw new Error('the province has no callback URL')
    const res = await fetch(province.callbackUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature },
      body,
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined }
  }

  async function notify(event: StatusEvent, o: NotifyOptions = {}): Promise<CallbackAnswer> {
    const body = JSON.stringify(event)
    const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000))
    const signature = sign(o.badSignature ? `${callbackSecret}-wrong` : callbackSecret, timestamp, Buffer.from(body))
    const first = await post(body, timestamp, signature)
    return o.twice ? post(body, timestamp, signature) : first
  }

  async function readPortalFile(dossierId: string, sha256: string, o: NotifyOptions = {}): Promise<PortalFile> {
    if (!province.callbackUrl) throw new Error('the province has no callback URL')
    const url = new URL(`${FILES_PATH}/${dossierId}/${sha256}`, province.callbackUrl)
    const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000))
    const signature = sign(o.badSignature ? `${callbackSecret}-wrong` : callbackSecret, timestamp, signedRequestLine(url.pathname))
    const res = await fetch(url, { headers: { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature } })
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
  }

  return Object.assign(province, {
    readPortalFile,
    revokeTokens: () => tokens.clear(),
    down: stop,
    up: async () => void (await listen(port)),
    notify,
    async notifyAll(events: StatusEvent[], o: { order?: 'as-given' | 'reversed' | 'shuffled'; random?: () => number } = {}) {
      const ordered = [...events]
      if (o.order === 'reversed') ordered.reverse()
      if (o.order === 'shuffled') {
        const random = o.random ?? Math.random
        for (let i = ordered.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1))
          ;[ordered[i], ordered[j]] = [ordered[j]!, ordered[i]!]
        }
      }
      const answers: CallbackAnswer[] = []
      for (const event of ordered) answers.push(await notify(event))
      return answers
    },
    close: stop,
  })
}
