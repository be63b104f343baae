/**
 * Test support for notices: a dossier's life driven through the real state machine, each step
 * reported as the relay's inbound handler reports it (AppliedChange); a receipt to compose
 * notices from, or a dossier through the real intake; a real SMTP server on loopback. Dates are
 * in July 2026 (no public holiday in the month).
 */
import { randomUUID } from 'node:crypto'
import { createServer, type AddressInfo } from 'node:net'
import type { Hono } from 'hono'
import { SMTPServer } from 'smtp-server'
import type { DossierReceipt, ResultDelivery } from '@portal/shared/dossiers/schema'
import { HOLIDAYS_2025_2027 } from '@portal/shared/lifecycle/holidays'
import { registered, transition } from '@portal/shared/lifecycle/machine'
import type { DossierLifeState, LifeEvent } from '@portal/shared/lifecycle/types'
import type { TestPerson } from '../auth/testing/sessions.ts'
import { fileBytes, post, provinceSubmission, ref, upload } from '../dossiers/testing.ts'
import type { AppliedChange } from '../relay/contract.ts'

export const holidays = () => HOLIDAYS_2025_2027

/** `2026-07-01T09:00:00+07:00` from ('07-01', '09:00'). */
export const vn = (day: string, hhmm: string) => `2026-${day}T${hhmm}:00+07:00`

export interface ScriptedDossier {
  id: string
  code: string
  userId: number
  agencyCode: string
  procedureCode: string
}

/** Steps of one dossier's life: `step(event)` applies it with the machine and answers the change. */
export class LifeScript {
  state: DossierLifeState

  constructor(
    readonly dossier: ScriptedDossier,
    registeredAt = vn('07-01', '08:00'),
  ) {
    this.state = registered(registeredAt)
  }

  step(event: LifeEvent): AppliedChange {
    const result = transition(this.state, event, { table: HOLIDAYS_2025_2027 })
    if (!result.ok) throw new Error(`${event.type} from ${this.state.status}: ${result.code}`)
    const from = this.state.status
    this.state = result.state
    return { dossierId: this.dossier.id, dossierCode: this.dossier.code, userId: this.dossier.userId, agencyCode: this.dossier.agencyCode, procedureCode: this.dossier.procedureCode, from, to: result.state.status, event, effects: result.effects, state: result.state }
  }
}

export const RECEIVE: LifeEvent = { type: 'receive', at: vn('07-01', '09:00'), unit: '000.00.01.H55', processingTime: { amount: 10, unit: 'working-days' } }

export function receiptFor(resultDelivery: ResultDelivery = { method: 'at-agency' }, id: string = randomUUID()): DossierReceipt {
  return {
    id,
    code: '000.00.01.H55-260701-0007',
    procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' },
    agency: { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' },
    applicant: { name: 'Nguyễn Văn An', identityNumber: '019085004127' },
    receivedAt: vn('07-01', '08:00'),
    components: [{ componentId: 'c1', label: 'Tờ khai theo mẫu', files: [] }],
    resultDelivery,
  }
}

export function scriptFor(receipt: DossierReceipt, userId = 1, registeredAt?: string): LifeScript {
  return new LifeScript({ id: receipt.id, code: receipt.code, userId, agencyCode: receipt.agency.code, procedureCode: receipt.procedure.code }, registeredAt)
}

/** A dossier of `person` through the real intake (one uploaded file): its receipt. */
export async function submitDossier(app: Hono, person: TestPerson, resultDelivery: ResultDelivery = { method: 'at-agency' }): Promise<DossierReceipt> {
  const bytes = fileBytes('image/jpeg', 2000, randomUUID())
  const { res: uploaded } = await upload(app, person, bytes)
  if (uploaded.status !== 204) throw new Error(`upload: ${uploaded.status}`)
  const res = await post(app, person, provinceSubmission([ref(bytes)], { resultDelivery }))
  if (res.status !== 201) throw new Error(`intake: ${res.status} ${await res.text()}`)
  return (await res.json()) as DossierReceipt
}

export interface ReceivedMail {
  envelope: { from: string; to: string[] }
  raw: Buffer
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server), plain text (no STARTTLS), no authentication:
 * it keeps each message it accepts. `refuse` makes it answer 550 to these recipients.
 */
export async function startSmtpServer(port = 0, refuse: string[] = []) {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.includes(address.address)) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }))
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const from = session.envelope.mailFrom
        received.push({ envelope: { from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address) }, raw: Buffer.concat(chunks) })
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const bound = (server.server.address() as AddressInfo).port
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A loopback port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
