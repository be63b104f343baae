/**
 * The dossier's result on the device: downloaded once (GET /api/dossiers/{id}/result), its bytes
 * hashed here and compared with the SHA-256 the dossier's view published (`progress.result`) and
 * with the answer's `Repr-Digest` (RFC 9530, `sha-256=:<base64>:`), and only then stored in
 * `results`, so it opens with no network. A mismatch stores nothing and says so: a file cut short
 * by a weak connection is never kept as the result.
 */
import type { PortalDb } from '../db.ts'
import { sha256Hex } from '../files/hash.ts'
import type { DossierRow, ResultRow } from './types.ts'

export type ResultOutcome = { ok: true; row: ResultRow } | { ok: false; reason: 'not-ready' | 'network' | 'server' | 'mismatch' }

/** The hex SHA-256 a `Repr-Digest` header gives, if it gives one. */
export function digestHex(header: string | null): string | undefined {
  const base64 = header?.match(/(?:^|,)\s*sha-256=:([A-Za-z0-9+/=]+):/)?.[1]
  if (!base64) return undefined
  return Array.from(atob(base64), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('')
}

export async function downloadResult(db: PortalDb, row: DossierRow, fetch = globalThis.fetch, now = Date.now()): Promise<ResultOutcome> {
  const expected = row.view?.progress?.result
  if (!expected) return { ok: false, reason: 'not-ready' }
  let res: Response
  let bytes: ArrayBuffer
  try {
    res = await fetch(`/api/dossiers/${row.id}/result`, { credentials: 'same-origin' })
    if (!res.ok) return { ok: false, reason: res.status >= 500 ? 'network' : 'server' }
    bytes = await res.arrayBuffer()
  } catch {
    return { ok: false, reason: 'network' }
  }
  const actual = await sha256Hex(bytes)
  const announced = digestHex(res.headers.get('Repr-Digest'))
  if (actual !== expected.sha256.toLowerCase() || (announced !== undefined && announced !== actual)) return { ok: false, reason: 'mismatch' }
  const stored: ResultRow = {
    dossierId: row.id,
    accountSub: row.accountSub,
    sha256: actual,
    name: expected.name,
    type: expected.type,
    size: bytes.byteLength,
    blob: new Blob([bytes], { type: expected.type }),
    downloadedAt: now,
  }
  await db.results.put(stored)
  return { ok: true, row: stored }
}
