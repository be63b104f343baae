/**
 * The slip and register routes through the real app: a dossier submitted by real intake, received
 * and moved by officers through the embedded one-stop-shop's actions, its life mirrored by the
 * relay's inbound; the PDFs read back. Access: the owner and the officers of the dossier's agency
 * only (everybody else 404), the register for officers of that agency.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PageSizes, PDFDocument } from 'pdf-lib'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { pdfText } from '../dossiers/pdf-text.test-support.ts'
import { communeCertificate, fileBytes, sha256, upload } from '../dossiers/testing.ts'
import { JUSTICE, JUSTICE_UNIT, officer, oneStopCatalog, oneStopOn, submitted, WARD } from '../onestop/testing.ts'
import { testApp } from '../testing/app.ts'
import { REGISTER_MAX_ROWS } from './routes.ts'

let t: ReturnType<typeof testApp>
let relayed: ReturnType<typeof oneStopOn>
let citizen: TestPerson
let stranger: TestPerson
let reception: TestPerson
let processing: TestPerson
let approval: TestPerson
let wardOfficer: TestPerson
beforeEach(() => {
  t = testApp({ catalog: oneStopCatalog() })
  relayed = oneStopOn(t)
  citizen = signedIn(t, { sub: 'citizen', profile: { name: 'Nguyễn Văn An' } })
  stranger = signedIn(t, { sub: 'stranger' })
  reception = officer(t, 'le-tan', JUSTICE, ['reception'])
  processing = officer(t, 'xu-ly', JUSTICE, ['processing'])
  approval = officer(t, 'lanh-dao', JUSTICE, ['approval'])
  wardOfficer = officer(t, 'phuong', WARD, ['reception', 'processing', 'approval'])
})
afterEach(() => t.cleanup())

const act = async (person: TestPerson, id: string, body: unknown) => {
  const res = await t.app.request(`/api/officer/dossiers/${id}/actions`, { method: 'POST', headers: person.headers, body: JSON.stringify(body) })
  expect(res.status, await res.clone().text()).toBe(200)
}
const slip = (person: TestPerson | null, id: string, form: number | string) => t.app.request(`/api/dossiers/${id}/slips/${form}`, person ? { headers: person.headers } : {})
const register = (person: TestPerson | null, query: string) => t.app.request(`/api/officer/register.pdf?${query}`, person ? { headers: person.headers } : {})

/** Moves the clock; everybody signs in again (sessions idle out after 15 minutes; roles stay). */
function later(iso: string): void {
  t.clock.set(iso)
  const again = (p: TestPerson, mfa = true) => signedIn(t, { sub: p.sub, mfa })
  citizen = again(citizen, false)
  stranger = again(stranger, false)
  reception = again(reception)
  processing = again(processing)
  approval = again(approval)
  wardOfficer = again(wardOfficer)
}

async function pdf(res: Response) {
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200)
  expect(res.headers.get('Content-Type')).toBe('application/pdf')
  expect(res.headers.get('Cache-Control')).toBe('no-store')
  const bytes = new Uint8Array(await res.arrayBuffer())
  const doc = await PDFDocument.load(bytes)
  return { doc, sizes: doc.getPages().map((p) => [p.getWidth(), p.getHeight()]), flat: (await pdfText(bytes)).replace(/\s+/g, ' ') }
}

async function problem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  const body = (await res.json()) as { type: string; errors?: { path: string }[] }
  expect(body.type).toMatch(new RegExp(`/${type}$`))
  return body
}

const audited = (action: string) => t.db.$client.prepare('SELECT actor, target, details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as { actor: string; target: string; details: string }[]

describe('GET /api/dossiers/{id}/slips/{form}', () => {
  it('the owner and the officers of its agency get it; anybody else gets 404; nobody signed in gets 401', async () => {
    const { id, code } = await submitted(t, relayed, citizen)
    await act(reception, id, { type: 'receive' })

    const owned = await slip(citizen, id, 1)
    expect(owned.headers.get('Content-Disposition')).toBe(`inline; filename="mau-01-tiep-nhan-hen-tra-${code}.pdf"`)
    const { doc, sizes, flat } = await pdf(owned)
    expect(sizes).toEqual([PageSizes.A5])
    expect(doc.getSubject()).toBe(code)
    expect(flat).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ')
    expect(flat).toContain(code)
    expect(flat).toContain('SỞ TƯ PHÁP TỈNH THÁI NGUYÊN')
    // Received Wednesday 1/7/2026 at 15:00 (after the cut-off): due Monday 13/7 at 17:00.
    expect(flat).toContain('Thời gian nhận hồ sơ: 15 giờ 00 phút, ngày 01 tháng 7 năm 2026')
    expect(flat).toContain('Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 13 tháng 7 năm 2026')
    expect(flat).toContain('Đăng ký nhận kết quả tại: Cổng Dịch vụ công (nhận kết quả điện tử)')

    await pdf(await slip(reception, id, 1))
    await pdf(await slip(approval, id, 1))
    expect(audited('slip.read').map((e) => [e.actor, e.target, JSON.parse(e.details)])).toEqual([
      ['le-tan', id, { code, form: 1 }],
      ['lanh-dao', id, { code, form: 1 }],
    ])

    await problem(await slip(stranger, id, 1), 404, 'not-found')
    await problem(await slip(wardOfficer, id, 1), 404, 'not-found')
    // An officer's role counts only with a second factor.
    await problem(await slip(signedIn(t, { sub: reception.sub, mfa: false }), id, 1), 404, 'not-found')
    await problem(await slip(null, id, 1), 401, 'unauthenticated')
    await problem(await slip(null, id, 9), 401, 'unauthenticated')
  })

  it('answers 404 for a slip the dossier has not been issued and for an unknown dossier, 400 for a bad form or id', async () => {
    const { id } = await submitted(t, relayed, citizen)
    for (const form of [1, 2, 3, 4, 5]) await problem(await slip(citizen, id, form), 404, 'not-found')
    await act(reception, id, { type: 'receive' })
    for (const form of [2, 3, 4, 5]) await problem(await slip(citizen, id, form), 404, 'not-found')
    await problem(await slip(citizen, randomUUID(), 1), 404, 'not-found')
    expect((await problem(await slip(citizen, id, 6), 400, 'invalid-input')).errors?.map((e) => e.path)).toEqual(['form'])
    await problem(await slip(citizen, id, 'x'), 400, 'invalid-input')
    await problem(await slip(citizen, 'not-a-uuid', 1), 400, 'invalid-input')
  })

  it('serves every slip of a whole life with its facts: receipt, supplement request, control slip, apology; and a refusal', async () => {
    const { id, code } = await submitted(t, relayed, citizen)
    await act(reception, id, { type: 'receive' })
    later('2026-07-01T08:30:00.000Z')
    await act(reception, id, { type: 'requestSupplement', items: [{ componentId: 'c1', description: 'Tờ khai chưa ký' }, { description: 'Thiếu bản sao căn cước' }] })
    later('2026-07-02T02:00:00.000Z')
    await relayed.connector.deliver({ key: `${id}:s1`, dossierId: id, kind: 'supplement', payload: null }, new AbortController().signal)
    await act(processing, id, { type: 'startProcessing', unit: JUSTICE })
    later('2026-07-02T03:00:00.000Z')
    await act(processing, id, { type: 'transfer', toUnit: JUSTICE_UNIT, note: 'Xác minh nhân thân' })
    later('2026-07-08T02:00:00.000Z')
    await act(approval, id, { type: 'apologiseLate', reason: 'Chờ xác minh của cơ quan công an', newDueAt: '2026-07-20T10:00:00.000Z' })
    later('2026-07-17T02:00:00.000Z')
    await act(approval, id, { type: 'approve' })
    const result = fileBytes('application/pdf', 3000, 'ket-qua')
    expect((await upload(t.app, approval, result, { type: 'application/pdf', name: 'ket-qua.pdf' })).res.status).toBe(204)
    await act(approval, id, { type: 'returnResult', resultSha256: sha256(result) })

    const receipt = await pdf(await slip(citizen, id, 1))
    // The supplement received Thursday 2/7 at 09:00 restarted the count (7 working days): due Monday 13/7.
    expect(receipt.flat).toContain('Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 02 tháng 7 năm 2026')
    expect(receipt.flat).toContain('Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 13 tháng 7 năm 2026')

    const request = await pdf(await slip(citizen, id, 2))
    expect(request.flat).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ')
    expect(request.flat).toContain('1. Tờ khai theo mẫu: Tờ khai chưa ký')
    expect(request.flat).toContain('2. Thiếu bản sao căn cước')

    const apology = await pdf(await slip(citizen, id, 4))
    expect(apology.flat).toContain('Lý do: Chờ xác minh của cơ quan công an')
    expect(apology.flat).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 13 tháng 7 năm 2026')
    expect(apology.flat).toContain('ngày 20 tháng 7 năm 2026')

    const controlRes = await slip(reception, id, 5)
    expect(controlRes.headers.get('Content-Disposition')).toBe(`inline; filename="mau-05-kiem-soat-${code}.pdf"`)
    const control = await pdf(controlRes)
    expect(control.sizes.every(([w, h]) => w === PageSizes.A5[0] && h === PageSizes.A5[1])).toBe(true)
    expect(control.flat).toContain(code)
    expect(control.flat).toContain('Giao: Sở Tư pháp tỉnh Thái Nguyên Nhận: Phòng Hành chính tư pháp')
    expect(control.flat).toContain('10:00 02/07/2026')
    expect(control.flat).toContain('Xác minh nhân thân')
    expect(control.flat).toContain('Trả kết quả: Bộ phận tiếp nhận và trả kết quả Nhận: Nguyễn Văn An')
    expect(control.flat).toContain('Trước hạn')

    const refused = await submitted(t, relayed, citizen)
    await act(reception, refused.id, { type: 'refuse', reasons: ['Không thuộc thẩm quyền', 'Hồ sơ giả mạo'] })
    const refusal = await pdf(await slip(citizen, refused.id, 3))
    expect(refusal.flat).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ')
    expect(refusal.flat).toContain(refused.code)
    expect(refusal.flat).toContain('1. Không thuộc thẩm quyền')
    expect(refusal.flat).toContain('2. Hồ sơ giả mạo')
  })
})

describe('GET /api/officer/register.pdf', () => {
  it('prints the dossiers registered with the agency on the days asked, for its officers, and audits it', async () => {
    const first = await submitted(t, relayed, citizen)
    await act(reception, first.id, { type: 'receive' })
    const second = await submitted(t, relayed, citizen)
    const ward = await submitted(t, relayed, citizen, { procedure: communeCertificate })
    later('2026-07-02T03:00:00.000Z')
    const nextDay = await submitted(t, relayed, citizen)

    const res = await register(reception, `agency=${JUSTICE}&from=2026-07-01&to=2026-07-01`)
    expect(res.headers.get('Content-Disposition')).toBe(`inline; filename="so-theo-doi-ho-so-${JUSTICE}-2026-07-01-2026-07-01.pdf"`)
    const { sizes, flat } = await pdf(res)
    expect(sizes).toEqual([[PageSizes.A4[1], PageSizes.A4[0]]])
    expect(flat).toContain('SỔ THEO DÕI HỒ SƠ')
    expect(flat).toContain('Từ ngày 01/07/2026 đến ngày 01/07/2026')
    expect(flat).toContain(first.code)
    expect(flat).toContain(second.code)
    expect(flat).not.toContain(ward.code)
    expect(flat).not.toContain(nextDay.code)
    expect(flat).toContain('Được tiếp nhận')
    expect(flat).toContain('17:00 13/07/2026')
    expect(flat).toContain('Số hồ sơ: 2.')

    expect((await pdf(await register(processing, `agency=${JUSTICE}&from=2026-07-01&to=2026-07-02`))).flat).toContain(nextDay.code)
    expect((await pdf(await register(wardOfficer, `agency=${WARD}&from=2026-07-01&to=2026-07-02`))).flat).toContain(ward.code)
    expect(audited('register.printed').map((e) => [e.actor, e.target, JSON.parse(e.details)])).toEqual([
      ['le-tan', JUSTICE, { from: '2026-07-01', to: '2026-07-01', dossiers: 2 }],
      ['xu-ly', JUSTICE, { from: '2026-07-01', to: '2026-07-02', dossiers: 3 }],
      ['phuong', WARD, { from: '2026-07-01', to: '2026-07-02', dossiers: 1 }],
    ])
  })

  it('is refused to anybody but an officer of that agency: 401 without a session, 403 otherwise', async () => {
    const query = `agency=${JUSTICE}&from=2026-07-01&to=2026-07-31`
    await problem(await register(null, query), 401, 'unauthenticated')
    await problem(await register(citizen, query), 403, 'forbidden')
    await problem(await register(wardOfficer, query), 403, 'forbidden')
    await problem(await register(reception, 'from=2026-07-01&to=2026-07-31'), 403, 'forbidden')
    await problem(await register(signedIn(t, { sub: reception.sub, mfa: false }), query), 403, 'mfa-required')
    expect(audited('register.printed')).toEqual([])
  })

  it('answers 400 problem+json for a bad range', async () => {
    const cases: [string, string][] = [
      ['from=2026-07-02&to=2026-07-01', 'to'],
      ['from=2025-07-01&to=2026-07-02', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=01/07/2026&to=2026-07-02', 'from'],
      ['to=2026-07-02', 'from'],
      ['from=2026-07-01', 'to'],
    ]
    for (const [range, path] of cases) {
      const body = await problem(await register(reception, `agency=${JUSTICE}&${range}`), 400, 'invalid-input')
      expect(body.errors?.map((e) => e.path), range).toContain(path)
    }
    // 366 days, both ends included, is allowed.
    await pdf(await register(reception, `agency=${JUSTICE}&from=2025-07-02&to=2026-07-02`))
  })

  it(`asks for a shorter range past ${REGISTER_MAX_ROWS} dossiers (422)`, async () => {
    const { id } = await submitted(t, relayed, citizen)
    // Copies of the dossier under new ids, codes and sequence numbers: enough rows without as many intakes.
    const c = t.db.$client
    const copy = c.prepare(
      `INSERT INTO dossiers (id, user_id, code, procedure_code, agency_code, status, submission_hash, submission, receipt, submitted_at, updated_at, seq, life, last_event_seq)
       SELECT ?, user_id, ?, procedure_code, agency_code, status, submission_hash, submission, receipt, submitted_at, updated_at, ?, life, last_event_seq FROM dossiers WHERE id = ?`,
    )
    const top = (c.prepare('SELECT max(seq) AS seq FROM dossiers').get() as { seq: number }).seq
    c.transaction(() => {
      for (let n = 1; n <= REGISTER_MAX_ROWS; n++) copy.run(randomUUID(), `${JUSTICE}-260701-${String(1000 + n).padStart(4, '0')}`, top + n, id)
    })()
    await problem(await register(reception, `agency=${JUSTICE}&from=2026-07-01&to=2026-07-01`), 422, 'register-too-large')
  })
})
