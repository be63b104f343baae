/**
 * GET /api/relay/files/{dossierId}/{sha256} over a real socket, read by the test province as a
 * province processing the dossier would: the files named in the messages it took, signed over
 * the request line; nothing of another dossier, nothing unsigned.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DossierSubmission } from '@portal/shared/dossiers/schema'
import { reprDigest } from '../dossiers/result.ts'
import { fileBytes, ref, sha256, upload } from '../dossiers/testing.ts'
import { FILES_PATH, signedRequestLine } from './files.ts'
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.ts'
import { relayHarness, type Harness } from './testing/harness.ts'

let t: Harness
beforeEach(async () => {
  t = await relayHarness()
})
afterEach(() => t.close())

/** The file `submit(seed)` attaches (the harness's: a 2,000-byte JPEG made from the seed). */
const submittedFile = (seed: string) => fileBytes('image/jpeg', 2000, seed)

/** The hashes the province was told of, in the messages it took for `dossierId`. */
function hashesTaken(dossierId: string): string[] {
  return t.province.taken
    .filter((m) => m.dossierId === dossierId)
    .flatMap((m) => (m.payload as { submission?: DossierSubmission; components?: DossierSubmission['components'] }).submission?.components ?? (m.payload as { components: DossierSubmission['components'] }).components)
    .flatMap((c) => c.files.map((f) => f.sha256))
}

describe(`GET ${FILES_PATH}/{dossierId}/{sha256}`, () => {
  it('gives the province each file named in the dossier it took, with its type, size and digest', async () => {
    const d = await t.submit('giay-to')
    t.relay.start()
    await t.until(() => t.province.taken.some((m) => m.dossierId === d.id), 10_000, 'the dossier taken')
    const [hash] = hashesTaken(d.id)
    expect(hash).toBe(sha256(submittedFile('giay-to')))

    const file = await t.province.readPortalFile(d.id, hash!)
    expect(file.status).toBe(200)
    expect(file.bytes.equals(submittedFile('giay-to'))).toBe(true)
    expect(file.headers.get('Content-Type')).toBe('image/jpeg')
    expect(file.headers.get('Content-Length')).toBe('2000')
    expect(file.headers.get('Repr-Digest')).toBe(reprDigest(hash!))
    expect(t.logs.filter((l) => l.msg === 'file read by the one-stop-shop')).toHaveLength(1)
  })

  it('gives the files of a supplement too', async () => {
    const d = await t.submit()
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
    await t.province.notify({ dossierId: d.id, seq: 1, event: { type: 'receive', at: at(1), unit: '000.00.01.H55', processingTime: { amount: 5, unit: 'working-days' } } })
    await t.province.notify({ dossierId: d.id, seq: 2, event: { type: 'requestSupplement', at: at(2), items: [{ componentId: 'c1', description: 'Ảnh rõ hơn' }] } })
    const clearer = fileBytes('application/pdf', 3000, 'ro-hon')
    expect((await upload(t.app, t.applicant, clearer, { type: 'application/pdf', name: 'ro-hon.pdf' })).res.status).toBe(204)
    const supplement = { id: randomUUID(), components: [{ componentId: 'c1', files: [ref(clearer, 'application/pdf', 'ro-hon.pdf')] }] }
    const sent = await t.app.request(`/api/dossiers/${d.id}/supplements`, { method: 'POST', headers: t.applicant.headers, body: JSON.stringify(supplement) })
    expect(sent.status).toBe(202)

    const file = await t.province.readPortalFile(d.id, sha256(clearer))
    expect(file.status).toBe(200)
    expect(file.bytes.equals(clearer)).toBe(true)
    expect(file.headers.get('Content-Type')).toBe('application/pdf')
  })

  it('refuses what is not signed as agreed (401), and answers the same 404 for any file not of that dossier', async () => {
    const mine = await t.submit('mine')
    const other = await t.submit('other')
    const hash = sha256(submittedFile('mine'))

    const forged = await t.province.readPortalFile(mine.id, hash, { badSignature: true })
    expect(forged.status).toBe(401)
    expect(JSON.parse(forged.bytes.toString())).toMatchObject({ type: expect.stringMatching(/\/relay-signature-invalid$/) })
    expect((await t.province.readPortalFile(mine.id, hash, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401)
    // A signature is for one request line: used for another file, it is wrong.
    const timestamp = String(Math.floor(Date.now() / 1000))
    const signedForOther = sign(t.province.callbackSecret, timestamp, signedRequestLine(`${FILES_PATH}/${other.id}/${sha256(submittedFile('other'))}`))
    const moved = await fetch(`${t.baseUrl}${FILES_PATH}/${mine.id}/${hash}`, { headers: { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signedForOther } })
    expect(moved.status).toBe(401)
    const unsigned = await fetch(`${t.baseUrl}${FILES_PATH}/${mine.id}/${hash}`)
    expect(unsigned.status).toBe(401)

    // Bytes that exist, but are another dossier's; bytes that do not exist; malformed names.
    const notFound = [
      await t.province.readPortalFile(other.id, hash),
      await t.province.readPortalFile(mine.id, 'e'.repeat(64)),
      await t.province.readPortalFile(mine.id, 'not-a-hash'),
      await t.province.readPortalFile('not-a-dossier', hash),
    ]
    expect(notFound.map((f) => f.status)).toEqual([404, 404, 404, 404])
    expect(new Set(notFound.map((f) => f.bytes.toString().replace(/"instance":"[^"]*"/, ''))).size).toBe(1)
    expect(t.logs.filter((l) => l.msg === 'file read by the one-stop-shop')).toHaveLength(0)
  })
})
