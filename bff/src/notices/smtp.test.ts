import { Writable } from 'node:stream'
import { simpleParser, type AddressObject } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { systemClock } from '../clock.ts'
import { intakeCatalog } from '../dossiers/testing.ts'
import { createLogger } from '../log.ts'
import { testApp } from '../testing/app.ts'
import { startNoticeMail } from './feature.ts'
import { Inbox } from './inbox.ts'
import { noticeListener, supplementDeadline } from './listener.ts'
import { MailWorker, smtpTransport } from './mail-worker.ts'
import { MailQueue, SmtpNotifier } from './smtp.ts'
import { freePort, holidays, RECEIVE, scriptFor, startSmtpServer, submitDossier, vn } from './testing.ts'

// The SMTP notifier against a real SMTP server (smtp-server) on 127.0.0.1.

const FROM = '"Cổng Dịch vụ công Thái Nguyên" <khong-tra-loi@dichvucong.thainguyen.example>'
const HOST = 'dichvucong.thainguyen.example'

let t: ReturnType<typeof testApp>
let alice: TestPerson
let lines: Record<string, unknown>[]
const closers: (() => Promise<void>)[] = []
beforeEach(() => {
  t = testApp({ catalog: intakeCatalog() })
  alice = signedIn(t, { sub: 'alice', profile: { name: 'Nguyễn Văn An', email: 'an@example.com', email_verified: true } })
  lines = []
})
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
  t.cleanup()
})

const logger = () =>
  createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
        done()
      },
    }),
  )

interface MailRow {
  attempts: number
  sentAt: string | null
  failedAt: string | null
  lastError: string | null
}
const row = () => t.db.$client.prepare('SELECT attempts, sent_at AS sentAt, failed_at AS failedAt, last_error AS lastError FROM notice_mail').get() as MailRow

/** Alice's dossier, received and then asked for a supplement; only the supplement is listened to: one e-mail queued. */
async function queueSupplementNotice(): Promise<{ code: string; noticeId: string }> {
  const receipt = await submitDossier(t.app, alice)
  const listen = noticeListener({
    db: t.db,
    clock: systemClock,
    logger: logger(),
    notifiers: [new Inbox(t.db), new SmtpNotifier(t.db, () => ({ portalName: 'Cổng Dịch vụ công Thái Nguyên', origin: t.config.publicOrigin }))],
    supplyBy: supplementDeadline(15, holidays),
  })
  const script = scriptFor(receipt, alice.userId)
  script.step(RECEIVE)
  await listen(
    script.step({
      type: 'requestSupplement',
      at: vn('07-02', '10:00'),
      items: [{ componentId: 'c1', description: 'Tờ khai thiếu chữ ký của người yêu cầu' }, { description: 'Bản sao <giấy> chứng nhận đã được chứng thực' }],
    }),
  )
  const [notice] = new Inbox(t.db).page(alice.userId, undefined, 1).notices
  return { code: receipt.code, noticeId: notice!.id }
}

function worker(url: string, options: ConstructorParameters<typeof MailWorker>[6] = {}) {
  const w = new MailWorker(new MailQueue(t.db), smtpTransport(url), FROM, HOST, systemClock, logger(), options)
  closers.push(() => w.stop())
  return w
}

describe('the SMTP notifier', () => {
  it('delivers the notice: right envelope, To, Subject, Message-ID; Vietnamese intact (UTF-8, NFC) with the English beside it', async () => {
    const smtp = await startSmtpServer()
    closers.push(smtp.close)
    const { code, noticeId } = await queueSupplementNotice()
    await worker(smtp.url).runOnce()

    expect(smtp.received).toHaveLength(1)
    const [mail] = smtp.received
    expect(mail!.envelope).toEqual({ from: 'khong-tra-loi@dichvucong.thainguyen.example', to: ['an@example.com'] })
    expect(mail!.raw.toString('latin1')).toMatch(/Content-Type: text\/plain; charset=utf-8/i)
    const parsed = await simpleParser(mail!.raw)
    expect((parsed.to as AddressObject).value).toEqual([{ address: 'an@example.com', name: '' }])
    expect(parsed.from?.value).toEqual([{ address: 'khong-tra-loi@dichvucong.thainguyen.example', name: 'Cổng Dịch vụ công Thái Nguyên' }])
    expect(parsed.subject).toBe(`Hồ sơ cần bổ sung – ${code} / Your dossier needs a supplement`)
    expect(parsed.messageId).toBe(`<${noticeId}@${HOST}>`)
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated')

    const text = parsed.text ?? ''
    expect(text.normalize('NFC')).toBe(text)
    expect(text).toContain('Kính gửi ông/bà Nguyễn Văn An,\nDear Nguyễn Văn An,')
    expect(text).toContain('Nội dung cần bổ sung:\nTo supply (as written by the agency, in Vietnamese):\n  - Tờ khai thiếu chữ ký của người yêu cầu\n  - Bản sao <giấy> chứng nhận đã được chứng thực')
    expect(text).toContain('Hạn bổ sung: 17:00 ngày 23/07/2026.\nSupply it by: 23 July 2026 at 17:00.')
    expect(text).toContain(`Cách bổ sung: mở mục «Hồ sơ của tôi» trên Cổng, chọn hồ sơ ${code}`)
    expect(text).toMatch(new RegExp(`Bổ sung hồ sơ / Supply the documents: ${t.config.publicOrigin}/ho-so/da-nop/[0-9a-f-]{36}`))
    const html = String(parsed.html)
    expect(html).toContain('<html lang="vi">')
    expect(html).toContain('<p lang="en"')
    expect(html).toContain('<li>Bản sao &lt;giấy&gt; chứng nhận đã được chứng thực</li>')

    expect(row()).toMatchObject({ attempts: 1, failedAt: null })
    expect(row().sentAt).not.toBeNull()
    expect(lines.find((l) => l.msg === 'notice mail sent')).toMatchObject({ to: 'an…@example.com', attempts: 1 })
  })

  it('SMTP down, then up: retried with backoff, delivered exactly once, never blocking the inbox', async () => {
    const port = await freePort()
    t.cleanup()
    t = testApp({ catalog: intakeCatalog(), env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: FROM } })
    alice = signedIn(t, { sub: 'alice', profile: { name: 'Nguyễn Văn An', email: 'an@example.com', email_verified: true } })
    const { code } = await queueSupplementNotice()
    expect(new Inbox(t.db).unread(alice.userId)).toBe(1)

    const stop = startNoticeMail(t.db, systemClock, t.config, logger(), { pollMs: 20, backoff: { baseMs: 40, capMs: 160 } })
    closers.push(stop)
    await vi.waitFor(() => expect(row().attempts).toBeGreaterThanOrEqual(2), { timeout: 5_000, interval: 20 })
    expect(row()).toMatchObject({ sentAt: null, failedAt: null })
    expect(row().lastError).toMatch(/ECONNREFUSED|connect/i)
    expect(lines.filter((l) => l.msg === 'notice mail failed: will retry').length).toBeGreaterThanOrEqual(2)

    const smtp = await startSmtpServer(port)
    closers.push(smtp.close)
    await vi.waitFor(() => expect(row().sentAt).not.toBeNull(), { timeout: 5_000, interval: 20 })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(smtp.received).toHaveLength(1)
    expect((await simpleParser(smtp.received[0]!.raw)).subject).toBe(`Hồ sơ cần bổ sung – ${code} / Your dossier needs a supplement`)
    expect(lines.filter((l) => l.msg === 'notice mail sent')).toHaveLength(1)
  })

  it('a permanent refusal (550) is given up at once and logged; nothing is retried', async () => {
    const smtp = await startSmtpServer(0, ['an@example.com'])
    closers.push(smtp.close)
    await queueSupplementNotice()
    const w = worker(smtp.url)
    await w.runOnce()
    await w.runOnce()
    expect(smtp.received).toHaveLength(0)
    expect(row()).toMatchObject({ attempts: 1, sentAt: null })
    expect(row().failedAt).not.toBeNull()
    expect(row().lastError).toMatch(/550/)
    expect(lines.find((l) => l.msg === 'notice mail given up')).toMatchObject({ level: 50, attempts: 1 })
  })

  it('gives up after the last attempt', async () => {
    const port = await freePort()
    await queueSupplementNotice()
    const w = worker(`smtp://127.0.0.1:${port}`, { pollMs: 20, maxAttempts: 3, backoff: { baseMs: 20, capMs: 40 } })
    w.start()
    await vi.waitFor(() => expect(row().failedAt).not.toBeNull(), { timeout: 5_000, interval: 20 })
    expect(row()).toMatchObject({ attempts: 3, sentAt: null })
  })
})
