import { Writable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { intakeCatalog } from '../dossiers/testing.ts'
import { createLogger } from '../log.ts'
import { fixedClock, testApp } from '../testing/app.ts'
import { Inbox } from './inbox.ts'
import { emailOf, noticeListener, supplementDeadline } from './listener.ts'
import { SmtpNotifier } from './smtp.ts'
import { holidays, RECEIVE, scriptFor, submitDossier, vn } from './testing.ts'

let t: ReturnType<typeof testApp>
let lines: Record<string, unknown>[]
beforeEach(() => {
  t = testApp({ catalog: intakeCatalog() })
  lines = []
})
afterEach(() => t.cleanup())

const ORIGIN = 'https://dichvucong.thainguyen.example'

function listener() {
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
        done()
      },
    }),
  )
  const notifiers = [new Inbox(t.db), new SmtpNotifier(t.db, () => ({ portalName: 'Cổng Dịch vụ công Thái Nguyên', origin: ORIGIN }))]
  return noticeListener({ db: t.db, clock: fixedClock('2026-07-01T02:00:00.000Z'), logger, notifiers, supplyBy: supplementDeadline(15, holidays) })
}

const count = (table: string) => (t.db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number)
const mails = () => t.db.$client.prepare('SELECT notice_id AS noticeId, recipient, subject, text, attempts, sent_at AS sentAt FROM notice_mail').all() as { noticeId: string; recipient: string; subject: string; text: string }[]

async function dossierOf(person: TestPerson) {
  const receipt = await submitDossier(t.app, person)
  return { receipt, script: scriptFor(receipt, person.userId) }
}

describe('emailOf', () => {
  it('takes the claims’ e-mail unless missing, malformed or marked unverified', () => {
    expect(emailOf({ email: ' an@example.com ', email_verified: true })).toBe('an@example.com')
    expect(emailOf({ email: 'an@example.com' })).toBe('an@example.com')
    expect(emailOf({ email: 'an@example.com', email_verified: false })).toBeUndefined()
    expect(emailOf({ email: 'not an address' })).toBeUndefined()
    expect(emailOf({ name: 'Nguyễn Văn An' })).toBeUndefined()
    expect(emailOf(null)).toBeUndefined()
  })
})

describe('noticeListener', () => {
  it('puts the notice in the inbox and queues the e-mail to the address of the account', async () => {
    const alice = signedIn(t, { sub: 'alice', profile: { name: 'Nguyễn Văn An', email: 'an@example.com', email_verified: true } })
    const { receipt, script } = await dossierOf(alice)
    await listener()(script.step(RECEIVE))
    const [notice] = new Inbox(t.db).page(alice.userId, undefined, 10).notices
    expect(notice).toMatchObject({ kind: 'received', dossierId: receipt.id, dossierCode: receipt.code, createdAt: '2026-07-01T02:00:00.000Z' })
    expect(mails()).toEqual([
      expect.objectContaining({ noticeId: notice!.id, recipient: 'an@example.com', subject: `Hồ sơ đã được tiếp nhận – ${receipt.code} / Your dossier has been received` }),
    ])
    expect(mails()[0]!.text).toContain('Kính gửi ông/bà Nguyễn Văn An,')
    expect(lines.find((l) => l.msg === 'notice')).toMatchObject({ dossier: receipt.id, kind: 'received', notifiers: ['embedded', 'smtp'] })
  })

  it('without a usable e-mail (none, or marked unverified): the inbox only', async () => {
    const bob = signedIn(t, { sub: 'bob', profile: { name: 'Trần Thị Bích Ngọc' } })
    const ha = signedIn(t, { sub: 'ha', profile: { name: 'Lê Thị Thu Hà', email: 'lethuha@example.com', email_verified: false } })
    const listen = listener()
    await listen((await dossierOf(bob)).script.step(RECEIVE))
    await listen((await dossierOf(ha)).script.step(RECEIVE))
    expect(count('notices')).toBe(2)
    expect(count('notice_mail')).toBe(0)
  })

  it('tells a step once, however often it is heard; steps inside the agency tell nothing', async () => {
    const alice = signedIn(t, { sub: 'alice', profile: { email: 'an@example.com' } })
    const { script } = await dossierOf(alice)
    const listen = listener()
    const received = script.step(RECEIVE)
    await listen(received)
    await listen(received)
    await listen(script.step({ type: 'startProcessing', at: vn('07-01', '10:00'), unit: '000.00.01.H55' }))
    await listen(script.step({ type: 'transfer', at: vn('07-01', '11:00'), toUnit: 'H55.242' }))
    expect(new Inbox(t.db).page(alice.userId, undefined, 10).notices.map((n) => n.kind)).toEqual(['processing', 'received'])
    expect(count('notice_mail')).toBe(2)
  })

  it('one notifier failing does not stop the other, nor throw into the status change', async () => {
    const alice = signedIn(t, { sub: 'alice', profile: { email: 'an@example.com' } })
    const { script } = await dossierOf(alice)
    t.db.$client.exec('DROP TABLE notice_mail')
    await expect(Promise.resolve(listener()(script.step(RECEIVE)))).resolves.toBeUndefined()
    expect(new Inbox(t.db).unread(alice.userId)).toBe(1)
    expect(lines.find((l) => l.msg === 'notice could not be stored for this notifier')).toMatchObject({ level: 50, notifier: 'smtp' })
    expect(lines.find((l) => l.msg === 'notice')).toMatchObject({ notifiers: ['embedded'] })
  })

  it('a change of a dossier the portal does not hold is logged, not thrown', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const { receipt } = await dossierOf(alice)
    const stranger = scriptFor({ ...receipt, id: '00000000-0000-4000-8000-000000000000' }, alice.userId)
    await listener()(stranger.step(RECEIVE))
    expect(count('notices')).toBe(0)
    expect(lines.find((l) => l.level === 50)).toMatchObject({ msg: 'notice: the dossier is not in the portal, nobody told', dossier: '00000000-0000-4000-8000-000000000000' })
  })
})
