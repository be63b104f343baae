/**
 * Issue 6, "Faults", for the relay with the HTTP connector, end to end over real sockets (the app
 * on a port, the test province on another): the province down for a while, answering 500,
 * answering slowly, losing its answers; callbacks sent twice, with a bad signature, out of
 * order, and one illegal even in order. Nothing lost, nothing applied twice. The order of the
 * callbacks is drawn from FAULT_SEED (printed).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { prng } from '@portal/shared/random/prng'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import { sha256 } from '../dossiers/testing.ts'
import type { AppliedChange, StatusEvent } from './contract.ts'
import { relayHarness, type Harness } from './testing/harness.ts'

const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31))

let t: Harness | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

function outbox(h: Harness) {
  return h.db.$client.prepare('SELECT dossier_id AS dossierId, attempts, delivered_at AS deliveredAt FROM relay_outbox').all() as { dossierId: string; attempts: number; deliveredAt: string | null }[]
}

describe('relay faults (HTTP connector)', () => {
  it('province down, 500s, slow, lost answers: every dossier reaches it exactly once and gets its code', { timeout: 60_000 }, async () => {
    t = await relayHarness({ env: { RELAY_TIMEOUT_MS: '300', RELAY_BACKOFF_BASE_MS: '20', RELAY_BACKOFF_CAP_MS: '150' } })
    const h = t
    const ids: string[] = []
    const submit = async (n: number) => {
      const batch = []
      for (let i = 0; i < n; i++) batch.push((await h.submit()).id)
      ids.push(...batch)
      return batch
    }
    const deliveredAll = (batch: string[]) => h.until(() => outbox(h).filter((r) => batch.includes(r.dossierId)).every((r) => r.deliveredAt !== null), 20_000, 'delivery')
    h.relay.start()

    // Down for a while: nobody listens on its port.
    await h.province.down()
    const whileDown = await submit(5)
    await pause(400)
    expect(outbox(h).filter((r) => whileDown.includes(r.dossierId)).every((r) => r.deliveredAt === null && r.attempts > 0)).toBe(true)
    await h.province.up()
    await deliveredAll(whileDown)

    // Answering 500 to the next 8 requests.
    h.province.faults.status500 = 8
    await deliveredAll(await submit(5))
    expect(h.province.faults.status500).toBe(0)

    // Slower than RELAY_TIMEOUT_MS: the worker gives up, the province takes the message anyway.
    h.province.faults.delayMs = 500
    const slow = await submit(5)
    await h.until(() => outbox(h).filter((r) => slow.includes(r.dossierId)).every((r) => r.attempts >= 1), 20_000, 'timed out attempts')
    h.province.faults.delayMs = 0
    await deliveredAll(slow)

    // Taken, then the connection dropped before the answer.
    h.province.faults.loseAnswers = 5
    await deliveredAll(await submit(5))
    expect(h.province.faults.loseAnswers).toBe(0)

    const keys = h.province.taken.map((m) => m.key)
    expect(new Set(keys).size, 'no message taken twice').toBe(keys.length)
    expect(h.province.taken.map((m) => m.dossierId).sort(), 'no dossier lost').toEqual([...ids].sort())
    expect(h.province.replays, 'retries of messages already taken were answered from the key').toBeGreaterThanOrEqual(5)
    const codes = h.db.$client.prepare('SELECT id, external_code AS code FROM dossiers').all() as { id: string; code: string }[]
    for (const m of h.province.taken) expect(codes.find((c) => c.id === m.dossierId)!.code).toBe(m.externalCode)
    console.log(`relay faults (outbound): ${h.province.requests.length} requests for ${ids.length} messages, ${h.province.replays} answered from the key`)
  })

  it('callbacks twice, with a bad signature, out of order, one illegal: each dossier ends where its events lead, each step once', { timeout: 60_000 }, async () => {
    console.log(`relay faults (callbacks): seed ${SEED} (FAULT_SEED=${SEED} repeats it)`)
    t = await relayHarness()
    const h = t
    const heard: AppliedChange[] = []
    h.relay.inbound.onApplied((change) => void heard.push(change))
    const dossiers = []
    for (let i = 0; i < 8; i++) dossiers.push(await h.submit())
    const result = Buffer.from('Giấy phép (bản điện tử)')
    const facts = { name: 'giay-phep.pdf', type: 'application/pdf', size: result.length }
    h.province.files.set(sha256(result), result)
    const base = Date.now() + 60_000
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString()
    const lifeOf = (i: number): LifeEvent[] => [
      { type: 'receive', at: at(1), unit: '000.00.01.H55', processingTime: { amount: 5, unit: 'working-days' } },
      { type: 'startProcessing', at: at(2), unit: '000.12.01.H55' },
      { type: 'recordOpinion', at: at(3), opinion: `Đủ điều kiện (${i})` },
      { type: 'approve', at: at(4) },
      { type: 'returnResult', at: at(5), resultFile: sha256(result) },
    ]
    const events: StatusEvent[] = dossiers.flatMap((d, i) =>
      lifeOf(i).map((event, k) => ({ dossierId: d.id, seq: k + 1, event, actor: 'Ngô Văn Thành', ...(event.type === 'returnResult' ? { result: facts } : {}) })),
    )
    const random = prng(SEED)

    // Out of order (shuffled across and within dossiers); every event a second time.
    const answers = await h.province.notifyAll([...events, ...events], { order: 'shuffled', random })
    expect(answers.every((a) => [200, 202].includes(a.status))).toBe(true)
    // Forged copies: refused at the door.
    for (const event of events.slice(0, 5)) expect((await h.province.notify(event, { badSignature: true })).status).toBe(401)
    // Illegal even in order: a returned dossier cannot be approved.
    const illegal = await h.province.notify({ dossierId: dossiers[0]!.id, seq: 6, event: { type: 'approve', at: at(6) }, actor: 'Ngô Văn Thành' })
    expect(illegal.status).toBe(422)
    expect(illegal.body).toMatchObject({ code: 'not-allowed' })

    const rows = h.db.$client.prepare('SELECT id, status, last_event_seq AS seq FROM dossiers').all() as { id: string; status: string; seq: number }[]
    expect(rows.every((r) => r.status === 'returned' && r.seq === 5), 'every dossier at the end of its life').toBe(true)
    const steps = h.db.$client.prepare('SELECT dossier_id AS id, count(*) AS n FROM dossier_history GROUP BY dossier_id').all() as { id: string; n: number }[]
    expect(steps.every((s) => s.n === 6), 'registered + 5 steps, none twice').toBe(true)
    expect(h.db.$client.prepare('SELECT count(*) AS n FROM relay_inbound_pending').get()).toEqual({ n: 0 })
    expect(heard).toHaveLength(events.length)
    for (const d of dossiers) {
      expect(heard.filter((c) => c.dossierId === d.id).map((c) => c.event.type)).toEqual(['receive', 'startProcessing', 'recordOpinion', 'approve', 'returnResult'])
    }
    const refused = h.db.$client.prepare("SELECT target, details FROM audit_log WHERE action = 'relay.event-refused'").all() as { target: string; details: string }[]
    expect(refused).toEqual([{ target: dossiers[0]!.id, details: JSON.stringify({ seq: 6, event: 'approve', code: 'not-allowed' }) }])
    expect(h.logs.filter((l) => l.msg === 'status event refused')).toHaveLength(1)
    expect(h.logs.filter((l) => l.msg === 'status callback refused: not signed as agreed')).toHaveLength(5)
  })
})
