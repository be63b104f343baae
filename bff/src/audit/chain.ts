/**
 * The hash chain of the audit log. Each entry's hash is SHA-256 over a canonical serialisation
 * of the entry — seq, at, actor, action, target, details (keys sorted, recursively) and the
 * previous entry's hash — so changing, removing or reordering any entry breaks every hash
 * after it. The first entry's prev_hash is GENESIS.
 *
 * Format: the hex digest of `JSON.stringify([seq, at, actor, action, target, details, prevHash])`
 * with `details` rebuilt with sorted keys. Limits: the chain proves integrity against someone
 * who edits rows, not against someone who rewrites the whole chain from the point they changed
 * (anchoring the last hash elsewhere — a log shipped centrally — covers that).
 */
import { createHash } from 'node:crypto'

export const GENESIS = '0'.repeat(64)

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export interface AuditEntry {
  seq: number
  at: string
  actor: string | null
  action: string
  target: string | null
  details: { [key: string]: Json }
  prevHash: string
  hash: string
}

/** Same value, object keys in sorted order at every depth. */
export function canonical(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonical)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical(value[key] as Json)]),
    )
  }
  return value
}

/** @example entryHash({ seq: 1, at, actor: null, action: 'x', target: null, details: {}, prevHash: GENESIS }) */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const text = JSON.stringify([entry.seq, entry.at, entry.actor, entry.action, entry.target, canonical(entry.details), entry.prevHash])
  return createHash('sha256').update(text).digest('hex')
}

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; seq: number; reason: string }

/** Walks entries in seq order; stops at the first one whose link or hash is wrong. */
export function verifyChain(entries: Iterable<AuditEntry>): VerifyResult {
  let prev = GENESIS
  let expectedSeq = 1
  let count = 0
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { ok: false, count, seq: entry.seq, reason: `expected seq ${expectedSeq} (an entry is missing)` }
    if (entry.prevHash !== prev) return { ok: false, count, seq: entry.seq, reason: 'prev_hash does not match the previous entry' }
    if (entryHash(entry) !== entry.hash) return { ok: false, count, seq: entry.seq, reason: 'hash does not match the entry' }
    prev = entry.hash
    expectedSeq++
    count++
  }
  return { ok: true, count }
}
