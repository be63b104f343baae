/**
 * POST /api/officer/dossiers/{id}/actions through the real app: every action's happy path, and
 * every bad input (unknown dossier, another agency's, missing reason, wrong duty, illegal
 * transition, a result file not uploaded): a 4xx problem and nothing changed.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { OfficerDossierSchema, type OfficerDossier } from '@portal/shared/onestop/api'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { fileBytes, sha256, upload } from '../dossiers/testing.ts'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'
import { channelled, JUSTICE, officer, oneStopCatalog, oneStopOn, submitted, untimed, WARD } from './testing.ts'

let t: ReturnType<typeof testApp>
let relayed: ReturnType<typeof oneStopOn>
let citizen: TestPerson
let reception: TestPerson
let processing: TestPerson
let approval: TestPerson
let wardOfficer: TestPerson
beforeEach(() => {
  t = testApp({ catalog: oneStopCatalog() })
  relayed = oneStopOn(t)
  citizen = signedIn(t, { sub: 'citizen', profile: { name: 'Nguyễn Văn An' } })
  reception = officer(t, 'le-tan', JUSTICE, ['reception'], 'Đỗ Thị Mai')
  processing = officer(t, 'xu-ly', JUSTICE, ['processing'], 'Ngô Văn Thành')
  approval = officer(t, 'lanh-dao', JUSTICE, ['approval'], 'Lê Văn Bình')
  wardOfficer = officer(t, 'phuong', WARD, ['reception', 'processing', 'approval'])
})
afterEach(() => t.cleanup())

const act = (person: TestPerson, id: string, body: unknown) =>
  t.app.request(`/api/officer/dossiers/${id}/actions`, { method: 'POST', headers: person.headers, body: typeof body === 'string' ? body : JSON.stringify(body) })

async function ok(res: Response): Promise<OfficerDossier> {
  const body = await res.json()
  expect(res.status, JSON.stringify(body)).toBe(200)
  return v.parse(OfficerDossierSchema, body)
}

interface ProblemBody {
  type: string
  title: string
  detail?: string
  code?: string
  errors?: { path: string }[]
}
async function problem(res: Response, status: number, type: string): Promise<ProblemBody> {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  const body = (await res.json()) as ProblemBody
  expect(body.type).toMatch(new RegExp(`/${type}$`))
  return body
}

/** Everything the one-stop-shop holds about a dossier, and the audit log's length: must not move on a refusal. */
const snapshot = (id: string) => ({
  row: t.db.$client.prepare('SELECT * FROM onestop_dossiers WHERE id = ?').get(id),
  events: t.db.$client.prepare('SELECT * FROM onestop_events WHERE dossier_id = ? ORDER BY seq').all(id),
  files: t.db.$client.prepare('SELECT * FROM onestop_files WHERE dossier_id = ?').all(id),
  audit: (t.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
})
const audited = (id: string) =>
  (t.db.$client.prepare("SELECT actor, action FROM audit_log WHERE target = ? AND action LIKE 'onestop.%' ORDER BY seq").all(id) as { actor: string | null; action: string }[]).map(
    (e) => `${e.action} ${e.actor ?? '-'}`,
  )

/** Moves the clock. Sessions idle out after 15 minutes, so the officers sign in again (their roles stay). */
function later(iso: string): void {
  t.clock.set(iso)
  const again = (person: TestPerson, name: string) => signedIn(t, { sub: person.sub, mfa: true, profile: { name } })
  reception = again(reception, 'Đỗ Thị Mai')
  processing = again(processing, 'Ngô Văn Thành')
  approval = again(approval, 'Lê Văn Bình')
}
const minutes = (n: number) => later(new Date(t.clock.now().getTime() + n * 60_000).toISOString())

describe('officer actions: the whole life of a dossier', () => {
  it('receives, asks for a supplement, processes, transfers, records an opinion, takes fees, apologises, approves and returns the result', async () => {
    const { id, code } = await submitted(t, relayed, citizen)

    let d = await ok(await act(reception, id, { type: 'receive' }))
    expect(d).toMatchObject({ code, status: 'accepted', unit: JUSTICE, dueAt: '2026-07-13T17:00:00+07:00', slips: [1], allowed: ['requestSupplement'] })
    expect(d.history).toEqual([{ at: '2026-07-01T15:00:00+07:00', event: 'receive', from: 'registered', to: 'accepted', unit: JUSTICE, actor: 'Đỗ Thị Mai' }])

    minutes(30)
    d = await ok(await act(reception, id, { type: 'requestSupplement', items: [{ componentId: 'c1', description: 'Tờ khai chưa ký' }, { description: 'Thiếu bản sao căn cước' }] }))
    expect(d).toMatchObject({ status: 'supplementRequested', slips: [1, 2], allowed: [] })
    expect(d.dueAt).toBeUndefined()
    expect(d.supplements).toEqual([{ requestedAt: '2026-07-01T15:30:00+07:00', items: [{ componentId: 'c1', description: 'Tờ khai chưa ký' }, { description: 'Thiếu bản sao căn cước' }] }])

    // The applicant's supplement comes through the relay (next issue's screens): the count restarts.
    later('2026-07-02T02:00:00.000Z')
    await relayed.connector.deliver({ key: `${id}:s1`, dossierId: id, kind: 'supplement', payload: null }, new AbortController().signal)

    d = await ok(await act(processing, id, { type: 'startProcessing', unit: JUSTICE }))
    expect(d).toMatchObject({ status: 'processing', dueAt: '2026-07-13T17:00:00+07:00', allowed: ['transfer', 'recordOpinion', 'requireFees'] })
    expect(d.supplements[0]!.receivedAt).toBe('2026-07-02T09:00:00+07:00')

    minutes(10)
    d = await ok(await act(processing, id, { type: 'transfer', toUnit: '000.00.00.H55', note: 'Trình lãnh đạo UBND tỉnh' }))
    expect(d).toMatchObject({ unit: '000.00.00.H55', slips: [1, 2, 5] })
    d = await ok(await act(processing, id, { type: 'recordOpinion', opinion: 'Đủ điều kiện cấp phiếu' }))
    d = await ok(await act(processing, id, { type: 'requireFees', amountVnd: 200000, description: 'Phí cấp phiếu lý lịch tư pháp' }))
    expect(d.status).toBe('financialObligation')
    d = await ok(await act(processing, id, { type: 'feesPaid', paymentRef: 'BL-2026-000123' }))
    expect(d.status).toBe('processing')

    d = await ok(await act(approval, id, { type: 'apologiseLate', reason: 'Chờ xác minh của cơ quan công an', newDueAt: '2026-07-20T10:00:00.000Z' }))
    expect(d).toMatchObject({ status: 'processing', apologyUsed: true, dueAt: '2026-07-20T17:00:00+07:00', slips: [1, 2, 4, 5] })

    d = await ok(await act(approval, id, { type: 'approve' }))
    expect(d).toMatchObject({ status: 'processed', allowed: ['returnResult'] })

    // The result is uploaded first (tus), by the officer who returns it.
    const result = fileBytes('application/pdf', 3000, 'ket-qua')
    expect((await upload(t.app, approval, result, { type: 'application/pdf', name: 'Phiếu lý lịch tư pháp.pdf' })).res.status).toBe(204)
    d = await ok(await act(approval, id, { type: 'returnResult', resultSha256: sha256(result) }))
    expect(d).toMatchObject({ status: 'returned', resultSha256: sha256(result), allowed: [], overdue: false, dueSoon: false })

    expect(d.history.map((h) => [h.event, h.to, h.actor ?? '-'])).toEqual([
      ['receive', 'accepted', 'Đỗ Thị Mai'],
      ['requestSupplement', 'supplementRequested', 'Đỗ Thị Mai'],
      ['supplementReceived', 'accepted', '-'],
      ['startProcessing', 'processing', 'Ngô Văn Thành'],
      ['transfer', 'processing', 'Ngô Văn Thành'],
      ['recordOpinion', 'processing', 'Ngô Văn Thành'],
      ['requireFees', 'financialObligation', 'Ngô Văn Thành'],
      ['feesPaid', 'processing', 'Ngô Văn Thành'],
      ['apologiseLate', 'processing', 'Lê Văn Bình'],
      ['approve', 'processed', 'Lê Văn Bình'],
      ['returnResult', 'returned', 'Lê Văn Bình'],
    ])
    expect(t.db.$client.prepare('SELECT seq FROM onestop_events WHERE dossier_id = ? ORDER BY seq').pluck().all(id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(audited(id)).toEqual([
      'onestop.registered -',
      'onestop.receive le-tan',
      'onestop.requestSupplement le-tan',
      'onestop.supplementReceived -',
      'onestop.startProcessing xu-ly',
      'onestop.transfer xu-ly',
      'onestop.recordOpinion xu-ly',
      'onestop.requireFees xu-ly',
      'onestop.feesPaid xu-ly',
      'onestop.apologiseLate lanh-dao',
      'onestop.approve lanh-dao',
      'onestop.returnResult lanh-dao',
    ])
    const transferDetails = JSON.parse(t.db.$client.prepare("SELECT details FROM audit_log WHERE action = 'onestop.transfer'").pluck().get() as string)
    expect(transferDetails).toEqual({ code, from: 'processing', to: 'processing', seq: 5, toUnit: '000.00.00.H55', note: 'Trình lãnh đạo UBND tỉnh' })
    // Every status event reached the portal's inbound and was applied to the applicant's copy.
    expect(t.db.$client.prepare('SELECT DISTINCT outcome FROM onestop_events WHERE dossier_id = ?').pluck().all(id)).toEqual(['applied'])
    const applicant = signedIn(t, { sub: 'citizen', profile: { name: 'Nguyễn Văn An' } })
    const view = (await (await t.app.request(`/api/dossiers/${id}`, { headers: applicant.headers })).json()) as { status: string }
    expect(view.status).toBe('returned')
    expect(t.db.$client.prepare("SELECT role, type, name FROM onestop_files WHERE dossier_id = ? AND role = 'result'").get(id)).toEqual({
      role: 'result',
      type: 'application/pdf',
      name: 'Phiếu lý lịch tư pháp.pdf',
    })
  })

  it('refuses a dossier with every reason (Mẫu 03), and stops another with its reason', async () => {
    const refused = await submitted(t, relayed, citizen)
    const d = await ok(await act(reception, refused.id, { type: 'refuse', reasons: ['Không thuộc thẩm quyền', ' Hồ sơ giả mạo '] }))
    expect(d).toMatchObject({ status: 'refused', slips: [3], allowed: [] })
    expect(d.history[0]!.note).toBe('Không thuộc thẩm quyền; Hồ sơ giả mạo')

    const stopped = await submitted(t, relayed, citizen)
    await ok(await act(reception, stopped.id, { type: 'receive' }))
    expect(await ok(await act(approval, stopped.id, { type: 'stop', reason: 'Người nộp đề nghị dừng' }))).toMatchObject({ status: 'stopped', allowed: [] })
  })

  it('counts the due date from the catalogue option for online dossiers, or the one chosen', async () => {
    const first = await submitted(t, relayed, citizen, { procedure: channelled, communeCode: '05440' })
    const ward = officer(t, 'phuong-2', WARD, ['reception'])
    // Online option (17 working days) although the in-person one (20) is listed first.
    expect((await ok(await act(ward, first.id, { type: 'receive' }))).dueAt).toBe('2026-07-27T17:00:00+07:00')
    const second = await submitted(t, relayed, citizen, { procedure: channelled, communeCode: '05440' })
    expect((await ok(await act(ward, second.id, { type: 'receive', processingOption: 0 }))).dueAt).toBe('2026-07-30T17:00:00+07:00')
  })
})

describe('officer actions: bad input answers a problem and changes nothing', () => {
  it('an unknown dossier, or one of another agency: 404, whatever the action', async () => {
    const { id } = await submitted(t, relayed, citizen)
    const before = snapshot(id)
    await problem(await act(reception, randomUUID(), { type: 'receive' }), 404, 'not-found')
    await problem(await act(wardOfficer, id, { type: 'receive' }), 404, 'not-found')
    await problem(await act(wardOfficer, id, { type: 'refuse', reasons: ['x'] }), 404, 'not-found')
    expect(snapshot(id)).toEqual(before)
  })

  it('a missing or empty reason, item or unit: 400 with the field named', async () => {
    const { id } = await submitted(t, relayed, citizen)
    const before = snapshot(id)
    const cases: [TestPerson, unknown, string][] = [
      [reception, { type: 'refuse', reasons: [] }, 'reasons'],
      [reception, { type: 'refuse', reasons: ['   '] }, 'reasons.0'],
      [reception, { type: 'refuse' }, 'reasons'],
      [reception, { type: 'requestSupplement', items: [] }, 'items'],
      [reception, { type: 'requestSupplement', items: [{ description: '' }] }, 'items.0.description'],
      [approval, { type: 'stop' }, 'reason'],
      [approval, { type: 'apologiseLate', newDueAt: '2026-07-20T10:00:00Z' }, 'reason'],
      [approval, { type: 'apologiseLate', reason: 'Trễ', newDueAt: 'thứ hai' }, 'newDueAt'],
      [processing, { type: 'transfer', toUnit: 'phòng tư pháp' }, 'toUnit'],
      [processing, { type: 'recordOpinion', opinion: ' ' }, 'opinion'],
      [processing, { type: 'requireFees', amountVnd: 0, description: 'Phí' }, 'amountVnd'],
      [approval, { type: 'returnResult', resultSha256: 'abc' }, 'resultSha256'],
      [reception, { type: 'receive', processingOption: 5 }, 'processingOption'],
      [reception, { type: 'fly' }, 'type'],
    ]
    for (const [person, body, path] of cases) {
      const p = await problem(await act(person, id, body), 400, 'invalid-input')
      expect(p.errors?.map((e) => e.path), JSON.stringify(body)).toContain(path)
    }
    await problem(await act(reception, id, '{not json'), 400, 'invalid-input')
    await problem(await act(reception, 'not-a-uuid', { type: 'receive' }), 400, 'invalid-input')
    expect(snapshot(id)).toEqual(before)
  })

  it('an action the state machine refuses now: 409 transition-refused with the lifecycle code and its Vietnamese message', async () => {
    const { id } = await submitted(t, relayed, citizen)
    let before = snapshot(id)
    let p = await problem(await act(approval, id, { type: 'approve' }), 409, 'transition-refused')
    expect(p).toMatchObject({ code: 'not-allowed', title: 'Không thể thực hiện thao tác với hồ sơ', detail: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.' })
    expect(snapshot(id)).toEqual(before)

    await ok(await act(reception, id, { type: 'receive' }))
    await ok(await act(processing, id, { type: 'startProcessing', unit: JUSTICE }))
    before = snapshot(id)
    p = await problem(await act(processing, id, { type: 'transfer', toUnit: JUSTICE }), 409, 'transition-refused')
    expect(p).toMatchObject({ code: 'same-unit', detail: 'Hồ sơ đang ở đơn vị này.' })
    p = await problem(await act(approval, id, { type: 'apologiseLate', reason: 'Trễ', newDueAt: '2026-07-01T10:00:00Z' }), 409, 'transition-refused')
    expect(p.code).toBe('new-date-not-later')
    expect(snapshot(id)).toEqual(before)

    await ok(await act(approval, id, { type: 'apologiseLate', reason: 'Chờ xác minh', newDueAt: '2026-07-20T10:00:00Z' }))
    before = snapshot(id)
    p = await problem(await act(approval, id, { type: 'apologiseLate', reason: 'Lại trễ', newDueAt: '2026-07-27T10:00:00Z' }), 409, 'transition-refused')
    expect(p).toMatchObject({ code: 'apology-used', detail: 'Đã hẹn lại ngày trả kết quả một lần: không được hẹn lại nữa.' })
    // A supplement request more than 3 working days after receipt.
    later('2026-07-08T02:00:00.000Z')
    p = await problem(await act(reception, id, { type: 'requestSupplement', items: [{ description: 'Thiếu giấy tờ' }] }), 409, 'transition-refused')
    expect(p.code).toBe('supplement-window-closed')
    expect(snapshot(id)).toEqual(before)
  })

  it('an officer of the agency without the duty the action needs: 403 naming it', async () => {
    const { id } = await submitted(t, relayed, citizen)
    const before = snapshot(id)
    const p = await problem(await act(processing, id, { type: 'receive' }), 403, 'forbidden')
    expect(p.detail).toBe('Thao tác này cần nhiệm vụ tiếp nhận tại cơ quan tiếp nhận hồ sơ.')
    await problem(await act(reception, id, { type: 'approve' }), 403, 'forbidden')
    expect(snapshot(id)).toEqual(before)
  })

  it('a result file the officer did not upload, or a procedure without a processing time: 422', async () => {
    const { id, bytes } = await submitted(t, relayed, citizen)
    await ok(await act(reception, id, { type: 'receive' }))
    await ok(await act(processing, id, { type: 'startProcessing', unit: JUSTICE }))
    await ok(await act(approval, id, { type: 'approve' }))
    const before = snapshot(id)
    // The citizen's own file: its bytes are on the server, but this officer holds no grant for them.
    await problem(await act(approval, id, { type: 'returnResult', resultSha256: sha256(bytes) }), 422, 'result-file-unknown')
    await problem(await act(approval, id, { type: 'returnResult', resultSha256: 'f'.repeat(64) }), 422, 'result-file-unknown')
    expect(snapshot(id)).toEqual(before)

    const ward = officer(t, 'phuong-2', WARD, ['reception'])
    const other = await submitted(t, relayed, citizen, { procedure: untimed, communeCode: '05440' })
    const untouched = snapshot(other.id)
    const p = await problem(await act(ward, other.id, { type: 'receive' }), 422, 'processing-time-missing')
    expect(p.detail).toContain('2.001008')
    expect(snapshot(other.id)).toEqual(untouched)
  })

  it('a stranger 401 (before any validation), a citizen 403, an officer without a second factor 403', async () => {
    const { id } = await submitted(t, relayed, citizen)
    const before = snapshot(id)
    const stranger = { Origin: TEST_ORIGIN, 'X-Requested-With': 'portal', 'Content-Type': 'application/json' }
    expect((await t.app.request(`/api/officer/dossiers/${id}/actions`, { method: 'POST', headers: stranger, body: '{' })).status).toBe(401)
    await problem(await act(citizen, id, { type: 'receive' }), 403, 'forbidden')
    const weak = signedIn(t, { sub: 'weak', roles: [{ role: 'officer', duty: 'reception', agencyCode: JUSTICE }], mfa: false })
    await problem(await act(weak, id, { type: 'receive' }), 403, 'mfa-required')
    const noHeader: Record<string, string> = { ...reception.headers }
    delete noHeader['X-Requested-With']
    expect((await t.app.request(`/api/officer/dossiers/${id}/actions`, { method: 'POST', headers: noHeader, body: JSON.stringify({ type: 'receive' }) })).status).toBe(403)
    expect(snapshot(id)).toEqual(before)
  })
})
