import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testApp } from '../testing/app.ts'
import { blobDirectory } from '../uploads/routes.ts'
import { JUSTICE, officerSession, oneStopCatalog, oneStopOn, receivedDossier, RecordingInbound, submittedMessage } from './testing.ts'

let t: ReturnType<typeof testApp>
let inbound: RecordingInbound
let onestop: ReturnType<typeof oneStopOn>
beforeEach(() => {
  t = testApp({ catalog: oneStopCatalog() })
  inbound = new RecordingInbound()
  onestop = oneStopOn(t, inbound)
})
afterEach(() => {
  onestop.stop()
  t.cleanup()
})

const reception = officerSession('le-tan', JUSTICE, ['reception'])
const processing = officerSession('xu-ly', JUSTICE, ['processing'])
const approval = officerSession('lanh-dao', JUSTICE, ['approval'])

async function registered(): Promise<string> {
  const d = receivedDossier()
  await onestop.connector.deliver(submittedMessage(d.receipt, d.submission), new AbortController().signal)
  return d.receipt.id
}

const events = (id: string) =>
  t.db.$client.prepare('SELECT seq, pushed_at IS NOT NULL AS pushed, outcome FROM onestop_events WHERE dossier_id = ? ORDER BY seq').all(id) as { seq: number; pushed: number; outcome: string | null }[]

describe('status events to the portal', () => {
  it('go out after each commit in order, 1, 2, 3…, each once, with who acted', async () => {
    const id = await registered()
    onestop.desk.act(reception, id, { type: 'receive' })
    onestop.desk.act(processing, id, { type: 'startProcessing', unit: JUSTICE })
    onestop.desk.act(processing, id, { type: 'transfer', toUnit: '000.00.00.H55', note: 'Trình ký' })
    onestop.desk.act(processing, id, { type: 'recordOpinion', opinion: 'Đủ điều kiện cấp' })
    onestop.desk.act(approval, id, { type: 'approve' })
    expect(inbound.events.map((e) => [e.seq, e.event.type, e.actor])).toEqual([
      [1, 'receive', 'Cán bộ le-tan'],
      [2, 'startProcessing', 'Cán bộ xu-ly'],
      [3, 'transfer', 'Cán bộ xu-ly'],
      [4, 'recordOpinion', 'Cán bộ xu-ly'],
      [5, 'approve', 'Cán bộ lanh-dao'],
    ])
    expect(inbound.events[0]!.event).toEqual({ type: 'receive', at: '2026-07-01T15:00:00+07:00', unit: JUSTICE, processingTime: { amount: 10, unit: 'days' } })
    expect(events(id)).toEqual([1, 2, 3, 4, 5].map((seq) => ({ seq, pushed: 1, outcome: 'applied' })))
    expect(onestop.start()).toBe(0)
    expect(inbound.events).toHaveLength(5)
  })

  it('stay pending while the inbound is down, and go out in order once it is back (retried by itself), none lost, none twice', async () => {
    const a = await registered()
    const b = await registered()
    inbound.failWith = new Error('inbound down')
    onestop.desk.act(reception, a, { type: 'receive' })
    onestop.desk.act(reception, b, { type: 'receive' })
    onestop.desk.act(processing, a, { type: 'startProcessing', unit: JUSTICE })
    expect(events(a)).toEqual([
      { seq: 1, pushed: 0, outcome: null },
      { seq: 2, pushed: 0, outcome: null },
    ])
    expect(inbound.events).toEqual([])
    inbound.failWith = undefined
    // The pump retries after 1 s on its own.
    await new Promise((resolve) => setTimeout(resolve, 1_300))
    expect(inbound.seqs(a)).toEqual([1, 2])
    expect(inbound.seqs(b)).toEqual([1])
    onestop.desk.act(approval, b, { type: 'stop', reason: 'Người nộp đề nghị dừng' })
    expect(inbound.seqs(b)).toEqual([1, 2])
    expect(onestop.start()).toBe(0)
  })

  it('a dossier whose push fails does not hold up the others, nor is overtaken by its own later events', async () => {
    const a = await registered()
    const b = await registered()
    let down = true
    inbound.answer = (event) => {
      if (down && event.dossierId === a) throw new Error('this dossier’s handler fails')
      return undefined
    }
    onestop.desk.act(reception, a, { type: 'receive' })
    onestop.desk.act(processing, a, { type: 'startProcessing', unit: JUSTICE })
    onestop.desk.act(reception, b, { type: 'receive' })
    expect(inbound.seqs(b)).toEqual([1])
    expect(inbound.seqs(a)).toEqual([])
    expect(events(a).map((e) => e.pushed)).toEqual([0, 0])
    down = false
    expect(onestop.start()).toBe(2)
    expect(inbound.seqs(a)).toEqual([1, 2])
  })

  it('an event the portal refuses is recorded as refused and not pushed again', async () => {
    const id = await registered()
    inbound.answer = (event) => (event.seq === 1 ? { outcome: 'refused', code: 'not-allowed', message: 'không được' } : undefined)
    onestop.desk.act(reception, id, { type: 'receive' })
    expect(events(id)).toEqual([{ seq: 1, pushed: 1, outcome: 'refused:not-allowed' }])
    expect(onestop.start()).toBe(0)
  })

  it('survive a crash between the commit and the push: pushed when the BFF starts again, then the count goes on', async () => {
    const id = await registered()
    onestop.desk.act(reception, id, { type: 'receive' })
    expect(inbound.seqs(id)).toEqual([1])

    const bff = fileURLToPath(new URL('../..', import.meta.url))
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/onestop/crash.test-support.ts', t.config.databaseFile, blobDirectory(t.config), id, JUSTICE, '2026-07-01T08:05:00.000Z'],
      { cwd: bff, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, s) => resolve(s)))
    expect(signal, stderr).toBe('SIGKILL')
    // Committed by the dead process, never pushed.
    expect(events(id)).toEqual([
      { seq: 1, pushed: 1, outcome: 'applied' },
      { seq: 2, pushed: 0, outcome: null },
    ])
    expect((t.db.$client.prepare('SELECT status FROM onestop_dossiers WHERE id = ?').get(id) as { status: string }).status).toBe('processing')

    // The BFF starts again: a new one-stop-shop on the same database, the same portal inbound.
    const restarted = oneStopOn(t, inbound)
    expect(restarted.start()).toBe(1)
    t.clock.set('2026-07-01T08:10:00.000Z')
    restarted.desk.act(approval, id, { type: 'approve' })
    expect(inbound.events.map((e) => [e.seq, e.event.type])).toEqual([
      [1, 'receive'],
      [2, 'startProcessing'],
      [3, 'approve'],
    ])
    expect(events(id).every((e) => e.pushed === 1)).toBe(true)
  })
})
