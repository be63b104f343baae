/**
 * A province's result over the HTTP connector, end to end through the real app on a port and
 * the test province: the returnResult callback names the file, the portal fetches and checks
 * the bytes, and the applicant downloads them — also when the province was down, and never a
 * copy that is not the one announced.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DossierView } from '@portal/shared/dossiers/schema'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import type { ResultFileFacts } from '../relay/contract.ts'
import { relayHarness, type Harness } from '../relay/testing/harness.ts'
import { RESULT_RETRY_AFTER_S } from './problems.ts'
import { reprDigest } from './result.ts'
import { fileBytes, sha256 } from './testing.ts'

let t: Harness
let dossier: { id: string; code: string }
beforeEach(async () => {
  t = await relayHarness()
  dossier = await t.submit()
})
afterEach(() => t.close())

const bytes = fileBytes('application/pdf', 5000, 'ket-qua-tinh')
const facts: ResultFileFacts = { name: 'Quyết định cấp phép.pdf', type: 'application/pdf', size: bytes.length }
const blobPath = (sha: string) => join(t.dir, 'blobs', sha.slice(0, 2), sha)
const incoming = () => (existsSync(join(t.dir, 'results-incoming')) ? readdirSync(join(t.dir, 'results-incoming')) : [])

/** The province receives, processes, approves and returns `bytes` as the result. */
async function returned(result: ResultFileFacts = facts) {
  const start = Date.now() + 60_000
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString()
  const life: LifeEvent[] = [
    { type: 'receive', at: at(1), unit: '000.00.01.H55', processingTime: { amount: 5, unit: 'working-days' } },
    { type: 'startProcessing', at: at(2), unit: '000.12.01.H55' },
    { type: 'approve', at: at(3) },
  ]
  for (const [i, event] of life.entries()) expect((await t.province.notify({ dossierId: dossier.id, seq: i + 1, event })).status).toBe(200)
  const answer = await t.province.notify({ dossierId: dossier.id, seq: 4, event: { type: 'returnResult', at: at(4), resultFile: sha256(bytes) }, result })
  expect(answer).toEqual({ status: 200, body: { outcome: 'applied', status: 'returned' } })
}

const download = () => t.app.request(`/api/dossiers/${dossier.id}/result`, { headers: t.applicant.headers })
const logged = (msg: string) => t.logs.filter((l) => l.msg === msg).length

describe('a province’s result (HTTP connector)', () => {
  it('is fetched as soon as its event is applied, checked, kept, and served to the applicant; the province is asked once', async () => {
    t.province.files.set(sha256(bytes), bytes)
    await returned()
    await t.until(() => existsSync(blobPath(sha256(bytes))), 10_000, 'the result fetched')
    expect(t.province.fileRequests).toEqual([`/motcua/v1/dossiers/${dossier.id}/files/${sha256(bytes)}`])

    const view = (await (await t.app.request(`/api/dossiers/${dossier.id}`, { headers: t.applicant.headers })).json()) as DossierView
    expect(view.progress?.result).toMatchObject({ sha256: sha256(bytes), ...facts })
    for (let i = 0; i < 2; i++) {
      const res = await download()
      expect(res.status).toBe(200)
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
      expect(res.headers.get('Content-Type')).toBe('application/pdf')
      expect(res.headers.get('Repr-Digest')).toBe(reprDigest(sha256(bytes)))
      expect(res.headers.get('Content-Disposition')).toContain('filename="Quyet dinh cap phep.pdf"')
    }
    expect(t.province.fileRequests).toHaveLength(1)
    expect(incoming()).toEqual([])
  })

  it('while the province cannot give it: 503 with Retry-After, then the download that finds it up fetches it', async () => {
    t.province.files.set(sha256(bytes), bytes)
    t.province.faults.status500 = 2
    await returned()
    await t.until(() => logged('result file not fetched from the one-stop-shop: tried again when the applicant downloads it') === 1, 10_000, 'the first fetch failed')

    const refused = await download()
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json')
    expect(refused.headers.get('Retry-After')).toBe(String(RESULT_RETRY_AFTER_S))
    expect(await refused.json()).toMatchObject({ type: expect.stringMatching(/\/result-unavailable$/), status: 503 })
    expect(existsSync(blobPath(sha256(bytes)))).toBe(false)

    const res = await download()
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
    expect(t.province.fileRequests).toHaveLength(3)
  })

  it('never keeps bytes that are not the ones announced (altered, longer, shorter): nothing stored, logged, 503', async () => {
    const altered = Buffer.from(bytes)
    altered[100] = altered[100]! ^ 0xff
    t.province.files.set(sha256(bytes), altered)
    await returned()
    await t.until(() => logged('result file not fetched from the one-stop-shop: tried again when the applicant downloads it') === 1, 10_000, 'the altered copy refused')
    expect(t.logs.find((l) => l.msg.startsWith('result file not fetched'))!.err).toMatchObject({ message: expect.stringContaining(`announced ${bytes.length} bytes with ${sha256(bytes)}`) })

    for (const copy of [Buffer.concat([bytes, Buffer.from('x')]), bytes.subarray(0, 4000)]) {
      t.province.files.set(sha256(bytes), copy)
      expect((await download()).status).toBe(503)
    }
    expect(existsSync(blobPath(sha256(bytes)))).toBe(false)
    expect(incoming()).toEqual([])

    t.province.files.set(sha256(bytes), bytes)
    expect((await download()).status).toBe(200)
  })

  it('downloads concurrent with the fetch share its one request', async () => {
    t.province.files.set(sha256(bytes), bytes)
    t.province.faults.delayMs = 200
    await returned()
    const answers = await Promise.all([download(), download(), download()])
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(t.province.fileRequests).toHaveLength(1)
  })
})
