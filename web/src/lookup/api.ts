/**
 * The look-up as the app asks for it: GET /api/lookup/{code}, the answer checked against the
 * shared schema, every failure turned into one of the outcomes the page has words for. The code
 * is checked here first with the server's own rule (LookupCodeSchema), so a mistyped code costs
 * neither a request nor one of the 30 look-ups a minute.
 */
import * as v from 'valibot'
import { DossierLookupSchema, LookupCodeSchema, type DossierLookup } from '@portal/shared/lookup/schema'
import { log } from '../log.ts'

export type LookupResult =
  | { kind: 'found'; answer: DossierLookup }
  | { kind: 'empty' | 'invalid' | 'notFound' | 'offline' | 'failed' }
  | { kind: 'tooMany'; seconds: number }

/** @example normalizeCode(' 000.00.01.h55-260701-0001') === '000.00.01.H55-260701-0001' (undefined if malformed) */
export function normalizeCode(typed: string): string | undefined {
  const parsed = v.safeParse(LookupCodeSchema, typed)
  return parsed.success ? parsed.output : undefined
}

export async function lookUp(typed: string): Promise<LookupResult> {
  if (!typed.trim()) return { kind: 'empty' }
  const code = normalizeCode(typed)
  if (!code) return { kind: 'invalid' }
  let res: Response
  try {
    res = await fetch(`/api/lookup/${encodeURIComponent(code)}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
  } catch (error) {
    log.warn('look-up not sent', error)
    return { kind: 'offline' }
  }
  if (res.status === 400) return { kind: 'invalid' }
  if (res.status === 404) return { kind: 'notFound' }
  if (res.status === 429) return { kind: 'tooMany', seconds: Math.max(1, Number(res.headers.get('Retry-After')) || 60) }
  if (!res.ok) return { kind: 'failed' }
  const parsed = v.safeParse(DossierLookupSchema, await res.json().catch(() => undefined))
  if (!parsed.success) {
    log.warn('look-up answer rejected', parsed.issues)
    return { kind: 'failed' }
  }
  return { kind: 'found', answer: parsed.output }
}
