/**
 * What officers read: the dossier page (with the actions their duties allow), a component file
 * or the result as a preview, and the units to transfer to. Reads are audited; others' ids are
 * "not found".
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { OfficerDossierSchema, OfficerUnitSchema } from '@portal/shared/onestop/api'
import { tryOthersIds } from '../auth/testing/idor.ts'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { fileBytes, sha256, upload } from '../dossiers/testing.ts'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'
import { JUSTICE, JUSTICE_UNIT, officer, oneStopCatalog, oneStopOn, submitted, WARD } from './testing.ts'

let t: ReturnType<typeof testApp>
let relayed: ReturnType<typeof oneStopOn>
let citizen: TestPerson
let reception: TestPerson
let processing: TestPerson
let wardOfficer: TestPerson
beforeEach(() => {
  t = testApp({ catalog: oneStopCatalog() })
  relayed = oneStopOn(t)
  citizen = signedIn(t, { sub: 'citizen', profile: { name: 'Nguyễn Văn An' } })
  reception = officer(t, 'le-tan', JUSTICE, ['reception'])
  processing = officer(t, 'xu-ly', JUSTICE, ['processing', 'approval'])
  wardOfficer = officer(t, 'phuong', WARD, ['reception', 'processing', 'approval'])
})
afterEach(() => t.cleanup())

const get = (person: TestPerson, path: string) => t.app.request(path, { headers: person.headers })
const audits = (action: string) => t.db.$client.prepare('SELECT actor, target FROM audit_log WHERE action = ?').all(action)

describe('GET /api/officer/dossiers/{id}', () => {
  it('shows the dossier with its form, receipt and files, and the actions this officer’s duties allow now; the read is audited', async () => {
    const { id, code, bytes } = await submitted(t, relayed, citizen)
    const res = await get(reception, `/api/officer/dossiers/${id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const d = v.parse(OfficerDossierSchema, await res.json())
    expect(d).toMatchObject({
      id,
      code,
      status: 'registered',
      applicantName: 'Nguyễn Văn An',
      registeredAt: '2026-07-01T15:00:00+07:00',
      history: [],
      supplements: [],
      apologyUsed: false,
      slips: [],
      allowed: ['receive', 'refuse', 'requestSupplement'],
    })
    expect(d.receipt.components[0]!.files[0]!.sha256).toBe(sha256(bytes))
    expect(d.submission.components[0]!.files[0]).toMatchObject({ sha256: sha256(bytes), type: 'image/jpeg' })
    // Processing and approval can do nothing to a new dossier.
    expect(v.parse(OfficerDossierSchema, await (await get(processing, `/api/officer/dossiers/${id}`)).json()).allowed).toEqual([])
    expect(audits('onestop.dossier-read')).toEqual([
      { actor: 'le-tan', target: id },
      { actor: 'xu-ly', target: id },
    ])
  })

  it('answers 404 for an unknown dossier or another agency’s, 403 to citizens (even the applicant), 401 to strangers, 400 for a malformed id', async () => {
    const { id } = await submitted(t, relayed, citizen)
    expect((await get(reception, `/api/officer/dossiers/${randomUUID()}`)).status).toBe(404)
    expect((await get(wardOfficer, `/api/officer/dossiers/${id}`)).status).toBe(404)
    expect((await get(citizen, `/api/officer/dossiers/${id}`)).status).toBe(403)
    expect((await t.app.request(`/api/officer/dossiers/${id}`, { headers: { Origin: TEST_ORIGIN } })).status).toBe(401)
    expect((await get(reception, '/api/officer/dossiers/42')).status).toBe(400)
    expect(audits('onestop.dossier-read')).toEqual([])
  })
})

describe('GET /api/officer/dossiers/{id}/files/{sha256}', () => {
  it('serves a file of the dossier inline, as its type, never sniffed; the read is audited', async () => {
    const { id, bytes } = await submitted(t, relayed, citizen)
    const res = await get(reception, `/api/officer/dossiers/${id}/files/${sha256(bytes)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/jpeg')
    expect(res.headers.get('Content-Disposition')).toBe(`inline; filename="To khai.jpg"; filename*=UTF-8''${encodeURIComponent('Tờ khai.jpg')}`)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
    expect(audits('onestop.file-read')).toEqual([{ actor: 'le-tan', target: id }])
  })

  it('serves the result file once returned', async () => {
    const { id } = await submitted(t, relayed, citizen)
    const act = (person: TestPerson, body: unknown) => t.app.request(`/api/officer/dossiers/${id}/actions`, { method: 'POST', headers: person.headers, body: JSON.stringify(body) })
    expect((await act(reception, { type: 'receive' })).status).toBe(200)
    expect((await act(processing, { type: 'startProcessing', unit: JUSTICE_UNIT })).status).toBe(200)
    expect((await act(processing, { type: 'approve' })).status).toBe(200)
    const result = fileBytes('application/pdf', 2500, 'ket-qua')
    expect((await upload(t.app, processing, result, { type: 'application/pdf', name: 'ket-qua.pdf' })).res.status).toBe(204)
    expect((await act(processing, { type: 'returnResult', resultSha256: sha256(result) })).status).toBe(200)
    const res = await get(reception, `/api/officer/dossiers/${id}/files/${sha256(result)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(Buffer.from(await res.arrayBuffer()).equals(result)).toBe(true)
  })

  it('answers 404 for a file of another dossier, bytes on the server that are not the dossier’s, or another agency’s officer', async () => {
    const first = await submitted(t, relayed, citizen)
    const second = await submitted(t, relayed, citizen)
    expect((await get(reception, `/api/officer/dossiers/${first.id}/files/${sha256(second.bytes)}`)).status).toBe(404)
    const stray = fileBytes('image/png', 900, 'stray')
    expect((await upload(t.app, citizen, stray, { type: 'image/png', name: 'stray.png' })).res.status).toBe(204)
    expect((await get(reception, `/api/officer/dossiers/${first.id}/files/${sha256(stray)}`)).status).toBe(404)
    expect((await get(wardOfficer, `/api/officer/dossiers/${first.id}/files/${sha256(first.bytes)}`)).status).toBe(404)
    expect((await get(reception, `/api/officer/dossiers/${first.id}/files/not-a-hash`)).status).toBe(400)
    expect(audits('onestop.file-read')).toEqual([])
  })
})

describe('GET /api/officer/units', () => {
  it('lists the active agencies and units of the directory, the officer’s agency and its units first', async () => {
    const res = await get(reception, '/api/officer/units')
    expect(res.status).toBe(200)
    const units = v.parse(v.array(OfficerUnitSchema), await res.json())
    expect(units.map((u) => u.code)).toEqual([JUSTICE, JUSTICE_UNIT, WARD, '000.02.01.H55'])
    expect(units[1]).toEqual({ code: JUSTICE_UNIT, name: 'Phòng Hành chính tư pháp', parent: JUSTICE })
    const ward = v.parse(v.array(OfficerUnitSchema), await (await get(wardOfficer, `/api/officer/units?agency=${WARD}`)).json())
    expect(ward.map((u) => u.code)).toEqual([WARD, JUSTICE, JUSTICE_UNIT, '000.02.01.H55'])
  })

  it('refuses another agency (403), citizens (403) and strangers (401)', async () => {
    expect((await get(reception, `/api/officer/units?agency=${WARD}`)).status).toBe(403)
    expect((await get(citizen, '/api/officer/units')).status).toBe(403)
    expect((await t.app.request('/api/officer/units', { headers: { Origin: TEST_ORIGIN } })).status).toBe(401)
  })
})

describe('other agencies’ ids (IDOR)', () => {
  it('gives another agency’s officer and a citizen nothing on any route of a dossier, and changes nothing', async () => {
    const { id, bytes } = await submitted(t, relayed, citizen)
    const before = t.db.$client.prepare('SELECT * FROM onestop_dossiers WHERE id = ?').get(id)
    const probes = [
      { method: 'GET' as const, path: `/api/officer/dossiers/${id}` },
      { method: 'GET' as const, path: `/api/officer/dossiers/${id}/files/${sha256(bytes)}` },
      ...(['receive', 'refuse', 'approve'] as const).map((type) => ({
        method: 'POST' as const,
        path: `/api/officer/dossiers/${id}/actions`,
        body: type === 'refuse' ? { type, reasons: ['x'] } : { type },
      })),
    ]
    expect(await tryOthersIds(t.app, wardOfficer, probes)).toEqual([])
    expect(await tryOthersIds(t.app, citizen, probes)).toEqual([])
    expect(t.db.$client.prepare('SELECT * FROM onestop_dossiers WHERE id = ?').get(id)).toEqual(before)
    expect((await get(wardOfficer, `/api/officer/dossiers?agency=${JUSTICE}`)).status).toBe(403)
  })
})
