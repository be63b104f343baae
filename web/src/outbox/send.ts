/**
 * An item's POST and what its answer means for the item, whatever its kind:
 *
 *   submission  POST /api/dossiers                        → the receipt
 *   supplement  POST /api/dossiers/{dossier}/supplements  → the dossier's view
 *   withdrawal  POST /api/dossiers/{dossier}/withdrawal   → the dossier's view
 *   rating      POST /api/dossiers/{dossier}/rating       → the dossier's view
 *
 * The same id with the same content answers the first answer again (200), so a retry after a
 * lost answer is safe; the same id with other content, or a step the dossier's state no longer
 * allows, is a 409 (with the server's dossier when it sends one).
 */
import type { DossierReceipt, DossierView } from '@portal/shared/dossiers/schema'
import { isReceipt, isView } from '../dossiers/shape.ts'
import type { OutboxPayload, OutboxProblem } from './types.ts'

export type SendResult =
  | { kind: 'accepted'; receipt: DossierReceipt }
  | { kind: 'applied'; view: DossierView }
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

const FOLLOW_UP_PATHS = { supplement: 'supplements', withdrawal: 'withdrawal', rating: 'rating' } as const

/** Where an item is posted. */
export function itemPath(item: OutboxPayload & { dossierId: string }): string {
  return item.kind === 'submission' ? '/api/dossiers' : `/api/dossiers/${item.dossierId}/${FOLLOW_UP_PATHS[item.kind]}`
}

export async function sendItem(fetch: typeof globalThis.fetch, origin: string, item: OutboxPayload & { dossierId: string }): Promise<SendResult> {
  let res: Response
  try {
    res = await fetch(new URL(itemPath(item), origin), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'portal' },
      body: JSON.stringify(item.payload),
      credentials: 'same-origin',
    })
  } catch {
    return { kind: 'unreachable', status: 0 }
  }
  const body = (await res.json().catch(() => ({}))) as ProblemBody
  if (res.status === 200 || res.status === 201) {
    // An answer we cannot read is not a confirmation: keep everything and ask again later.
    if (item.kind === 'submission') return isReceipt(body) ? { kind: 'accepted', receipt: body } : { kind: 'unreachable', status: res.status }
    return isView(body) ? { kind: 'applied', view: body } : { kind: 'unreachable', status: res.status }
  }
  if (res.status === 401) return { kind: 'auth' }
  if (res.status === 409) {
    return { kind: 'conflict', problem: toProblem(409, body), ...(isView(body.dossier) ? { dossier: body.dossier } : {}) }
  }
  if (res.status >= 400 && res.status < 500 && ![408, 425, 429].includes(res.status)) return { kind: 'refused', problem: toProblem(res.status, body) }
  return { kind: 'unreachable', status: res.status }
}
