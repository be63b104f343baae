/**
 * The applicant's progress through a whole life (fees, apology, transfer to a unit, the result)
 * and GET /api/dossiers/{id}/result: the returned file with its SHA-256 in Repr-Digest (RFC 9530),
 * to the owner only, and 404 before the result.
 */
import { createHash, randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JUSTICE, JUSTICE_UNIT, submitted } from '../onestop/testing.ts'
import { problem, lifeHarness } from './life.test-support.ts'
import { reprDigest } from './result.ts'
import { fileBytes, sha256, upload } from './testing.ts'

let h: ReturnType<typeof lifeHarness>
beforeEach(() => {
  h = lifeHarness()
})
afterEach(() => h.t.cleanup())

const result = (person: { headers: Record<string, string> }, id: string) => h.t.app.request(`/api/dossiers/${id}/result`, { headers: person.headers })

describe('the progress on the phone and GET /api/dossiers/{id}/result', () => {
  it('follows the life: unit named, fees while they are due, the apology, overdue, then the result to download', async () => {
    const { id } = await submitted(h.t, h.relayed, h.people.citizen)
    await h.relay()
    await problem(await result(h.people.citizen, id), 404, 'not-found')
    await h.act(h.people.reception, id, { type: 'receive' })
    await h.act(h.people.processing, id, { type: 'startProcessing', unit: JUSTICE })
    await h.act(h.people.processing, id, { type: 'transfer', toUnit: JUSTICE_UNIT, note: 'Chuyển phòng chuyên môn' })
    await h.act(h.people.processing, id, { type: 'requireFees', amountVnd: 200000, description: 'Phí cấp phiếu lý lịch tư pháp' })

    let view = await h.view(h.people.citizen, id)
    expect(view.status).toBe('financialObligation')
    expect(view.progress).toMatchObject({
      dueAt: '2026-07-13T17:00:00+07:00',
      overdue: false,
      unit: { code: JUSTICE_UNIT, name: 'Phòng Hành chính tư pháp' },
      fees: { amountVnd: 200000, description: 'Phí cấp phiếu lý lịch tư pháp' },
      slips: [1, 5],
    })
    expect(view.history.find((e) => e.event === 'transfer')).toMatchObject({ note: 'Chuyển phòng chuyên môn', unit: { code: JUSTICE_UNIT, name: 'Phòng Hành chính tư pháp' } })

    await h.act(h.people.processing, id, { type: 'feesPaid', paymentRef: 'BL-2026-000123' })
    await h.act(h.people.approval, id, { type: 'apologiseLate', reason: 'Chờ xác minh của cơ quan công an', newDueAt: '2026-07-20T10:00:00.000Z' })
    view = await h.view(h.people.citizen, id)
    expect(view.progress?.fees).toBeUndefined()
    expect(view.progress).toMatchObject({
      dueAt: '2026-07-20T17:00:00+07:00',
      apology: { at: '2026-07-01T15:00:00+07:00', reason: 'Chờ xác minh của cơ quan công an', newDueAt: '2026-07-20T17:00:00+07:00' },
      slips: [1, 4, 5],
    })

    // Past the new date, still open: overdue (judged when asked).
    h.later('2026-07-21T02:00:00.000Z')
    expect((await h.view(h.people.citizen, id)).progress?.overdue).toBe(true)
    await h.act(h.people.approval, id, { type: 'approve' })
    await problem(await result(h.people.citizen, id), 404, 'not-found')

    const bytes = fileBytes('application/pdf', 3000, 'ket-qua')
    expect((await upload(h.t.app, h.people.approval, bytes, { type: 'application/pdf', name: 'Phiếu lý lịch tư pháp.pdf' })).res.status).toBe(204)
    await h.act(h.people.approval, id, { type: 'returnResult', resultSha256: sha256(bytes) })

    view = await h.view(h.people.citizen, id)
    expect(view.status).toBe('returned')
    expect(view.progress?.result).toEqual({ sha256: sha256(bytes), name: 'Phiếu lý lịch tư pháp.pdf', type: 'application/pdf', size: 3000, returnedAt: '2026-07-21T09:00:00+07:00' })
    // Closed: the due date stays as a fact, with no flag.
    expect(view.progress?.overdue).toBe(false)

    const res = await result(h.people.citizen, id)
    expect(res.status).toBe(200)
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.equals(bytes)).toBe(true)
    expect(res.headers.get('Repr-Digest')).toBe(`sha-256=:${createHash('sha256').update(body).digest('base64')}:`)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(res.headers.get('Content-Length')).toBe('3000')
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="Phieu ly lich tu phap.pdf"; filename*=UTF-8''${encodeURIComponent('Phiếu lý lịch tư pháp.pdf')}`)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(h.t.db.$client.prepare("SELECT actor, details FROM audit_log WHERE action = 'result.downloaded' AND target = ?").all(id)).toEqual([
      { actor: 'citizen', details: JSON.stringify({ code: view.code, sha256: sha256(bytes) }) },
    ])

    await problem(await result(h.people.stranger, id), 404, 'not-found')
    await problem(await result(h.people.approval, id), 404, 'not-found')
    await problem(await result(h.people.citizen, randomUUID()), 404, 'not-found')
    await problem(await result(h.people.citizen, 'x'), 400, 'invalid-input')
  })

  it('writes the digest of RFC 9530 from the hex SHA-256', () => {
    const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    expect(reprDigest(empty)).toBe('sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:')
  })
})
