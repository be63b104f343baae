/**
 * The whole path through the app: intake, the embedded one-stop-shop, an officer's action, the
 * relay's inbound handler, the notices' listener (app.ts wiring), the applicant's inbox API and
 * the e-mail to a real SMTP server on loopback.
 */
import { simpleParser } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { NoticePageSchema } from '@portal/shared/notices/schema'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { systemClock } from '../clock.ts'
import { createLogger } from '../log.ts'
import { JUSTICE, officer, oneStopCatalog, oneStopOn, submitted } from '../onestop/testing.ts'
import { testApp } from '../testing/app.ts'
import { startNoticeMail } from './feature.ts'
import { startSmtpServer } from './testing.ts'

let t: ReturnType<typeof testApp>
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let citizen: TestPerson
beforeEach(async () => {
  smtp = await startSmtpServer()
  t = testApp({ catalog: oneStopCatalog(), env: { SMTP_URL: smtp.url, MAIL_FROM: 'khong-tra-loi@dichvucong.thainguyen.example' } })
  citizen = signedIn(t, { sub: 'citizen', profile: { name: 'Nguyễn Văn An', email: 'an@example.com', email_verified: true } })
})
afterEach(async () => {
  await smtp.close()
  t.cleanup()
})

const act = (person: TestPerson, id: string, body: unknown) =>
  t.app.request(`/api/officer/dossiers/${id}/actions`, { method: 'POST', headers: person.headers, body: JSON.stringify(body) })

async function inbox() {
  const res = await t.app.request('/api/notices', { headers: citizen.headers })
  expect(res.status).toBe(200)
  return v.parse(NoticePageSchema, await res.json()).notices
}

describe('notices through the app', () => {
  it('an officer receives the dossier, then asks for a supplement: the applicant finds both in the inbox and in the mailbox', async () => {
    const dossier = await submitted(t, oneStopOn(t), citizen)
    const reception = officer(t, 'le-tan', JUSTICE, ['reception'], 'Đỗ Thị Mai')
    expect((await act(reception, dossier.id, { type: 'receive' })).status).toBe(200)
    expect((await act(reception, dossier.id, { type: 'requestSupplement', items: [{ componentId: 'c1', description: 'Tờ khai chưa ký' }] })).status).toBe(200)

    const notices = await inbox()
    expect(notices.map((n) => [n.kind, n.dossierCode])).toEqual([
      ['supplementRequested', dossier.code],
      ['received', dossier.code],
    ])
    expect(notices[0]?.list?.items).toEqual(['Tờ khai chưa ký'])
    expect(notices[1]?.lines.map((l) => l.vi).join(' ')).toContain('Ngày hẹn trả kết quả:')
    const count = await t.app.request('/api/notices/unread-count', { headers: citizen.headers })
    expect(await count.json()).toEqual({ unread: 2 })

    const stop = startNoticeMail(t.db, systemClock, t.config, createLogger('silent'), { pollMs: 20 })
    try {
      await expect.poll(() => smtp.received.length, { timeout: 5_000, interval: 20 }).toBe(2)
    } finally {
      await stop()
    }
    const subjects = await Promise.all(smtp.received.map(async (m) => (await simpleParser(m.raw)).subject))
    expect(subjects.sort()).toEqual([`Hồ sơ cần bổ sung – ${dossier.code} / Your dossier needs a supplement`, `Hồ sơ đã được tiếp nhận – ${dossier.code} / Your dossier has been received`])
    expect(smtp.received.every((m) => m.envelope.to.join() === 'an@example.com')).toBe(true)
  })
})
