/**
 * POST /api/dossiers/{id}/supplements and /withdrawal through the real app: each lands once in
 * the embedded one-stop-shop through the relay, and its status comes back into the applicant's
 * view; every bad input of issue 7 is a clear 4xx with nothing changed.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { dueDate } from '@portal/shared/lifecycle/working-days'
import { HOLIDAYS_2025_2027 } from '@portal/shared/lifecycle/holidays'
import { OfficerDossierSchema } from '@portal/shared/onestop/api'
import { submitted } from '../onestop/testing.ts'
import { problem, lifeHarness } from './life.test-support.ts'
import { fileBytes, ref, sha256, upload } from './testing.ts'

let h: ReturnType<typeof lifeHarness>
beforeEach(() => {
  h = lifeHarness()
})
afterEach(() => h.t.cleanup())

/** A photo uploaded by `person`, as a file reference. */
async function photo(person = h.people.citizen, seed = randomUUID()) {
  const bytes = fileBytes('image/jpeg', 1800, seed)
  expect((await upload(h.t.app, person, bytes, { name: 'Tờ khai mới.jpg' })).res.status).toBe(204)
  return { bytes, file: ref(bytes, 'image/jpeg', 'Tờ khai mới.jpg') }
}

/** Submitted, received at 15:00 on Wed 1/7/2026, asked at 15:30 to supplement component c1 (and one item that is not a component). */
async function askedToSupplement() {
  const { id, code } = await submitted(h.t, h.relayed, h.people.citizen)
  expect(await h.relay()).toEqual(['submitted'])
  await h.act(h.people.reception, id, { type: 'receive' })
  h.later('2026-07-01T08:30:00.000Z')
  await h.act(h.people.reception, id, { type: 'requestSupplement', items: [{ componentId: 'c1', description: 'Ảnh tờ khai bị mờ' }, { description: 'Ghi rõ nơi cư trú' }] })
  return { id, code }
}

const supplements = (id: string) => `/api/dossiers/${id}/supplements`
const withdrawal = (id: string) => `/api/dossiers/${id}/withdrawal`

describe('POST /api/dossiers/{id}/supplements', () => {
  it('stores the supplement with its relay message; it lands once, the due date restarts, the officer sees its file', async () => {
    const { id } = await askedToSupplement()
    let view = await h.view(h.people.citizen, id)
    expect(view.status).toBe('supplementRequested')
    expect(view.progress).toMatchObject({
      receivedAt: '2026-07-01T15:00:00+07:00',
      unit: { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' },
      supplementRequest: { requestedAt: '2026-07-01T15:30:00+07:00', items: [{ componentId: 'c1', description: 'Ảnh tờ khai bị mờ' }, { description: 'Ghi rõ nơi cư trú' }] },
      slips: [1, 2],
    })
    expect(view.progress?.dueAt).toBeUndefined()
    expect(view.history.at(-1)).toEqual({
      status: 'supplementRequested',
      at: '2026-07-01T15:30:00+07:00',
      event: 'requestSupplement',
      unit: { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' },
    })

    h.later('2026-07-02T02:00:00.000Z')
    const { bytes, file } = await photo()
    const body = { id: randomUUID(), components: [{ componentId: 'c1', files: [file] }], note: 'Nơi cư trú: tổ 5, phường Phan Đình Phùng' }
    const first = await h.post(h.people.citizen, supplements(id), body)
    expect(first.status, await first.clone().text()).toBe(202)
    expect(first.headers.get('Location')).toBe(`/api/dossiers/${id}`)
    expect(first.headers.get('Cache-Control')).toBe('no-store')
    const answered = (await first.json()) as typeof view
    // Stored and to be relayed: the status moves when the one-stop-shop's event comes back.
    expect(answered.status).toBe('supplementRequested')
    expect(answered.seq).toBeGreaterThan(view.seq)
    expect(answered.history.at(-1)).toEqual({
      status: 'supplementRequested',
      at: '2026-07-02T09:00:00+07:00',
      event: 'supplementSent',
      note: 'Người nộp đã gửi bản bổ sung (1 tệp): Nơi cư trú: tổ 5, phường Phan Đình Phùng',
    })

    // The phone says it left and offers no second draft for the same request.
    expect(answered.progress?.supplementRequest?.sentAt).toBe('2026-07-02T09:00:00+07:00')

    const replay = await h.post(h.people.citizen, supplements(id), body)
    expect(replay.status).toBe(200)
    expect(await replay.json()).toEqual(answered)

    const messages = h.t.db.$client.prepare("SELECT payload FROM relay_outbox WHERE dossier_id = ? AND message = 'supplement'").pluck().all(id) as string[]
    expect(messages.map((m) => JSON.parse(m))).toEqual([{ components: [{ componentId: 'c1', files: [file] }], note: body.note }])

    expect(await h.relay()).toEqual(['supplement'])
    view = await h.view(h.people.citizen, id)
    // Back where the request found it (accepted), counted again from the complete supplement.
    const restarted = dueDate('2026-07-02T09:00:00+07:00', { amount: 10, unit: 'days' }, HOLIDAYS_2025_2027).dueAt
    expect(view.status).toBe('accepted')
    expect(view.progress).toMatchObject({ receivedAt: '2026-07-02T09:00:00+07:00', dueAt: restarted, overdue: false, slips: [1, 2] })
    expect(view.progress?.supplementRequest).toBeUndefined()
    expect(view.history.map((e) => [e.status, e.event ?? '-'])).toEqual([
      ['registered', '-'],
      ['accepted', 'receive'],
      ['supplementRequested', 'requestSupplement'],
      ['supplementRequested', 'supplementSent'],
      ['accepted', 'supplementReceived'],
    ])

    // Nothing twice: the replay after it landed answers the same, and nothing new goes out.
    const late = await h.post(h.people.citizen, supplements(id), body)
    expect(late.status).toBe(200)
    expect(await h.relay()).toEqual([])
    expect(h.t.db.$client.prepare('SELECT count(*) FROM dossier_steps WHERE dossier_id = ?').pluck().get(id)).toBe(1)
    expect(h.t.db.$client.prepare("SELECT count(*) FROM audit_log WHERE action = 'supplement.submitted' AND target = ?").pluck().get(id)).toBe(1)
    expect(h.t.db.$client.prepare("SELECT count(*) FROM onestop_events WHERE dossier_id = ? AND event LIKE '%supplementReceived%'").pluck().get(id)).toBe(1)

    // The officer's dossier page: the one-stop-shop keeps the supplement's file and previews it.
    const preview = await h.t.app.request(`/api/officer/dossiers/${id}/files/${sha256(bytes)}`, { headers: h.people.reception.headers })
    expect(preview.status).toBe(200)
    expect(Buffer.from(await preview.arrayBuffer()).equals(bytes)).toBe(true)
    // …beside the request it answers, with its component and the note.
    const page = await h.t.app.request(`/api/officer/dossiers/${id}`, { headers: h.people.reception.headers })
    const dossier = v.parse(OfficerDossierSchema, await page.json())
    const label = dossier.receipt.components.find((c) => c.componentId === 'c1')!.label
    expect(dossier.supplements).toEqual([
      {
        requestedAt: '2026-07-01T15:30:00+07:00',
        items: [{ componentId: 'c1', description: 'Ảnh tờ khai bị mờ' }, { description: 'Ghi rõ nơi cư trú' }],
        receivedAt: '2026-07-02T09:00:00+07:00',
        components: [{ componentId: 'c1', label, files: [{ sha256: sha256(bytes), name: 'Tờ khai mới.jpg', type: 'image/jpeg', size: bytes.length }] }],
        note: 'Nơi cư trú: tổ 5, phường Phan Đình Phùng',
      },
    ])
  })

  it('refuses a supplement for a dossier not in Yêu cầu bổ sung (409), and changes nothing', async () => {
    const { id, code } = await submitted(h.t, h.relayed, h.people.citizen)
    await h.relay()
    const { file } = await photo()
    const before = h.snapshot(id)
    const refused = await problem(await h.post(h.people.citizen, supplements(id), { id: randomUUID(), components: [{ componentId: 'c1', files: [file] }] }), 409, 'supplement-not-requested')
    expect(refused.title).toBe('Hồ sơ không ở trạng thái Yêu cầu bổ sung')
    expect(refused.detail).toBe(`Hồ sơ ${code} đang ở trạng thái “Mới đăng ký”: cơ quan không yêu cầu bổ sung, nên không thể nộp bổ sung. Bản bổ sung không được lưu.`)
    await h.act(h.people.reception, id, { type: 'receive' })
    const received = h.snapshot(id)
    await problem(await h.post(h.people.citizen, supplements(id), { id: randomUUID(), components: [{ componentId: 'c1', files: [file] }] }), 409, 'supplement-not-requested')
    expect(h.snapshot(id)).toEqual(received)
    expect(received.steps).toEqual(before.steps)
    expect(received.outbox).toEqual(before.outbox)
  })

  it("answers 404 for another person's dossier and an unknown one, 400 for a malformed id, 401 without a session", async () => {
    const { id } = await askedToSupplement()
    const { file } = await photo(h.people.stranger)
    const body = { id: randomUUID(), components: [{ componentId: 'c1', files: [file] }] }
    const before = h.snapshot(id)
    await problem(await h.post(h.people.stranger, supplements(id), body), 404, 'not-found')
    await problem(await h.post(h.people.citizen, supplements(randomUUID()), body), 404, 'not-found')
    expect((await problem(await h.post(h.people.citizen, supplements('not-a-uuid'), body), 400, 'invalid-input')).errors?.map((e) => e.path)).toEqual(['id'])
    expect((await problem(await h.post(h.people.citizen, supplements(id), { ...body, id: 'abc' }), 400, 'invalid-input')).errors?.map((e) => e.path)).toEqual(['id'])
    await problem(await h.post(h.people.citizen, supplements(id), '{"id":'), 400, 'invalid-input')
    const anonymous = Object.fromEntries(Object.entries(h.people.citizen.headers).filter(([name]) => name !== 'Cookie'))
    await problem(await h.t.app.request(supplements(id), { method: 'POST', headers: anonymous, body: JSON.stringify(body) }), 401, 'unauthenticated')
    expect(h.snapshot(id)).toEqual(before)
  })

  it('refuses files the caller did not upload, components not asked for and a missing one (422, every fault at once)', async () => {
    const { id } = await askedToSupplement()
    const before = h.snapshot(id)
    const theirs = await photo(h.people.stranger)
    const never = ref(fileBytes('image/jpeg', 900, 'never uploaded'))
    const notOwned = await problem(await h.post(h.people.citizen, supplements(id), { id: randomUUID(), components: [{ componentId: 'c1', files: [theirs.file, never] }] }), 422, 'supplement-invalid')
    expect(notOwned.errors?.map((e) => e.path)).toEqual(['components.c1', 'components.c1'])
    expect(notOwned.errors?.[0]?.message).toContain('chưa được tải lên từ tài khoản này')

    const mine = await photo()
    const wrong = await problem(
      await h.post(h.people.citizen, supplements(id), { id: randomUUID(), components: [{ componentId: 'c9', files: [mine.file] }], form: { hoTen: 'X' } }),
      422,
      'supplement-invalid',
    )
    expect(wrong.errors).toEqual([
      { path: 'components.c9', message: 'Yêu cầu bổ sung không đề nghị bổ sung thành phần "c9".' },
      { path: 'components.c1', message: expect.stringContaining('Chưa có tệp cho thành phần được yêu cầu bổ sung') },
      { path: 'form', message: 'Thủ tục này không có tờ khai điện tử: tờ khai được bổ sung dưới dạng tệp đính kèm.' },
    ])
    expect(h.snapshot(id)).toEqual(before)
  })

  it('one supplement per request: the same id with other content, or another id, is a 409', async () => {
    const { id } = await askedToSupplement()
    const a = await photo()
    const b = await photo()
    const body = { id: randomUUID(), components: [{ componentId: 'c1', files: [a.file] }] }
    expect((await h.post(h.people.citizen, supplements(id), body)).status).toBe(202)
    const stored = h.snapshot(id)
    await problem(await h.post(h.people.citizen, supplements(id), { ...body, components: [{ componentId: 'c1', files: [b.file] }] }), 409, 'step-conflict')
    const again = await problem(await h.post(h.people.citizen, supplements(id), { id: randomUUID(), components: [{ componentId: 'c1', files: [b.file] }] }), 409, 'step-already-sent')
    expect(again.detail).toBe('Bản bổ sung cho yêu cầu này đã được gửi lúc 15:30 ngày 01/07/2026, đang chờ cơ quan tiếp nhận.')
    // Its id used for a withdrawal, or by another person, is not this step.
    await problem(await h.post(h.people.citizen, withdrawal(id), { id: body.id }), 409, 'step-id-taken')
    expect(h.snapshot(id)).toEqual(stored)
  })
})

describe('POST /api/dossiers/{id}/withdrawal', () => {
  it('withdraws a dossier before processing: it lands once as withdrawn', async () => {
    const { id } = await submitted(h.t, h.relayed, h.people.citizen)
    await h.relay()
    await h.act(h.people.reception, id, { type: 'receive' })
    const body = { id: randomUUID(), reason: 'Nộp nhầm thủ tục' }
    const first = await h.post(h.people.citizen, withdrawal(id), body)
    expect(first.status, await first.clone().text()).toBe(202)
    const answered = (await first.json()) as { status: string; history: { event?: string; note?: string }[] }
    expect(answered.status).toBe('accepted')
    expect(answered.history.at(-1)).toMatchObject({ event: 'withdrawalSent', note: 'Người nộp đã gửi yêu cầu rút hồ sơ: Nộp nhầm thủ tục' })
    const replay = await h.post(h.people.citizen, withdrawal(id), body)
    expect(replay.status).toBe(200)
    expect(await replay.json()).toEqual(answered)
    await problem(await h.post(h.people.citizen, withdrawal(id), { id: randomUUID() }), 409, 'step-already-sent')
    expect(h.t.db.$client.prepare("SELECT payload FROM relay_outbox WHERE dossier_id = ? AND message = 'withdrawal'").pluck().all(id)).toEqual(['{"reason":"Nộp nhầm thủ tục"}'])

    expect(await h.relay()).toEqual(['withdrawal'])
    const view = await h.view(h.people.citizen, id)
    expect(view.status).toBe('withdrawn')
    expect(view.history.at(-1)).toMatchObject({ status: 'withdrawn', event: 'withdraw', note: 'Nộp nhầm thủ tục' })
    expect(view.progress?.dueAt).toBeUndefined()
    expect((await h.post(h.people.citizen, withdrawal(id), body)).status).toBe(200)
    expect(await h.relay()).toEqual([])
    expect(h.t.db.$client.prepare("SELECT count(*) FROM audit_log WHERE action = 'dossier.withdrawal-requested' AND target = ?").pluck().get(id)).toBe(1)
    await problem(await h.post(h.people.stranger, withdrawal(id), { id: randomUUID() }), 404, 'not-found')
  })

  it('withdraws from Yêu cầu bổ sung; refuses once processing started (409 in plain Vietnamese), changing nothing', async () => {
    const asked = await askedToSupplement()
    expect((await h.post(h.people.citizen, withdrawal(asked.id), { id: randomUUID() })).status).toBe(202)
    // Nothing is supplemented once the withdrawal is on its way.
    const { file } = await photo()
    await problem(await h.post(h.people.citizen, supplements(asked.id), { id: randomUUID(), components: [{ componentId: 'c1', files: [file] }] }), 409, 'step-already-sent')
    expect(await h.relay()).toEqual(['withdrawal'])
    expect((await h.view(h.people.citizen, asked.id)).status).toBe('withdrawn')

    const { id, code } = await submitted(h.t, h.relayed, h.people.citizen)
    await h.relay()
    await h.act(h.people.reception, id, { type: 'receive' })
    await h.act(h.people.processing, id, { type: 'startProcessing', unit: '000.00.01.H55' })
    const before = h.snapshot(id)
    const refused = await problem(await h.post(h.people.citizen, withdrawal(id), { id: randomUUID() }), 409, 'withdrawal-not-allowed')
    expect(refused.detail).toBe(
      `Hồ sơ ${code} đang ở trạng thái “Đang xử lý”: Hồ sơ đã được xử lý: không thể rút. Chỉ rút được hồ sơ trước khi cơ quan bắt đầu giải quyết (Mới đăng ký, Được tiếp nhận, Yêu cầu bổ sung).`,
    )
    expect(h.snapshot(id)).toEqual(before)
    await problem(await h.post(h.people.citizen, withdrawal('123'), { id: randomUUID() }), 400, 'invalid-input')
  })
})
