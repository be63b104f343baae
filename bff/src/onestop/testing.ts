/**
 * Test helpers of the embedded one-stop-shop: a catalogue whose directory has a commune coded
 * with letters (as the real directory's are), an inbound that records what it is told (and can
 * be made to fail), officer sessions for service-level tests, and the way a dossier reaches the
 * one-stop-shop in route tests: real intake (tus upload, POST /api/dossiers), then the 'submitted'
 * message built from the stored dossier, delivered to a connector on the same database.
 */
import { randomUUID } from 'node:crypto'
import type { AgencyDirectory, Procedure } from '@portal/shared/catalog/schema'
import type { DossierReceipt, DossierStatus, DossierSubmission } from '@portal/shared/dossiers/schema'
import type { AssignmentInput, Duty } from '../accounts/roles.ts'
import { AuditLog } from '../audit/log.ts'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import type { Session } from '../auth/sessions.ts'
import { fileBytes, post, ref, upload, communeCertificate } from '../dossiers/testing.ts'
import { createLogger } from '../log.ts'
import type { InboundOutcome, RelayMessage, StatusEvent, StatusInbound } from '../relay/contract.ts'
import { RelayInbound } from '../relay/inbound.ts'
import type { testApp } from '../testing/app.ts'
import { agencyKinds, criminalRecord, fields, procedure } from '../testing/fixtures.ts'
import { DiskBlobStore } from '../uploads/blob-store.ts'
import { UploadRepository } from '../uploads/repository.ts'
import { blobDirectory } from '../uploads/routes.ts'
import { embeddedOneStop } from './feature.ts'

type TestApp = ReturnType<typeof testApp>

export const JUSTICE = '000.00.01.H55'
/** Phan Đình Phùng ward: letters in the middle group, like the real directory's communes. */
export const WARD = '000.00.D8.H55'
export const OTHER_WARD = '000.02.01.H55'
/** A unit (phòng) of the department: dossiers are transferred to it, never submitted to it. */
export const JUSTICE_UNIT = '000.10.01.H55'

export const directory: AgencyDirectory = {
  province: { code: 'H55', name: 'Thái Nguyên', statisticsCode: '19' },
  agencies: [
    { code: JUSTICE, name: 'Sở Tư pháp tỉnh Thái Nguyên', nameEn: 'Department of Justice', kind: 'department-justice' },
    { code: JUSTICE_UNIT, name: 'Phòng Hành chính tư pháp', nameEn: 'Judicial Administration Division', kind: 'department-justice', parent: JUSTICE, unit: true },
    { code: '000.10.02.H55', name: 'Phòng đã giải thể', nameEn: 'Dissolved division', kind: 'department-justice', parent: JUSTICE, unit: true, inactive: true },
    { code: WARD, name: 'UBND phường Phan Đình Phùng', nameEn: 'Phan Dinh Phung Ward', kind: 'commune-committee', communeCode: '05440' },
    { code: OTHER_WARD, name: 'UBND xã Đại Phúc', nameEn: 'Dai Phuc Commune', kind: 'commune-committee', communeCode: '05443' },
  ],
}

/** A commune procedure whose source publishes no processing time. */
export const untimed = procedure({ code: '2.001008', name: 'Chứng thực chữ ký người dịch', processingTime: { text: '', options: [], ambiguity: 'Nguồn không công bố thời hạn giải quyết' } })
/** Options per channel, the in-person one first: an online dossier counts with the online one. */
export const channelled = procedure({
  code: '1.012753',
  name: 'Đăng ký đất đai lần đầu',
  processingTime: {
    text: 'Trực tiếp: 20 ngày làm việc | Trực tuyến: 17 ngày làm việc',
    options: [
      { channel: 'in-person', amount: 20, unit: 'working-days' },
      { channel: 'online', amount: 17, unit: 'working-days' },
    ],
  },
})

export function oneStopCatalog(procedures: Procedure[] = [criminalRecord, communeCertificate, untimed, channelled]) {
  return { procedures, fields, agencyKinds, agencies: directory }
}

/** Records every event it is given; answers like the portal's inbound (a seq seen is a duplicate). */
export class RecordingInbound implements StatusInbound {
  readonly events: StatusEvent[] = []
  readonly #last = new Map<string, number>()
  /** When set, `accept` throws it (the inbound is down). */
  failWith: Error | undefined
  /** When set, the answer for this event (e.g. a refusal). */
  answer: ((event: StatusEvent) => InboundOutcome | undefined) | undefined

  accept(event: StatusEvent): InboundOutcome {
    if (this.failWith) throw this.failWith
    const given = this.answer?.(event)
    if (given) return given
    const last = this.#last.get(event.dossierId) ?? 0
    if (event.seq <= last) return { outcome: 'duplicate' }
    if (event.seq > last + 1) return { outcome: 'waiting', expected: last + 1 }
    this.#last.set(event.dossierId, event.seq)
    this.events.push(event)
    return { outcome: 'applied', status: 'registered' satisfies DossierStatus }
  }

  seqs(dossierId: string): number[] {
    return this.events.filter((e) => e.dossierId === dossierId).map((e) => e.seq)
  }
}

/**
 * A second one-stop-shop on the test app's database: what the relay would deliver to. Its events
 * go to `inbound`, by default the portal's inbound handler on the same database (as the app's).
 */
export function oneStopOn(t: TestApp, inbound?: StatusInbound) {
  const logger = createLogger('silent')
  const audit = new AuditLog(t.db, t.clock, logger)
  return embeddedOneStop({
    db: t.db,
    clock: t.clock,
    logger,
    store: t.store,
    audit,
    uploads: new UploadRepository(t.db),
    blobs: new DiskBlobStore(blobDirectory(t.config)),
    inbound: inbound ?? new RelayInbound({ db: t.db, clock: t.clock, logger, audit }),
  })
}

/** A signed-in officer (second factor) with `duties` at `agency`. */
export function officer(t: TestApp, sub: string, agency: string, duties: readonly Duty[], name = `Cán bộ ${sub}`): TestPerson {
  const roles: AssignmentInput[] = duties.map((duty) => ({ role: 'officer', duty, agencyCode: agency }))
  return signedIn(t, { sub, roles, profile: { name } })
}

/** A Session object for service-level tests (no HTTP). */
export function officerSession(sub: string, agency: string, duties: readonly Duty[], userId = 1): Session {
  return {
    publicId: `s-${sub}`,
    userId,
    issuer: 'https://idp.test',
    sub,
    mfa: true,
    idToken: 'test.id.token',
    createdAt: 0,
    lastSeenAt: 0,
    expiresAt: Number.MAX_SAFE_INTEGER,
    idleSeconds: 900,
    assignments: duties.map((duty, i) => ({ id: i + 1, role: 'officer', duty, agencyCode: agency })),
    profile: { name: `Cán bộ ${sub}` },
  }
}

/** A 'submitted' message as the relay builds it. */
export function submittedMessage(receipt: DossierReceipt, submission: DossierSubmission, key = `${receipt.id}:1`): RelayMessage {
  return { key, dossierId: receipt.id, kind: 'submitted', payload: { receipt, submission } }
}

let codeNumber = 0
/** A dossier as received by the portal, without intake (service-level tests, with a RecordingInbound). */
export function receivedDossier(over: { agency?: string; procedure?: Procedure; receivedAt?: string } = {}): { receipt: DossierReceipt; submission: DossierSubmission } {
  const id = randomUUID()
  const p = over.procedure ?? criminalRecord
  const agency = directory.agencies.find((a) => a.code === (over.agency ?? JUSTICE))!
  const file = { sha256: 'a'.repeat(64), size: 1000, type: 'image/jpeg' as const, name: 'to-khai.jpg' }
  codeNumber++
  return {
    receipt: {
      id,
      code: `${agency.code}-260701-${String(codeNumber).padStart(4, '0')}`,
      procedure: { code: p.code, name: p.name },
      agency: { code: agency.code, name: agency.name },
      applicant: { name: 'Nguyễn Văn An' },
      receivedAt: over.receivedAt ?? '2026-07-01T09:00:00+07:00',
      components: [{ componentId: 'c1', label: 'Tờ khai', files: [{ name: file.name, sha256: file.sha256, size: file.size }] }],
      resultDelivery: { method: 'online' },
    },
    submission: { id, procedureCode: p.code, form: {}, components: [{ componentId: 'c1', files: [file] }], resultDelivery: { method: 'online' } },
  }
}

/**
 * A dossier submitted by `citizen` through real intake (one uploaded JPEG), then delivered to the
 * one-stop-shop `onestop` as the relay would. Returns its id, code and the file's bytes.
 */
export async function submitted(t: TestApp, onestop: ReturnType<typeof oneStopOn>, citizen: TestPerson, o: { procedure?: Procedure; communeCode?: '05440' | '05443'; seed?: string } = {}) {
  const bytes = fileBytes('image/jpeg', 1500, o.seed ?? randomUUID())
  const { res } = await upload(t.app, citizen, bytes, { name: 'Tờ khai.jpg' })
  if (res.status !== 204) throw new Error(`upload answered ${res.status}`)
  const p = o.procedure ?? criminalRecord
  const submission: DossierSubmission = {
    id: randomUUID(),
    procedureCode: p.code,
    ...(p.level === 'commune' ? { communeCode: o.communeCode ?? '05440' } : {}),
    form: {},
    components: [{ componentId: 'c1', files: [ref(bytes, 'image/jpeg', 'Tờ khai.jpg')] }],
    resultDelivery: { method: 'online' },
  }
  const posted = await post(t.app, citizen, submission)
  if (posted.status !== 201) throw new Error(`intake answered ${posted.status}: ${await posted.text()}`)
  const row = t.db.$client.prepare('SELECT receipt, submission FROM dossiers WHERE id = ?').get(submission.id) as { receipt: string; submission: string }
  const receipt = JSON.parse(row.receipt) as DossierReceipt
  await onestop.connector.deliver(submittedMessage(receipt, JSON.parse(row.submission) as DossierSubmission), new AbortController().signal)
  return { id: submission.id, code: receipt.code, bytes }
}
