/**
 * A fault-injecting TCP proxy for HTTP/1.1 on 127.0.0.1, between a scripted client and the real
 * BFF on a real port (design.md "Pitfalls": fault and load tests only against 127.0.0.1).
 *
 * It reads just enough HTTP to know where a request's head and body end and where the answer
 * starts, and can drop a connection at four moments of a request:
 *
 * - `before-request`: the request head has arrived from the client; nothing reaches the server.
 * - `mid-upload`: the head and the first N bytes of the body reach the server (N uniform in
 *   [0, Content-Length)), then the link drops. Requests without a body never get this one.
 * - `after-commit`: the whole request reaches the server, which answers (so it has done its
 *   work: a tus PATCH is written, a dossier committed); the answer's first bytes arrive from the
 *   server and the client's socket is destroyed before any of them is forwarded.
 * - `mid-response`: the answer is forwarded up to byte K (K uniform in [1, length)), then the
 *   link drops.
 *
 * Each request travels on its own connection: the proxy rewrites the request head to
 * `Connection: close`, so that "this connection" and "this request" are one thing and a fault
 * hits exactly one request (clients open a new connection for the next one, as after any drop).
 *
 * Deterministic from a seed: one PRNG stream, drawn in the order requests arrive (whether to
 * fault, which phase, where in the body or answer). With concurrent clients that order varies
 * between runs, so the same seed gives the same kind of run, not the same bytes; the proxy
 * counts what it did (`counts`).
 *
 * `cutEveryUpstreamBytes`: independently of the random faults, drop the link each time the
 * bytes forwarded to the server (all connections together) cross a multiple of it (the
 * 'resume' bench: a link that dies every megabyte).
 *
 * `onExchange`: told, when a connection closes, which request it carried, the answer's status
 * and the bytes each way on the client's side (the 'reconnect' bench counts by kind of request).
 */
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { prng } from '@portal/shared/random/prng'

export const PHASES = ['before-request', 'mid-upload', 'after-commit', 'mid-response'] as const
export type Phase = (typeof PHASES)[number]

export interface RequestInfo {
  method: string
  path: string
  /** Content-Length; undefined for a chunked body (then `mid-upload` is not offered). */
  bodyLength: number | undefined
  headers: ReadonlyMap<string, string>
}

export interface ProxyOptions {
  /** The server behind the proxy (127.0.0.1 only). */
  target: { host: '127.0.0.1'; port: number }
  seed: number
  /** Probability that a request gets a fault (0 by default: a faithful proxy). */
  faultRate?: number
  /** Phases that may be injected (all by default). */
  phases?: readonly Phase[]
  /** Requests that may get a fault (all by default). */
  eligible?: (request: RequestInfo) => boolean
  /** Drop the link each time the bytes forwarded upstream cross a multiple of this. */
  cutEveryUpstreamBytes?: number
  /** Called once per connection, when it closes (one request per connection, see above). */
  onExchange?: (exchange: Exchange) => void
}

/** One connection as the client saw it. */
export interface Exchange {
  /** The request it carried; undefined when no whole request head arrived (an unused preconnect). */
  request: Pick<RequestInfo, 'method' | 'path' | 'bodyLength'> | undefined
  /** The answer's status code, when an answer started to come back from the server. */
  status: number | undefined
  /** Bytes read from the client: the request head as sent (before the rewrite) and its body. */
  bytesFromClient: number
  /** Bytes written to the client. */
  bytesToClient: number
}

export interface ProxyCounts {
  connections: number
  requests: number
  faults: Record<Phase, number>
  /** Links dropped by `cutEveryUpstreamBytes`. */
  cuts: number
  /** Bytes read from clients (requests, including those never forwarded). */
  bytesFromClients: number
  bytesToServer: number
  bytesFromServer: number
  bytesToClients: number
}

export interface FaultProxy {
  /** http://127.0.0.1:<port> */
  url: string
  port: number
  counts: ProxyCounts
  /** Changes the fault rate from now on (e.g. 0 for a clean check at the end). */
  setFaultRate(rate: number): void
  close(): Promise<void>
}

const HEAD_END = Buffer.from('\r\n\r\n')
const MAX_HEAD = 64 * 1024

interface Decision {
  phase: Phase | undefined
  /** Where in [0, 1) the cut falls (body or answer), drawn with the decision. */
  at: number
}

function parseHead(head: string): { method: string; path: string; headers: Map<string, string>; lines: string[] } {
  const lines = head.split('\r\n')
  const [method = '', path = ''] = (lines[0] ?? '').split(' ')
  const headers = new Map<string, string>()
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return { method, path, headers, lines }
}

/** The head as forwarded: `Connection: close`, any keep-alive headers dropped. */
function rewriteHead(lines: string[]): Buffer {
  const kept = lines.filter((line, i) => i === 0 || !/^(connection|keep-alive|proxy-connection)\s*:/i.test(line))
  kept.push('Connection: close')
  return Buffer.from(`${kept.join('\r\n')}\r\n\r\n`, 'latin1')
}

export async function startFaultProxy(options: ProxyOptions): Promise<FaultProxy> {
  if (options.target.host !== '127.0.0.1') throw new Error('the fault proxy talks to 127.0.0.1 only')
  const random = prng(options.seed)
  let faultRate = options.faultRate ?? 0
  const phases = options.phases ?? PHASES
  const counts: ProxyCounts = {
    connections: 0,
    requests: 0,
    faults: { 'before-request': 0, 'mid-upload': 0, 'after-commit': 0, 'mid-response': 0 },
    cuts: 0,
    bytesFromClients: 0,
    bytesToServer: 0,
    bytesFromServer: 0,
    bytesToClients: 0,
  }
  const sockets = new Set<Socket>()
  const cutEvery = options.cutEveryUpstreamBytes
  let nextCut = cutEvery ?? Infinity

  function decide(request: RequestInfo): Decision {
    // Always three draws, whatever the outcome, so that one request's kind does not shift the
    // stream for the next ones more than arrival order already does.
    const roll = random()
    const pick = random()
    const at = random()
    if (roll >= faultRate || (options.eligible && !options.eligible(request))) return { phase: undefined, at }
    const applicable = phases.filter((p) => p !== 'mid-upload' || (request.bodyLength ?? 0) > 0)
    if (applicable.length === 0) return { phase: undefined, at }
    return { phase: applicable[Math.floor(pick * applicable.length)], at }
  }

  function handle(client: Socket): void {
    counts.connections++
    sockets.add(client)
    const upstream = createConnection({ host: options.target.host, port: options.target.port })
    sockets.add(upstream)
    let dead = false
    let headBuffer: Buffer = Buffer.alloc(0)
    let inBody = false
    let bodyForwarded = 0
    let cutBodyAt = Infinity
    let decision: Decision = { phase: undefined, at: 0 }
    let responseSeen = 0
    let responseHead: Buffer | undefined = Buffer.alloc(0)
    let cutResponseAt = Infinity
    const exchange: Exchange = { request: undefined, status: undefined, bytesFromClient: 0, bytesToClient: 0 }

    const kill = () => {
      if (dead) return
      dead = true
      client.destroy()
      upstream.destroy()
    }
    /** Forwards `bytes` to the server, then drops the link once they are handed to the kernel. */
    const forwardThenKill = (bytes: Buffer) => {
      dead = true
      client.destroy()
      counts.bytesToServer += bytes.length
      if (bytes.length === 0) upstream.destroy()
      else upstream.write(bytes, () => upstream.destroy())
    }
    const toServer = (bytes: Buffer) => {
      if (bytes.length === 0) return
      if (upstream.write(bytes) === false) client.pause()
    }

    /** Body bytes (or head bytes) on their way up: applies the mid-upload fault and the byte cuts. */
    const up = (bytes: Buffer, isBody: boolean) => {
      if (isBody && decision.phase === 'mid-upload' && bodyForwarded + bytes.length > cutBodyAt) {
        counts.faults['mid-upload']++
        return forwardThenKill(bytes.subarray(0, cutBodyAt - bodyForwarded))
      }
      if (counts.bytesToServer + bytes.length >= nextCut) {
        const keep = nextCut - counts.bytesToServer
        nextCut += cutEvery!
        counts.cuts++
        return forwardThenKill(bytes.subarray(0, keep))
      }
      counts.bytesToServer += bytes.length
      if (isBody) bodyForwarded += bytes.length
      toServer(bytes)
    }

    client.on('data', (chunk: Buffer) => {
      counts.bytesFromClients += chunk.length
      exchange.bytesFromClient += chunk.length
      if (dead) return
      if (inBody) return up(chunk, true)
      headBuffer = Buffer.concat([headBuffer, chunk])
      const end = headBuffer.indexOf(HEAD_END)
      if (end < 0) {
        if (headBuffer.length > MAX_HEAD) kill()
        return
      }
      const { method, path, headers, lines } = parseHead(headBuffer.subarray(0, end).toString('latin1'))
      const rest = headBuffer.subarray(end + HEAD_END.length)
      headBuffer = Buffer.alloc(0)
      counts.requests++
      const chunked = /chunked/i.test(headers.get('transfer-encoding') ?? '')
      const bodyLength = chunked ? undefined : Number(headers.get('content-length') ?? 0)
      decision = decide({ method, path, bodyLength, headers })
      exchange.request = { method, path, bodyLength }
      if (decision.phase === 'before-request') {
        counts.faults['before-request']++
        return kill()
      }
      if (decision.phase === 'mid-upload') cutBodyAt = Math.floor(decision.at * (bodyLength ?? 0))
      inBody = true
      up(rewriteHead(lines), false)
      if (!dead && rest.length > 0) up(rest, true)
    })

    upstream.on('drain', () => client.resume())
    client.on('drain', () => upstream.resume())

    upstream.on('data', (chunk: Buffer) => {
      counts.bytesFromServer += chunk.length
      if (exchange.status === undefined) exchange.status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(chunk.subarray(0, 16).toString('latin1'))?.[1] ?? 0)
      if (dead) return
      if (decision.phase === 'after-commit') {
        counts.faults['after-commit']++
        return kill()
      }
      let bytes = chunk
      if (decision.phase === 'mid-response' && responseHead) {
        // Hold the answer until its head is complete: its length tells where K may fall.
        responseHead = Buffer.concat([responseHead, chunk])
        const end = responseHead.indexOf(HEAD_END)
        if (end < 0 && responseHead.length < MAX_HEAD) return
        const length = Number(parseHead(responseHead.subarray(0, Math.max(end, 0)).toString('latin1')).headers.get('content-length') ?? 0)
        const total = end + HEAD_END.length + length
        cutResponseAt = 1 + Math.floor(decision.at * Math.max(1, total - 1))
        bytes = responseHead
        responseHead = undefined
      }
      if (responseSeen + bytes.length >= cutResponseAt) {
        const part = bytes.subarray(0, cutResponseAt - responseSeen)
        counts.faults['mid-response']++
        counts.bytesToClients += part.length
        exchange.bytesToClient += part.length
        dead = true
        upstream.destroy()
        client.write(part, () => client.destroy())
        return
      }
      responseSeen += bytes.length
      counts.bytesToClients += bytes.length
      exchange.bytesToClient += bytes.length
      if (client.write(bytes) === false) upstream.pause()
    })

    upstream.on('end', () => {
      if (dead) return
      // A held answer shorter than its head promised: forward what there is.
      if (responseHead && responseHead.length > 0) {
        counts.bytesToClients += responseHead.length
        exchange.bytesToClient += responseHead.length
        client.write(responseHead)
      }
      client.end()
    })
    client.on('end', () => {
      if (!dead) upstream.end()
    })
    upstream.on('error', kill)
    client.on('error', kill)
    upstream.on('close', () => {
      sockets.delete(upstream)
      if (!client.writableEnded) client.destroy()
    })
    client.on('close', () => {
      sockets.delete(client)
      dead = true
      upstream.destroy()
      options.onExchange?.(exchange)
    })
  }

  const server: Server = createServer({ allowHalfOpen: true }, handle)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    counts,
    setFaultRate(rate) {
      faultRate = rate
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
