/**
 * Test support: a fake BFF that speaks the outbox's protocols at the fetch level (the session,
 * tus creation/HEAD/PATCH with the SHA-256 checked at the end, POST /api/dossiers with replay
 * and conflict, GET /api/dossiers/{id}, the follow-ups of issue 7 — supplements, withdrawal,
 * rating — with their replay and their 409 when the dossier's state does not allow them), and a fetch-based HTTP stack for tus-js-client so its
 * requests reach that fake rather than XMLHttpRequest. Nothing else is mocked.
 */
import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client'
import * as v from 'valibot'
import { DossierSubmissionSchema, type DossierReceipt, type DossierSubmission, type DossierView } from '@portal/shared/dossiers/schema'
import type { FileRow } from '../db.ts'

export const ORIGIN = 'http://portal.test'

// Node's own Blob and hash: happy-dom's Blob does not survive fake-indexeddb's structured clone.
// (Loaded by name: the app's tsconfig has no Node types.)
const { Blob: NodeBlob } = (await import('node:buffer' as string)) as { Blob: typeof Blob }
const { createHash } = (await import('node:crypto' as string)) as { createHash(kind: 'sha256'): { update(b: Uint8Array): { digest(e: 'hex'): string } } }

/** tus-js-client's HTTP stack over a fetch function. */
export function fetchHttpStack(fetch: typeof globalThis.fetch): HttpStack {
  return {
    getName: () => 'fetch',
    createRequest(method: string, url: string): HttpRequest {
      const headers: Record<string, string> = {}
      const controller = new AbortController()
      let progress: (sent: number) => void = () => undefined
      return {
        getMethod: () => method,
        getURL: () => url,
        setHeader: (name, value) => void (headers[name] = value),
        getHeader: (name) => headers[name],
        setProgressHandler: (handler) => void (progress = handler),
        async send(body?: Blob): Promise<HttpResponse> {
          const res = await fetch(url, { method, headers, body: body ?? null, signal: controller.signal })
          const text = await res.text()
          if (body) progress(body.size)
          return { getStatus: () => res.status, getHeader: (name) => res.headers.get(name) ?? undefined, getBody: () => text, getUnderlyingObject: () => res }
        },
        abort: async () => controller.abort(),
        getUnderlyingObject: () => controller,
      }
    },
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } })

const problem = (status: number, type: string, title: string, extra: Record<string, unknown> = {}) =>
  json(status, { type: `https://dichvucong.example/problems/${type}`, title, status, ...extra })

interface TusUpload {
  sha256: string
  type: string
  owner: string
  length: number
  bytes: Uint8Array
  complete: boolean
}

export interface FakeServer {
  fetch: typeof globalThis.fetch
  /** Who the session cookie belongs to (null: signed out). */
  signedIn: string | null
  /** No network: every request fails as fetch does offline. */
  offline: boolean
  /** Answers POST /api/dossiers instead of the normal intake when it returns a Response. */
  intercept?: (submission: DossierSubmission) => Response | undefined
  /** Refuses these files at the end of their upload, as a hash or type check would. */
  refuse: Set<string>
  dossiers: Map<string, { owner: string; submission: DossierSubmission; view: DossierView }>
  /** Follow-ups applied, by their id: the body as sent. */
  followUps: Map<string, string>
  uploads: Map<string, TusUpload>
  /** Every request, as `METHOD path`. */
  log: string[]
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function metadata(header: string | null): Record<string, string> {
  return Object.fromEntries((header ?? '').split(',').filter(Boolean).map((pair) => {
    const [key, value = ''] = pair.trim().split(' ')
    return [key, new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)))]
  }))
}

export function fakeServer(): FakeServer {
  let serial = 0
  const server: FakeServer = {
    signedIn: 'alice',
    offline: false,
    refuse: new Set(),
    dossiers: new Map(),
    followUps: new Map(),
    uploads: new Map(),
    log: [],
    fetch: async (input, init = {}) => {
      const url = new URL(String(input instanceof Request ? input.url : input), ORIGIN)
      const method = (init.method ?? 'GET').toUpperCase()
      server.log.push(`${method} ${url.pathname}`)
      if (server.offline) throw new TypeError('Failed to fetch')
      const headers = new Headers(init.headers)
      const path = url.pathname
      if (path === '/api/session') return json(200, server.signedIn ? { authenticated: true, user: { sub: server.signedIn } } : { authenticated: false })
      if (path.startsWith('/api/uploads/')) {
        if (headers.get('X-Requested-With') !== 'portal') return problem(403, 'forbidden-origin', 'Yêu cầu bị từ chối')
        if (!server.signedIn) return problem(401, 'unauthorized', 'Chưa đăng nhập')
        return tus(method, path, headers, init.body as Blob | null)
      }
      if (path === '/api/dossiers' && method === 'POST') return intake(String(init.body))
      const followUp = /^\/api\/dossiers\/([0-9a-f-]{36})\/(supplements|withdrawal|rating)$/.exec(path)
      if (followUp && method === 'POST') return applyFollowUp(followUp[1]!, followUp[2]!, String(init.body))
      const one = /^\/api\/dossiers\/([0-9a-f-]{36})$/.exec(path)
      if (one && method === 'GET') {
        const found = server.dossiers.get(one[1]!)
        return found && found.owner === server.signedIn ? json(200, found.view) : problem(404, 'not-found', 'Không tìm thấy')
      }
      return problem(404, 'not-found', 'Không tìm thấy')
    },
  }

  async function tus(method: string, path: string, headers: Headers, body: Blob | null): Promise<Response> {
    if (method === 'POST') {
      const meta = metadata(headers.get('Upload-Metadata'))
      const id = `u${++serial}`
      server.uploads.set(id, { sha256: meta.sha256 ?? '', type: meta.filetype ?? '', owner: server.signedIn!, length: Number(headers.get('Upload-Length')), bytes: new Uint8Array(), complete: false })
      return new Response(null, { status: 201, headers: { Location: `/api/uploads/${id}`, 'Tus-Resumable': '1.0.0' } })
    }
    const upload = server.uploads.get(path.split('/').pop()!)
    if (!upload || upload.owner !== server.signedIn) return problem(404, 'not-found', 'Không có lượt tải lên này')
    const offset = { 'Upload-Offset': String(upload.bytes.length), 'Upload-Length': String(upload.length), 'Tus-Resumable': '1.0.0' }
    if (method === 'HEAD') return new Response(null, { status: 200, headers: offset })
    if (method !== 'PATCH' || Number(headers.get('Upload-Offset')) !== upload.bytes.length) return problem(409, 'upload-protocol', 'Sai vị trí')
    const chunk = new Uint8Array(body ? await body.arrayBuffer() : new ArrayBuffer(0))
    const joined = new Uint8Array(upload.bytes.length + chunk.length)
    joined.set(upload.bytes)
    joined.set(chunk, upload.bytes.length)
    upload.bytes = joined
    if (upload.bytes.length === upload.length) {
      if (sha(upload.bytes) !== upload.sha256 || server.refuse.has(upload.sha256)) {
        server.uploads.delete(path.split('/').pop()!)
        return problem(422, 'upload-hash-mismatch', 'Tệp nhận được không khớp mã băm', { detail: 'Tệp bị hỏng khi gửi; hãy gửi lại.' })
      }
      upload.complete = true
    }
    return new Response(null, { status: 204, headers: { ...offset, 'Upload-Offset': String(upload.bytes.length) } })
  }

  /** The step each follow-up needs and gives: [allowed statuses, status after]. */
  const STEPS: Record<string, [DossierView['status'][], DossierView['status']]> = {
    supplements: [['supplementRequested'], 'accepted'],
    withdrawal: [['registered', 'accepted', 'supplementRequested'], 'withdrawn'],
    rating: [['returned'], 'returned'],
  }

  function applyFollowUp(dossierId: string, kind: string, body: string): Response {
    if (!server.signedIn) return problem(401, 'unauthorized', 'Chưa đăng nhập')
    const dossier = server.dossiers.get(dossierId)
    if (!dossier || dossier.owner !== server.signedIn) return problem(404, 'not-found', 'Không tìm thấy')
    const sent = JSON.parse(body) as { id: string; level?: 'satisfied'; components?: { files: { sha256: string }[] }[] }
    const seen = server.followUps.get(sent.id)
    if (seen !== undefined) return seen === body ? json(200, dossier.view) : problem(409, 'follow-up-conflict', 'Đã gửi với nội dung khác')
    const [allowed, next] = STEPS[kind]!
    const view = dossier.view
    if (!allowed.includes(view.status) || (kind === 'rating' && view.progress?.rating)) {
      return problem(409, 'dossier-state', 'Hồ sơ không ở bước cho phép việc này', { detail: 'Hồ sơ không còn ở bước này.', dossier: view })
    }
    const mine = [...server.uploads.values()].filter((u) => u.complete && u.owner === server.signedIn).map((u) => u.sha256)
    if ((sent.components ?? []).flatMap((c) => c.files).some((f) => !mine.includes(f.sha256))) return problem(422, 'file-not-uploaded', 'Thiếu tệp')
    server.followUps.set(sent.id, body)
    const at = '2026-11-28T09:00:00+07:00'
    const seq = Math.max(...[...server.dossiers.values()].map((d) => d.view.seq)) + 1
    const rating = kind === 'rating' ? { rating: { level: sent.level ?? 'satisfied', ratedAt: at } } : {}
    dossier.view = { ...view, status: next, seq, updatedAt: at, history: next === view.status ? view.history : [...view.history, { status: next, at }], progress: { ...view.progress, ...rating } }
    return json(200, dossier.view)
  }

  function intake(body: string): Response {
    if (!server.signedIn) return problem(401, 'unauthorized', 'Chưa đăng nhập')
    const parsed = v.safeParse(DossierSubmissionSchema, JSON.parse(body))
    if (!parsed.success) return problem(400, 'invalid-input', 'Dữ liệu gửi lên không hợp lệ')
    const submission = parsed.output
    const intercepted = server.intercept?.(submission)
    if (intercepted) return intercepted
    const known = server.dossiers.get(submission.id)
    if (known) {
      return JSON.stringify(known.submission) === JSON.stringify(submission)
        ? json(200, known.view.receipt)
        : problem(409, 'dossier-conflict', 'Hồ sơ đã được nộp với nội dung khác', { dossier: known.view })
    }
    const mine = [...server.uploads.values()].filter((u) => u.complete && u.owner === server.signedIn).map((u) => u.sha256)
    const missing = submission.components.flatMap((c) => c.files).filter((f) => !mine.includes(f.sha256))
    if (missing.length) return problem(422, 'file-not-uploaded', 'Thiếu tệp', { errors: missing.map((f) => ({ path: f.name, message: 'Tệp chưa được tải lên' })) })
    const n = server.dossiers.size + 1
    const receipt: DossierReceipt = {
      id: submission.id,
      code: `000.00.31.H55-261127-${String(n).padStart(4, '0')}`,
      procedure: { code: submission.procedureCode, name: 'Đăng ký khai sinh' },
      agency: { code: '000.00.31.H55', name: 'UBND Phường Phan Đình Phùng' },
      applicant: { name: 'Nguyễn Văn An' },
      receivedAt: '2026-11-27T09:00:00+07:00',
      components: submission.components.map((c) => ({ componentId: c.componentId, label: c.componentId, files: c.files.map(({ name, sha256, size }) => ({ name, sha256, size })) })),
      resultDelivery: submission.resultDelivery,
    }
    const at = receipt.receivedAt
    const view: DossierView = { id: submission.id, code: receipt.code, procedureCode: submission.procedureCode, status: 'registered', submittedAt: at, updatedAt: at, seq: n, receipt, history: [{ status: 'registered', at }] }
    server.dossiers.set(submission.id, { owner: server.signedIn, submission, view })
    return json(201, receipt)
  }

  return server
}

/** A file row whose Blob survives fake-indexeddb (Node's Blob), with its real SHA-256. */
export function fileRow(draftId: string, componentId: string, name: string, content: string, createdAt = 1): FileRow {
  const bytes = new TextEncoder().encode(content)
  return { id: `${draftId}-${name}`, draftId, componentId, name, type: 'image/jpeg', size: bytes.length, sha256: sha(bytes), blob: new NodeBlob([bytes]), createdAt }
}
