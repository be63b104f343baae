/**
 * POST /api/dossiers and what its answer means for the item. The same id with the same content
 * answers the first receipt again (200), so a retry after a lost answer is safe; the same id with
 * other content is a 409 carrying the server's dossier.
 */
import type { DossierReceipt, DossierSubmission, DossierView } from '@portal/shared/dossiers/schema'
import { isReceipt, isView } from '../dossiers/shape.ts'
import type { OutboxProblem } from './types.ts'

export type SendResult =
  | { kind: 'accepted'; receipt: DossierReceipt }
  | { kind: 'conflict'; problem: OutboxProblem; dossier?: DossierView }
  | { kind: 'refused'; problem: OutboxProblem }
  | { kind: 'auth' }
  | { kind: 'unreachable'; status: number }

interface ProblemBody {
  type?: string
  title?: string
  detail?: string
  errors?: { path?: string; message: string }[]
  dossier?: unknown
}

/** The problem's stable type (the URI's last segment) and the server's own words. */
export function toProblem(status: number, body: ProblemBody): OutboxProblem {
  return {
    type: body.type?.split('/').pop() ?? 'http-error',
    message: body.detail ?? body.title ?? `HTTP ${status}`,
    status,
    ...(body.errors?.length ? { problems: body.errors.map(({ path, message }) => ({ ...(path ? { path } : {}), message })) } : {}),
  }
}

export async function sendSubmission(fetch: typeof globalThis.fetch, origin: string, payload: DossierSubmission): Promise<SendResult> {
  let res: Response
  try {
    res = await fetch(new URL('/api/dossiers', origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'portal' },
      body: JSON.stringify(payload),
      credentials: 'same-origin',
    })
  } catch {
    return { kind: 'unreachable', status: 0 }
  }
  const body = (await res.json().catch(() => ({}))) as ProblemBody
  if (res.status === 200 || res.status === 201) {
    // An answer we cannot read is not a confirmation: keep everything and ask again later.
    return isReceipt(body) ? { kind: 'accepted', receipt: body } : { kind: 'unreachable', status: res.status }
  }
  if (res.status === 401) return { kind: 'auth' }
  if (res.status === 409) {
    return { kind: 'conflict', problem: toProblem(409, body), ...(isView(body.dossier) ? { dossier: body.dossier } : {}) }
  }
  if (res.status >= 400 && res.status < 500 && ![408, 425, 429].includes(res.status)) return { kind: 'refused', problem: toProblem(res.status, body) }
  return { kind: 'unreachable', status: res.status }
}
