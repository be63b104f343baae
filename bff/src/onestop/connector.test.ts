import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HOLIDAYS_2025_2027 } from '@portal/shared/lifecycle/holidays'
import { PermanentDeliveryError, type RelayMessage } from '../relay/contract.ts'
import { testApp } from '../testing/app.ts'
import { officerDossier } from './view.ts'
import { OneStopRepository } from './repository.ts'
import { JUSTICE, officerSession, oneStopCatalog, oneStopOn, receivedDossier, RecordingInbound, submittedMessage } from './testing.ts'

let t: ReturnType<typeof testApp>
let inbound: RecordingInbound
let onestop: ReturnType<typeof oneStopOn>
beforeEach(() => {
  t = testApp({ catalog: oneStopCatalog() })
  inbound = new RecordingInbound()
  onestop = oneStopOn(t, inbound)
})
afterEach(() => t.cleanup())

const signal = () => new AbortController().signal
const TABLES = ['onestop_dossiers', 'onestop_messages', 'onestop_events', 'onestop_files', 'onestop_supplements'] as const
const counts = () => Object.fromEntries(TABLES.map((table) => [table, (t.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]))
const audits = (action: string) => (t.db.$client.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n
const status = (id: string) => (t.db.$client.prepare('SELECT status FROM onestop_dossiers WHERE id = ?').get(id) as { status: string } | undefined)?.status

async function refusedWith(message: RelayMessage): Promise<string> {
  const error = await onestop.connector.deliver(message, signal()).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PermanentDeliveryError)
  return (error as Error).message
}

describe('EmbeddedConnector: submitted', () => {
  it('registers the dossier with its files, new (registered) and without a due date, and acknowledges with no code of its own', async () => {
    const { receipt, submission } = receivedDossier()
    await expect(onestop.connector.deliver(submittedMessage(receipt, submission), signal())).resolves.toEqual({})
    const row = t.db.$client.prepare('SELECT * FROM onestop_dossiers').get() as Record<string, unknown>
    expect(row).toMatchObject({ id: receipt.id, code: receipt.code, agency_code: JUSTICE, status: 'registered', rank: 1, due_ms: 0, next_seq: 1, applicant_name: 'Nguyễn Văn An' })
    expect(JSON.parse(row.state as string)).toEqual({ status: 'registered', registeredAt: receipt.receivedAt, apologyUsed: false, supplements: [], history: [] })
    expect(t.db.$client.prepare('SELECT sha256, type, role FROM onestop_files').all()).toEqual([{ sha256: 'a'.repeat(64), type: 'image/jpeg', role: 'component' }])
    expect(audits('onestop.registered')).toBe(1)
    expect(inbound.events).toEqual([])
  })

  it('takes a key seen before as done: the same answer, nothing twice', async () => {
    const { receipt, submission } = receivedDossier()
    const message = submittedMessage(receipt, submission)
    await onestop.connector.deliver(message, signal())
    const before = counts()
    await expect(onestop.connector.deliver(message, signal())).resolves.toEqual({})
    // Another one-stop-shop instance on the same database (a restarted BFF) answers the same.
    await expect(oneStopOn(t).connector.deliver(message, signal())).resolves.toEqual({})
    expect(counts()).toEqual(before)
    expect(audits('onestop.registered')).toBe(1)
  })

  it('acknowledges the same dossier under another key without registering it again', async () => {
    const { receipt, submission } = receivedDossier()
    await onestop.connector.deliver(submittedMessage(receipt, submission, 'k1'), signal())
    await expect(onestop.connector.deliver(submittedMessage(receipt, submission, 'k2'), signal())).resolves.toEqual({})
    expect(counts()).toMatchObject({ onestop_dossiers: 1, onestop_messages: 2 })
    expect(audits('onestop.registered')).toBe(1)
  })

  it('refuses for good a payload that does not pass the shared schemas, or names another dossier: the same refusal again', async () => {
    const { receipt, submission } = receivedDossier()
    const broken: RelayMessage = { key: 'bad', dossierId: receipt.id, kind: 'submitted', payload: { receipt: { ...receipt, code: 'nope' }, submission } }
    const first = await refusedWith(broken)
    expect(first).toMatch(/^payload-invalid: /)
    expect(await refusedWith(broken)).toBe(first)
    const other = receivedDossier()
    expect(await refusedWith({ ...submittedMessage(other.receipt, other.submission, 'mixed'), dossierId: receipt.id })).toMatch(/không khớp/)
    expect(await refusedWith({ key: 'null', dossierId: receipt.id, kind: 'submitted', payload: null })).toMatch(/^payload-invalid/)
    expect(counts()).toMatchObject({ onestop_dossiers: 0, onestop_files: 0, onestop_events: 0 })
  })

  it('takes nothing when the delivery was already abandoned', async () => {
    const { receipt, submission } = receivedDossier()
    const controller = new AbortController()
    controller.abort()
    await expect(onestop.connector.deliver(submittedMessage(receipt, submission), controller.signal)).rejects.toThrow()
    expect(counts()).toMatchObject({ onestop_dossiers: 0, onestop_messages: 0 })
  })
})

describe('EmbeddedConnector: the applicant’s steps', () => {
  async function registeredDossier() {
    const d = receivedDossier()
    await onestop.connector.deliver(submittedMessage(d.receipt, d.submission), signal())
    return d.receipt.id
  }

  it('withdraws a dossier not yet processed: event 1 to the portal, with the reason; the same key again changes nothing', async () => {
    const id = await registeredDossier()
    const message: RelayMessage = { key: `${id}:w`, dossierId: id, kind: 'withdrawal', payload: { reason: ' Nộp nhầm thủ tục ' } }
    await expect(onestop.connector.deliver(message, signal())).resolves.toEqual({})
    expect(status(id)).toBe('withdrawn')
    expect(inbound.events).toEqual([{ dossierId: id, seq: 1, event: { type: 'withdraw', at: '2026-07-01T15:00:00+07:00', reason: 'Nộp nhầm thủ tục' } }])
    const before = counts()
    await expect(onestop.connector.deliver(message, signal())).resolves.toEqual({})
    expect(counts()).toEqual(before)
    expect(inbound.events).toHaveLength(1)
    expect(audits('onestop.withdraw')).toBe(1)
  })

  it('refuses a withdrawal once processing started (withdraw-after-processing), nothing changed, the same refusal again', async () => {
    const id = await registeredDossier()
    onestop.desk.act(officerSession('rec', JUSTICE, ['reception']), id, { type: 'receive' })
    onestop.desk.act(officerSession('pro', JUSTICE, ['processing']), id, { type: 'startProcessing', unit: JUSTICE })
    const before = counts()
    const message: RelayMessage = { key: `${id}:w`, dossierId: id, kind: 'withdrawal', payload: null }
    const first = await refusedWith(message)
    expect(first).toBe('withdraw-after-processing: Hồ sơ đã được xử lý: không thể rút.')
    expect(await refusedWith(message)).toBe(first)
    expect(status(id)).toBe('processing')
    expect(counts()).toEqual({ ...before, onestop_messages: before.onestop_messages! + 1 })
    expect(inbound.seqs(id)).toEqual([1, 2])
  })

  it('takes the supplement that answers a request: back to the status it came from, with a new due date and the new files', async () => {
    const id = await registeredDossier()
    onestop.desk.act(officerSession('rec', JUSTICE, ['reception']), id, { type: 'receive' })
    onestop.desk.act(officerSession('rec', JUSTICE, ['reception']), id, { type: 'requestSupplement', items: [{ componentId: 'c1', description: 'Tờ khai thiếu chữ ký' }] })
    t.clock.set('2026-07-03T02:00:00.000Z')
    const file = { sha256: 'b'.repeat(64), size: 900, type: 'application/pdf' as const, name: 'to-khai-ky.pdf' }
    await onestop.connector.deliver({ key: `${id}:s1`, dossierId: id, kind: 'supplement', payload: { components: [{ componentId: 'c1', files: [file] }] } }, signal())
    const state = JSON.parse((t.db.$client.prepare('SELECT state FROM onestop_dossiers WHERE id = ?').get(id) as { state: string }).state)
    expect(state).toMatchObject({ status: 'accepted', receivedAt: '2026-07-03T09:00:00+07:00', dueAt: '2026-07-13T17:00:00+07:00' })
    expect(inbound.events.map((e) => [e.seq, e.event.type])).toEqual([
      [1, 'receive'],
      [2, 'requestSupplement'],
      [3, 'supplementReceived'],
    ])
    expect(t.db.$client.prepare("SELECT sha256 FROM onestop_files WHERE dossier_id = ? AND type = 'application/pdf'").pluck().all(id)).toEqual(['b'.repeat(64)])
  })

  it('keeps what each supplement brought under the request it answers: components with their labels, files in order, note, form corrections', async () => {
    const id = await registeredDossier()
    const reception = officerSession('rec', JUSTICE, ['reception'])
    onestop.desk.act(reception, id, { type: 'receive' })
    onestop.desk.act(reception, id, { type: 'requestSupplement', items: [{ componentId: 'c1', description: 'Tờ khai thiếu chữ ký' }] })
    t.clock.set('2026-07-02T02:00:00.000Z')
    const signedPdf = { sha256: 'b'.repeat(64), size: 900, type: 'application/pdf' as const, name: 'to-khai-ky.pdf' }
    const first: RelayMessage = { key: `${id}:s1`, dossierId: id, kind: 'supplement', payload: { components: [{ componentId: 'c1', files: [signedPdf] }], note: ' Đã ký lại tờ khai ' } }
    await onestop.connector.deliver(first, signal())
    t.clock.set('2026-07-02T03:00:00.000Z')
    onestop.desk.act(reception, id, { type: 'requestSupplement', items: [{ componentId: 'c1', description: 'Thiếu trang 2' }, { description: 'Ghi rõ nơi cư trú' }] })
    t.clock.set('2026-07-03T02:00:00.000Z')
    const page1 = { sha256: 'c'.repeat(64), size: 700, type: 'image/jpeg' as const, name: 'trang-1.jpg' }
    const page2 = { sha256: 'd'.repeat(64), size: 800, type: 'image/png' as const, name: 'trang-2.png' }
    const second: RelayMessage = {
      key: `${id}:s2`,
      dossierId: id,
      kind: 'supplement',
      payload: { components: [{ componentId: 'c1', files: [page1, page2] }], form: { residence: 'Tổ 5, phường Phan Đình Phùng' } },
    }
    await onestop.connector.deliver(second, signal())
    // The same message again changes nothing.
    const before = counts()
    await onestop.connector.deliver(first, signal())
    await onestop.connector.deliver(second, signal())
    expect(counts()).toEqual(before)
    expect(before.onestop_supplements).toBe(2)

    const repository = new OneStopRepository(t.db)
    const dossier = officerDossier(repository.find(id)!, repository.recorded(id), ['reception'], t.clock.now(), HOLIDAYS_2025_2027)
    expect(dossier.supplements).toEqual([
      {
        requestedAt: '2026-07-01T15:00:00+07:00',
        items: [{ componentId: 'c1', description: 'Tờ khai thiếu chữ ký' }],
        receivedAt: '2026-07-02T09:00:00+07:00',
        components: [{ componentId: 'c1', label: 'Tờ khai', files: [{ sha256: signedPdf.sha256, name: 'to-khai-ky.pdf', type: 'application/pdf', size: 900 }] }],
        note: 'Đã ký lại tờ khai',
      },
      {
        requestedAt: '2026-07-02T10:00:00+07:00',
        items: [{ componentId: 'c1', description: 'Thiếu trang 2' }, { description: 'Ghi rõ nơi cư trú' }],
        receivedAt: '2026-07-03T09:00:00+07:00',
        components: [
          {
            componentId: 'c1',
            label: 'Tờ khai',
            files: [
              { sha256: page1.sha256, name: 'trang-1.jpg', type: 'image/jpeg', size: 700 },
              { sha256: page2.sha256, name: 'trang-2.png', type: 'image/png', size: 800 },
            ],
          },
        ],
        form: { residence: 'Tổ 5, phường Phan Đình Phùng' },
      },
    ])
    // Every file sent can be previewed.
    expect(t.db.$client.prepare('SELECT sha256 FROM onestop_files WHERE dossier_id = ? ORDER BY sha256').pluck().all(id)).toEqual(['a', 'b', 'c', 'd'].map((c) => c.repeat(64)))
  })

  it('an open request has nothing under it yet', async () => {
    const id = await registeredDossier()
    onestop.desk.act(officerSession('rec', JUSTICE, ['reception']), id, { type: 'requestSupplement', items: [{ componentId: 'c1', description: 'Ảnh mờ' }] })
    const repository = new OneStopRepository(t.db)
    const dossier = officerDossier(repository.find(id)!, repository.recorded(id), ['reception'], t.clock.now(), HOLIDAYS_2025_2027)
    expect(dossier.supplements).toEqual([{ requestedAt: '2026-07-01T15:00:00+07:00', items: [{ componentId: 'c1', description: 'Ảnh mờ' }] }])
  })

  it('refuses a supplement nobody asked for, or for a dossier it does not have', async () => {
    const id = await registeredDossier()
    expect(await refusedWith({ key: 'sup', dossierId: id, kind: 'supplement', payload: null })).toMatch(/^not-allowed: /)
    expect(await refusedWith({ key: 'ghost', dossierId: '00000000-0000-4000-8000-000000000000', kind: 'withdrawal', payload: null })).toMatch(/^unknown-dossier: /)
    expect(status(id)).toBe('registered')
    expect(inbound.events).toEqual([])
  })
})
