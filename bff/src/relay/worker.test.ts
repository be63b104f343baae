/**
 * The relay worker against a real province server over HTTP: order per dossier, independence
 * of dossiers, backoff, parking and retry by an administrator, restart, timeouts.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { signedIn } from '../auth/testing/sessions.ts'
import type { testApp } from '../testing/app.ts'
import { relayHarness, type Harness } from './testing/harness.ts'

let h: Harness | undefined
/** A restarted harness reuses the first one's folder and province: both close after it. */
let restarted: Harness | undefined
afterEach(async () => {
  await h?.close()
  await restarted?.close()
  h = restarted = undefined
})

interface OutboxState {
  id: number
  dossierId: string
  message: string
  attempts: number
  nextAttemptAt: number
  deliveredAt: string | null
  parkedAt: string | null
  lastError: string | null
}
const outbox = (t: Harness) =>
  t.db.$client
    .prepare('SELECT id, dossier_id AS dossierId, message, attempts, next_attempt_at AS nextAttemptAt, delivered_at AS deliveredAt, parked_at AS parkedAt, last_error AS lastError FROM relay_outbox ORDER BY id')
    .all() as OutboxState[]
const delivered = (t: Harness) => outbox(t).every((r) => r.deliveredAt !== null)

/** A later message of the dossier, as the next issue's supplement and withdrawal will write it. */
function queue(t: Harness, dossierId: string, kind: 'supplement' | 'withdrawal', payload: unknown): void {
  t.db.$client.prepare('INSERT INTO relay_outbox (dossier_id, message, created_at, payload) VALUES (?, ?, ?, ?)').run(dossierId, kind, new Date().toISOString(), JSON.stringify(payload))
}

describe('relay worker', () => {
  it('delivers each dossier once with its key, keeps the province’s code beside ours and shows it through the changes cursor', async () => {
    h = await relayHarness()
    const t = h
    const dossiers = [await t.submit(), await t.submit(), await t.submit()]
    const before = (await (await t.app.request('/api/dossiers/changes?cursor=0', { headers: t.applicant.headers })).json()) as { cursor: number }
    t.relay.start()
    await t.until(() => delivered(t), 10_000, 'every message delivered')

    expect(t.province.taken.map((m) => m.dossierId).sort()).toEqual(dossiers.map((d) => d.id).sort())
    for (const m of t.province.taken) {
      const row = outbox(t).find((r) => r.dossierId === m.dossierId)!
      expect(m.key).toBe(`${m.dossierId}:${row.id}`)
      expect(m.kind).toBe('submitted')
      expect(m.payload).toMatchObject({ receipt: { id: m.dossierId }, submission: { id: m.dossierId } })
    }
    expect(t.province.tokensIssued).toBe(1)
    const changes = (await (await t.app.request(`/api/dossiers/changes?cursor=${before.cursor}`, { headers: t.applicant.headers })).json()) as {
      dossiers: { id: string; code: string; externalCode?: string }[]
    }
    expect(changes.dossiers.map((d) => d.id).sort()).toEqual(dossiers.map((d) => d.id).sort())
    for (const d of changes.dossiers) expect(d.externalCode).toBe(t.province.taken.find((m) => m.dossierId === d.id)!.externalCode)
    expect(t.logs.filter((l) => l.msg === 'relay message delivered')).toHaveLength(3)
  })

  it('never lets a dossier’s later message overtake an earlier one, while other dossiers go on', async () => {
    h = await relayHarness()
    const t = h
    const slow = await t.submit('slow')
    await t.submit('other')
    queue(t, slow.id, 'supplement', { components: [] })
    queue(t, slow.id, 'withdrawal', { reason: 'Không còn nhu cầu' })
    let failures = 0
    // The slow dossier's first message fails (503, retryable) three times.
    t.province.faults.refuse = (m) => (m.dossierId === slow.id && m.kind === 'submitted' && failures++ < 3 ? 503 : undefined)
    t.relay.start()
    await t.until(() => delivered(t), 10_000, 'every message delivered')

    const order = t.province.taken.map((m) => `${m.dossierId === slow.id ? 'slow' : 'other'}:${m.kind}`)
    expect(order).toEqual(['other:submitted', 'slow:submitted', 'slow:supplement', 'slow:withdrawal'])
    const slowRequests = t.province.requests.filter((r) => r.key?.startsWith(slow.id))
    // No request for the supplement before the submission was acknowledged.
    const firstOk = slowRequests.findIndex((r) => r.status === 201)
    expect(slowRequests.slice(0, firstOk).every((r) => r.key === slowRequests[0]!.key)).toBe(true)
    expect(outbox(t).find((r) => r.dossierId === slow.id && r.message === 'submitted')!.attempts).toBe(3)
    expect(t.province.taken.find((m) => m.kind === 'supplement')!.payload).toEqual({ components: [] })
  })

  it('waits longer after each failure (exponential, jittered, capped) and records attempts and the last error', async () => {
    h = await relayHarness({ env: { RELAY_BACKOFF_BASE_MS: '40', RELAY_BACKOFF_CAP_MS: '320' } })
    const t = h
    const d = await t.submit()
    t.province.faults.status500 = 7
    t.relay.start()
    await t.until(() => outbox(t)[0]!.attempts === 5, 10_000, 'five failed attempts')
    const row = outbox(t)[0]!
    expect(row.deliveredAt).toBeNull()
    expect(row.lastError).toMatch(/ProvinceUnavailable: .* answered 500/)
    expect(row.nextAttemptAt).toBeGreaterThan(Date.now() - 1000)
    await t.until(() => delivered(t), 10_000, 'delivered after the 500s')

    const times = t.province.requests.filter((r) => r.key?.startsWith(d.id)).map((r) => r.at)
    expect(times).toHaveLength(8)
    const gaps = times.slice(1).map((at, i) => at - times[i]!)
    // The n-th wait is between half and all of min(320, 40·2^(n−1)) ms (timers may only be late).
    const ceilings = [40, 80, 160, 320, 320, 320, 320]
    gaps.forEach((gap, i) => expect(gap, `wait ${i + 1}`).toBeGreaterThanOrEqual(ceilings[i]! / 2 - 5))
    // The cap holds: uncapped, the seventh wait would be at least 1,280 ms (half of 40·2^6). The
    // margin above 320 is for timers that run late on a loaded machine, not part of the rule.
    expect(Math.max(...gaps.slice(3))).toBeLessThan(1_200)
    expect(t.logs.filter((l) => l.msg === 'relay message not delivered: retried later')).toHaveLength(7)
  })

  it('parks a message the province refuses for good (4xx): logged, listed for administrators, the dossier’s next message held back until retried', async () => {
    h = await relayHarness()
    const t = h
    const refused = await t.submit('refused')
    const fine = await t.submit('fine')
    queue(t, refused.id, 'withdrawal', null)
    let refusing = true
    t.province.faults.refuse = (m) => (refusing && m.dossierId === refused.id ? 422 : undefined)
    t.relay.start()
    await t.until(() => outbox(t).some((r) => r.parkedAt !== null) && outbox(t).find((r) => r.dossierId === fine.id)!.deliveredAt !== null, 10_000, 'parked')
    await new Promise((r) => setTimeout(r, 300))

    const parked = outbox(t).find((r) => r.parkedAt !== null)!
    expect(parked).toMatchObject({ dossierId: refused.id, message: 'submitted', attempts: 1 })
    expect(parked.lastError).toMatch(/answered 422/)
    expect(t.province.requests.filter((r) => r.key?.startsWith(refused.id))).toHaveLength(1)
    expect(t.logs.find((l) => l.msg.startsWith('relay message refused for good'))).toMatchObject({ level: 50, dossier: refused.id })

    const parts = { app: t.app, db: t.db, config: t.config, clock: { now: () => new Date() } } as unknown as ReturnType<typeof testApp>
    const admin = signedIn(parts, { sub: 'relay-admin', roles: [{ role: 'administrator' }] })
    expect((await t.app.request('/api/relay/messages', { headers: t.applicant.headers })).status).toBe(403)
    const listed = (await (await t.app.request('/api/relay/messages?state=parked', { headers: admin.headers })).json()) as { messages: { id: number; dossierCode: string; lastError: string }[] }
    expect(listed.messages).toEqual([expect.objectContaining({ id: parked.id, dossierCode: refused.code, lastError: parked.lastError })])
    const pending = (await (await t.app.request('/api/relay/messages?state=pending', { headers: admin.headers })).json()) as { messages: { kind: string }[] }
    expect(pending.messages.map((m) => m.kind)).toEqual(['withdrawal'])

    refusing = false
    expect((await t.app.request(`/api/relay/messages/${parked.id}/retry`, { method: 'POST', headers: admin.headers })).status).toBe(200)
    expect((await t.app.request(`/api/relay/messages/${parked.id}/retry`, { method: 'POST', headers: admin.headers })).status).toBe(409)
    await t.until(() => delivered(t), 10_000, 'delivered after the retry')
    // Resent under a new key: the province, idempotent, would answer the old one with its refusal again.
    expect(t.province.taken.filter((m) => m.dossierId === refused.id).map((m) => [m.kind, m.key])).toEqual([
      ['submitted', `${refused.id}:${parked.id}:1`],
      ['withdrawal', `${refused.id}:${outbox(t).find((r) => r.message === 'withdrawal')!.id}`],
    ])
    const audit = t.db.$client.prepare("SELECT actor, target FROM audit_log WHERE action = 'relay.message-retried'").all()
    expect(audit).toEqual([{ actor: 'relay-admin', target: String(parked.id) }])
  })

  it('survives a restart: what was not acknowledged is sent again with the same key, and the province takes each message once', async () => {
    h = await relayHarness()
    const first = h
    const ids = []
    for (let i = 0; i < 6; i++) ids.push((await first.submit()).id)
    // Slow answers: the restart falls while deliveries are in flight.
    first.province.faults.delayMs = 150
    first.relay.start()
    await first.until(() => first.province.requests.length >= 2, 10_000, 'deliveries under way')
    await first.stop()
    const takenBefore = first.province.taken.length
    expect(takenBefore).toBeLessThan(6)

    first.province.faults.delayMs = 0
    const second = await relayHarness({ dir: first.dir, provinceServer: first.province })
    h = second
    restarted = first
    second.relay.start()
    await second.until(() => delivered(second), 10_000, 'delivered after the restart')
    const keys = second.province.taken.map((m) => m.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(second.province.taken.map((m) => m.dossierId).sort()).toEqual([...ids].sort())
  })

  it('gives up on an answer that takes longer than RELAY_TIMEOUT_MS and tries again; the province answers the same key as before', async () => {
    h = await relayHarness({ env: { RELAY_TIMEOUT_MS: '200' } })
    const t = h
    await t.submit()
    t.province.faults.delayMs = 400
    t.relay.start()
    await t.until(() => outbox(t)[0]!.attempts >= 2, 10_000, 'two timed out attempts')
    expect(outbox(t)[0]!.lastError).toMatch(/TimeoutError|aborted/i)
    t.province.faults.delayMs = 0
    await t.until(() => delivered(t), 10_000, 'delivered')
    expect(t.province.taken).toHaveLength(1)
    expect(t.province.replays).toBeGreaterThanOrEqual(1)
  })
})
