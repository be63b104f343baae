/**
 * The inbound handler on a real database with dossiers taken by the real intake: in order, early,
 * duplicate, illegal, unknown; listeners; the holiday table it is given.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HOLIDAYS_2025_2027, type HolidayTable } from '@portal/shared/lifecycle/holidays'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import { AuditLog } from '../audit/log.ts'
import { systemClock } from '../clock.ts'
import { createLogger } from '../log.ts'
import type { AppliedChange, StatusEvent } from './contract.ts'
import { MAX_AHEAD, RelayInbound } from './inbound.ts'
import { relayHarness, type Harness } from './testing/harness.ts'

let t: Harness
let dossier: { id: string; code: string }
beforeEach(async () => {
  t = await relayHarness()
  dossier = await t.submit()
})
afterEach(() => t.close())

const start = Date.now()
/** A time `minutes` after the dossier was submitted (events must not go back in time). */
const at = (minutes: number) => new Date(start + 60_000 + minutes * 60_000).toISOString()

const UNIT = '000.00.01.H55'
const life: LifeEvent[] = [
  { type: 'receive', at: at(1), unit: UNIT, processingTime: { amount: 5, unit: 'working-days' } },
  { type: 'startProcessing', at: at(2), unit: '000.12.01.H55' },
  { type: 'transfer', at: at(3), toUnit: '000.13.01.H55', note: 'Chuyển phòng nghiệp vụ' },
  { type: 'approve', at: at(4) },
  { type: 'returnResult', at: at(5), resultFile: 'a'.repeat(64) },
]
const event = (seq: number, over: Partial<StatusEvent> = {}): StatusEvent => ({ dossierId: dossier.id, seq, event: life[seq - 1]!, actor: 'Đỗ Thị Mai', ...over })

interface Mirror {
  status: string
  life: string | null
  lastEventSeq: number
  seq: number
  externalCode: string | null
  updatedAt: string
}
const mirror = () =>
  t.db.$client
    .prepare('SELECT status, life, last_event_seq AS lastEventSeq, seq, external_code AS externalCode, updated_at AS updatedAt FROM dossiers WHERE id = ?')
    .get(dossier.id) as Mirror
const history = () => t.db.$client.prepare('SELECT status, at, note, event, actor, unit FROM dossier_history WHERE dossier_id = ? ORDER BY id').all(dossier.id)
const pending = () => (t.db.$client.prepare('SELECT count(*) AS n FROM relay_inbound_pending').get() as { n: number }).n
const refusals = () => t.db.$client.prepare("SELECT actor, target, details FROM audit_log WHERE action = 'relay.event-refused' ORDER BY seq").all() as { actor: string | null; target: string; details: string }[]

describe('StatusInbound.accept', () => {
  it('applies an event in order with the state machine: status, life, sequence, history, the province’s code; the change shows by cursor', async () => {
    const before = mirror()
    const outcome = t.relay.inbound.accept(event(1, { externalCode: 'TN-42' }))
    expect(outcome).toEqual({ outcome: 'applied', status: 'accepted' })
    const after = mirror()
    expect(after).toMatchObject({ status: 'accepted', lastEventSeq: 1, externalCode: 'TN-42', updatedAt: at(1) })
    expect(after.seq).toBeGreaterThan(before.seq)
    expect(JSON.parse(after.life!)).toMatchObject({ status: 'accepted', unit: UNIT, receivedAt: at(1), processingTime: { amount: 5, unit: 'working-days' } })
    expect(history().at(-1)).toEqual({ status: 'accepted', at: at(1), note: null, event: 'receive', actor: 'Đỗ Thị Mai', unit: UNIT })
    const changes = (await (await t.app.request(`/api/dossiers/changes?cursor=${before.seq}`, { headers: t.applicant.headers })).json()) as {
      dossiers: { id: string; status: string; externalCode?: string; history: { status: string }[] }[]
    }
    expect(changes.dossiers).toEqual([expect.objectContaining({ id: dossier.id, status: 'accepted', externalCode: 'TN-42' })])
    expect(changes.dossiers[0]!.history.map((h) => h.status)).toEqual(['registered', 'accepted'])
  })

  it('keeps early events until the gap is filled, then applies them all in order; listeners hear each in order', () => {
    const heard: AppliedChange[] = []
    t.relay.inbound.onApplied((change) => void heard.push(change))
    expect(t.relay.inbound.accept(event(3))).toEqual({ outcome: 'waiting', expected: 1 })
    expect(t.relay.inbound.accept(event(5))).toEqual({ outcome: 'waiting', expected: 1 })
    expect(t.relay.inbound.accept(event(2))).toEqual({ outcome: 'waiting', expected: 1 })
    expect(mirror()).toMatchObject({ status: 'registered', lastEventSeq: 0 })
    expect(pending()).toBe(3)
    expect(heard).toHaveLength(0)

    expect(t.relay.inbound.accept(event(1))).toEqual({ outcome: 'applied', status: 'accepted' })
    // 1, then 2 and 3 from the kept ones; 5 still waits for 4.
    expect(mirror()).toMatchObject({ status: 'processing', lastEventSeq: 3 })
    expect(pending()).toBe(1)
    expect(heard.map((c) => [c.event.type, c.from, c.to])).toEqual([
      ['receive', 'registered', 'accepted'],
      ['startProcessing', 'accepted', 'processing'],
      ['transfer', 'processing', 'processing'],
    ])
    expect(heard[0]).toMatchObject({ dossierId: dossier.id, dossierCode: dossier.code, userId: t.applicant.userId, agencyCode: UNIT, procedureCode: '2.000488' })
    expect(heard[0]!.effects).toContainEqual(expect.objectContaining({ kind: 'slip', form: 1 }))

    expect(t.relay.inbound.accept(event(4))).toEqual({ outcome: 'applied', status: 'processed' })
    expect(mirror()).toMatchObject({ status: 'returned', lastEventSeq: 5 })
    expect(pending()).toBe(0)
    expect(history().map((h) => (h as { event: string | null }).event)).toEqual([null, 'receive', 'startProcessing', 'transfer', 'approve', 'returnResult'])
  })

  it('ignores a duplicate, applied or kept: nothing written twice', () => {
    t.relay.inbound.accept(event(1))
    const once = mirror()
    expect(t.relay.inbound.accept(event(1))).toEqual({ outcome: 'duplicate' })
    expect(mirror()).toEqual(once)
    expect(t.relay.inbound.accept(event(3))).toEqual({ outcome: 'waiting', expected: 2 })
    expect(t.relay.inbound.accept(event(3))).toEqual({ outcome: 'duplicate' })
    expect(pending()).toBe(1)
    expect(history()).toHaveLength(2)
  })

  it('refuses an event illegal even in order: logged, audited, nothing changed; the same number with a legal event then applies', () => {
    const before = mirror()
    const illegal: StatusEvent = { dossierId: dossier.id, seq: 1, event: { type: 'approve', at: at(1) }, actor: 'Cán bộ X' }
    const outcome = t.relay.inbound.accept(illegal)
    expect(outcome).toMatchObject({ outcome: 'refused', code: 'not-allowed' })
    expect(mirror()).toEqual(before)
    expect(history()).toHaveLength(1)
    expect(refusals()).toHaveLength(1)
    expect(refusals()[0]).toMatchObject({ actor: 'Cán bộ X', target: dossier.id })
    expect(JSON.parse(refusals()[0]!.details)).toEqual({ seq: 1, event: 'approve', code: 'not-allowed' })
    expect(t.logs.find((l) => l.msg === 'status event refused')).toMatchObject({ level: 50, dossier: dossier.id, seq: 1, code: 'not-allowed' })

    const missingReasons: StatusEvent = { dossierId: dossier.id, seq: 1, event: { type: 'refuse', at: at(1), reasons: [] } }
    expect(t.relay.inbound.accept(missingReasons)).toMatchObject({ outcome: 'refused', code: 'reasons-required' })
    expect(t.relay.inbound.accept(event(1))).toEqual({ outcome: 'applied', status: 'accepted' })
  })

  it('drops a kept event refused when its turn comes (logged, audited); the caller’s own event stands', () => {
    t.relay.inbound.accept({ dossierId: dossier.id, seq: 2, event: { type: 'returnResult', at: at(2), resultFile: 'x' } })
    expect(t.relay.inbound.accept(event(1))).toEqual({ outcome: 'applied', status: 'accepted' })
    expect(mirror()).toMatchObject({ status: 'accepted', lastEventSeq: 1 })
    expect(pending()).toBe(0)
    expect(refusals().map((r) => JSON.parse(r.details) as unknown)).toEqual([{ seq: 2, event: 'returnResult', code: 'not-allowed' }])
    expect(t.relay.inbound.accept(event(2))).toEqual({ outcome: 'applied', status: 'processing' })
  })

  it('refuses an unknown dossier and an event too far ahead', () => {
    const unknown = t.relay.inbound.accept({ ...event(1), dossierId: '00000000-0000-4000-8000-000000000000' })
    expect(unknown).toMatchObject({ outcome: 'refused', code: 'unknown-dossier' })
    expect(t.relay.inbound.accept({ ...event(1), seq: MAX_AHEAD + 2 })).toMatchObject({ outcome: 'refused', code: 'sequence-too-far' })
    expect(t.relay.inbound.accept({ ...event(1), seq: MAX_AHEAD + 1 })).toEqual({ outcome: 'waiting', expected: 1 })
    expect(refusals().map((r) => r.target)).toEqual(['00000000-0000-4000-8000-000000000000', dossier.id])
  })

  it('a listener that throws or rejects is logged; the change stands and the other listeners still hear it', async () => {
    const heard: string[] = []
    t.relay.inbound.onApplied(() => {
      throw new Error('notice service down')
    })
    t.relay.inbound.onApplied(() => Promise.reject(new Error('slip printer jammed')))
    const off = t.relay.inbound.onApplied((c) => void heard.push(c.to))
    expect(t.relay.inbound.accept(event(1))).toEqual({ outcome: 'applied', status: 'accepted' })
    await new Promise((r) => setTimeout(r, 10))
    expect(mirror().status).toBe('accepted')
    expect(heard).toEqual(['accepted'])
    const failures = t.logs.filter((l) => l.msg === 'a listener of applied status changes failed (the change stands)')
    expect(failures.map((l) => (l.err as { message: string }).message).sort()).toEqual(['notice service down', 'slip printer jammed'])
    off()
    t.relay.inbound.accept(event(2))
    expect(heard).toEqual(['accepted'])
  })

  it('counts due dates with the holiday table it is given', async () => {
    const receive = life[0] as Extract<LifeEvent, { type: 'receive' }>
    const base = new RelayInbound({ db: t.db, clock: systemClock, logger: createLogger('silent'), audit: new AuditLog(t.db, systemClock, createLogger('silent')) })
    base.accept(event(1))
    const ordinary = (JSON.parse(mirror().life!) as { dueAt: string }).dueAt
    // The same receipt with every weekday of the next weeks off: the due date moves later.
    const days = Array.from({ length: 30 }, (_, i) => new Date(Date.parse(receive.at) + (i + 1) * 86_400_000).toISOString().slice(0, 10))
    const offTable: HolidayTable = { ...HOLIDAYS_2025_2027, days: [...HOLIDAYS_2025_2027.days.filter((d) => !days.includes(d.date)), ...days.map((date) => ({ date, off: true, name: 'nghỉ', source: 'test' }))] }
    const second = await t.submit('second')
    const custom = new RelayInbound({ db: t.db, clock: systemClock, logger: createLogger('silent'), audit: new AuditLog(t.db, systemClock, createLogger('silent')), holidays: () => offTable })
    custom.accept({ ...event(1), dossierId: second.id })
    const row = t.db.$client.prepare('SELECT life FROM dossiers WHERE id = ?').get(second.id) as { life: string }
    expect(Date.parse((JSON.parse(row.life) as { dueAt: string }).dueAt)).toBeGreaterThan(Date.parse(ordinary))
  })
})
