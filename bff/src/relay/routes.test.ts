/**
 * POST /api/relay/status-events over a real socket, signed by the test province: what passes
 * (no session, no CSRF header), what is refused and how, and the OpenAPI entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import { testApp } from '../testing/app.ts'
import type { StatusEvent } from './contract.ts'
import { CALLBACK_BODY_LIMIT, CALLBACK_PATH } from './routes.ts'
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.ts'
import { relayHarness, type Harness } from './testing/harness.ts'

let t: Harness
let dossier: { id: string; code: string }
beforeEach(async () => {
  t = await relayHarness()
  dossier = await t.submit()
})
afterEach(() => t.close())

const receive: LifeEvent = { type: 'receive', at: new Date(Date.now() + 120_000).toISOString(), unit: '000.00.01.H55', processingTime: { amount: 3, unit: 'working-days' } }
const status = () => (t.db.$client.prepare('SELECT status, last_event_seq AS seq FROM dossiers WHERE id = ?').get(dossier.id) as { status: string; seq: number })

interface ProblemBody {
  type: string
  status: number
  code?: string
  errors?: { path: string }[]
}

/** Posts `body` signed with the province's secret (or as told), from outside any browser. */
async function raw(body: string, o: { timestamp?: number; secret?: string; headers?: Record<string, string> } = {}) {
  const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000))
  const res = await fetch(`${t.baseUrl}${CALLBACK_PATH}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: sign(o.secret ?? t.province.callbackSecret, timestamp, Buffer.from(body)),
      ...o.headers,
    },
    body,
  })
  return { status: res.status, type: res.headers.get('Content-Type'), body: (await res.json()) as ProblemBody & Record<string, unknown> }
}

describe(`POST ${CALLBACK_PATH}`, () => {
  it('applies a signed event: no session, no X-Requested-With needed; the same callback twice is a duplicate', async () => {
    const event: StatusEvent = { dossierId: dossier.id, seq: 1, event: receive, externalCode: 'TN-7' }
    expect(await t.province.notify(event)).toEqual({ status: 200, body: { outcome: 'applied', status: 'accepted' } })
    expect(await t.province.notify(event, { twice: true })).toEqual({ status: 200, body: { outcome: 'duplicate' } })
    expect(status()).toEqual({ status: 'accepted', seq: 1 })
  })

  it('answers 202 for an early event, kept until the one before it comes', async () => {
    const second: StatusEvent = { dossierId: dossier.id, seq: 2, event: { type: 'startProcessing', at: new Date(Date.now() + 180_000).toISOString(), unit: '000.12.01.H55' } }
    expect(await t.province.notify(second)).toEqual({ status: 202, body: { outcome: 'waiting', expected: 1 } })
    expect(await t.province.notify({ dossierId: dossier.id, seq: 1, event: receive })).toEqual({ status: 200, body: { outcome: 'applied', status: 'accepted' } })
    expect(status()).toEqual({ status: 'processing', seq: 2 })
  })

  it('refuses a bad signature, a stale or future timestamp, missing headers: 401 problems, nothing applied', async () => {
    const event: StatusEvent = { dossierId: dossier.id, seq: 1, event: receive }
    const body = JSON.stringify(event)
    const now = Math.floor(Date.now() / 1000)
    const cases = [
      [await raw(body, { secret: 'not-the-shared-secret' }), 'relay-signature-invalid'],
      [await t.province.notify(event, { badSignature: true }), 'relay-signature-invalid'],
      [await raw(body, { timestamp: now - 301 }), 'relay-timestamp-invalid'],
      [await raw(body, { timestamp: now + 120 }), 'relay-timestamp-invalid'],
      [await raw(body, { headers: { [TIMESTAMP_HEADER]: '' } }), 'relay-timestamp-invalid'],
      [await raw(body, { headers: { [SIGNATURE_HEADER]: '' } }), 'relay-signature-invalid'],
    ] as const
    for (const [answer, type] of cases) {
      expect(answer.status).toBe(401)
      expect((answer.body as ProblemBody).type).toMatch(new RegExp(`/${type}$`))
    }
    // A body changed after signing: the signature no longer matches.
    const timestamp = String(now)
    const signature = sign(t.province.callbackSecret, timestamp, Buffer.from(body))
    const tampered = await fetch(`${t.baseUrl}${CALLBACK_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature },
      body: body.replace('"seq":1', '"seq":2'),
    })
    expect(tampered.status).toBe(401)
    // A signature nearly 5 minutes old is still inside the window (a replay there is a duplicate by
    // its sequence number). Dated from a fresh clock reading: the requests above can take seconds on
    // a loaded machine, and the exact boundary is signature.test.ts's, on a fixed clock.
    expect((await raw(body, { timestamp: Math.floor(Date.now() / 1000) - 290 })).body).toEqual({ outcome: 'applied', status: 'accepted' })
    expect(status()).toEqual({ status: 'accepted', seq: 1 })
    expect(t.logs.filter((l) => l.msg === 'status callback refused: not signed as agreed')).toHaveLength(7)
  })

  it('answers 400 to a signed body that is not JSON or not a status event, 413 over the limit', async () => {
    const notJson = await raw('{"seq":')
    expect(notJson.status).toBe(400)
    expect(notJson.type).toBe('application/problem+json')
    const wrong = await raw(JSON.stringify({ dossierId: 'x', seq: 0, event: { type: 'explode', at: 'yesterday' } }))
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['dossierId', 'seq']))
    // A province's result must say what file to fetch: its SHA-256 and its name, type and size.
    const returnResult = { type: 'returnResult', at: receive.at, resultFile: 'a'.repeat(64) }
    const noFacts = await raw(JSON.stringify({ dossierId: dossier.id, seq: 1, event: returnResult }))
    expect(noFacts.status).toBe(400)
    expect(noFacts.body.errors!.map((e) => e.path)).toEqual(['result'])
    const badFacts = await raw(JSON.stringify({ dossierId: dossier.id, seq: 1, event: { ...returnResult, resultFile: 'ket-qua.pdf' }, result: { name: '', type: 'pdf', size: 0 } }))
    expect(badFacts.status).toBe(400)
    expect(badFacts.body.errors!.map((e) => e.path).sort()).toEqual(['event.resultFile', 'result.name', 'result.size', 'result.type'])
    const big = await raw(JSON.stringify({ pad: 'x'.repeat(CALLBACK_BODY_LIMIT) }))
    expect(big.status).toBe(413)
    expect(status()).toEqual({ status: 'registered', seq: 0 })
  })

  it('answers 422 status-event-refused with the state machine’s code to an illegal event', async () => {
    const answer = await t.province.notify({ dossierId: dossier.id, seq: 1, event: { type: 'approve', at: receive.at } })
    expect(answer.status).toBe(422)
    expect(answer.body).toMatchObject({ type: expect.stringMatching(/\/status-event-refused$/), outcome: 'refused', code: 'not-allowed' })
    expect(status()).toEqual({ status: 'registered', seq: 0 })
  })

  it('refuses every call with the embedded connector (401: no signature can be valid), and the OpenAPI document describes it', async () => {
    const embedded = testApp()
    try {
      const res = await embedded.app.request(CALLBACK_PATH, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })
      expect(res.status).toBe(401)
      expect(((await res.json()) as { type: string }).type).toMatch(/\/relay-signature-invalid$/)
      const doc = (await (await embedded.app.request('/api/openapi.json')).json()) as { paths: Record<string, { post?: { responses: Record<string, unknown> } }> }
      expect(Object.keys(doc.paths[CALLBACK_PATH]!.post!.responses).sort()).toEqual(['200', '202', '400', '401', '413', '422'])
    } finally {
      embedded.cleanup()
    }
  })
})
