// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone; happy-dom's does not.)
import Dexie from 'dexie'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openPortalDb, type PortalDb } from '../db.ts'
import { sha256Hex } from '../files/hash.ts'
import { digestHex, downloadResult } from './result.ts'
import type { DossierRow } from './types.ts'

let db: PortalDb
let name: string
beforeEach(async () => {
  name = `result-${Math.random()}`
  db = await openPortalDb(name)
})
afterEach(async () => {
  db.close()
  await Dexie.delete(name)
})

const bytes = new TextEncoder().encode('%PDF-1.7 kết quả')
const base64 = (hex: string) => btoa(String.fromCharCode(...hex.match(/../g)!.map((h) => parseInt(h, 16))))

async function row(): Promise<DossierRow> {
  const sha256 = await sha256Hex(bytes.buffer as ArrayBuffer)
  const result = { sha256, name: 'giay-khai-sinh.pdf', type: 'application/pdf', size: bytes.length, returnedAt: '2026-12-01T10:00:00+07:00' }
  return { id: 'd1', accountSub: 'alice', code: 'X', receipt: {} as DossierRow['receipt'], storedAt: 1, view: { progress: { result } } as DossierRow['view'] }
}

const answer = (body: Uint8Array, digest: string | null) => async () => new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { status: 200, headers: digest ? { 'Repr-Digest': digest } : {} })

it('keeps the result only when its bytes match the published SHA-256 and the Repr-Digest', async () => {
  const dossier = await row()
  const sha = dossier.view!.progress!.result!.sha256
  expect(digestHex(`sha-256=:${base64(sha)}:`)).toBe(sha)

  const cut = bytes.slice(0, 5)
  expect(await downloadResult(db, dossier, answer(cut, null))).toEqual({ ok: false, reason: 'mismatch' })
  expect(await downloadResult(db, dossier, answer(bytes, `sha-256=:${base64('00'.repeat(32))}:`))).toEqual({ ok: false, reason: 'mismatch' })
  expect(await db.results.count()).toBe(0)

  const kept = await downloadResult(db, dossier, answer(bytes, `sha-256=:${base64(sha)}:`), 7)
  expect(kept.ok).toBe(true)
  const stored = await db.results.get('d1')
  expect(stored).toMatchObject({ sha256: sha, name: 'giay-khai-sinh.pdf', size: bytes.length, downloadedAt: 7 })
  expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(bytes)
})

it('says why when it cannot download', async () => {
  const dossier = await row()
  expect(await downloadResult(db, dossier, async () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ ok: false, reason: 'network' })
  expect(await downloadResult(db, dossier, async () => new Response('{}', { status: 404 }))).toEqual({ ok: false, reason: 'server' })
  expect(await downloadResult(db, { ...dossier, view: undefined })).toEqual({ ok: false, reason: 'not-ready' })
})
