/**
 * The mail worker: sends the queued notice e-mails (notice_mail) through the SMTP server with
 * nodemailer, one at a time, oldest first.
 *
 * Each poll takes the mails that are due. A mail the server accepted is marked sent and never
 * sent again. A failure is retried later with the relay's backoff (exponential, equal jitter:
 * relay/backoff.ts), up to `maxAttempts`; a permanent refusal (a 5xx answer to
 * the recipient or the message) is given up at once. Given-up mails stay in the table with their
 * last error, logged at error level. The queue lives in SQLite, so a restart resumes it.
 * Failures never reach the status change or the inbox: they happen here, later.
 *
 * At most once per mail, unless the process dies between the server's acceptance and the row
 * being marked: the mail is then sent again, with the same Message-ID (receivers may drop it).
 */
import { createTransport, type Transporter } from 'nodemailer'
import type { Clock } from '../clock.ts'
import type { Logger } from '../log.ts'
import { retryDelay, type Backoff } from '../relay/backoff.ts'
import type { MailQueue, QueuedMail } from './smtp.ts'

export interface MailWorkerOptions {
  /** How often the queue is looked at. */
  pollMs: number
  /** The relay's backoff (relay/backoff.ts): doubling from `baseMs`, at most `capMs`, equal jitter. */
  backoff: Backoff
  maxAttempts: number
  /** Mails per poll. */
  batch: number
  /** [0, 1): Math.random, or fixed in tests. */
  random: () => number
}

/** 15 attempts over 6 to 8 hours before giving up (waits of 30 s, 1, 2, 4 ... 32 min, then hourly). */
export const MAIL_DEFAULTS: MailWorkerOptions = {
  pollMs: 5_000,
  backoff: { baseMs: 30_000, capMs: 3_600_000 },
  maxAttempts: 15,
  batch: 20,
  random: Math.random,
}

interface SmtpFailure {
  code?: string
  responseCode?: number
  message?: string
}

/** A refusal that trying again will not change: the server said 5xx to the recipient or to the message. */
export function isPermanent(error: unknown): boolean {
  const e = error as SmtpFailure
  return (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') && typeof e.responseCode === 'number' && e.responseCode >= 500
}

/** `ng…@example.com`: enough to tell mails apart in the log, not the address. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@')
  return `${address.slice(0, Math.min(2, Math.max(0, at)))}…${address.slice(at)}`
}

/** A transport to the server at `url` (`smtp://user:pass@host:587`, `smtps://host:465`), with timeouts so a dead server fails fast. */
export function smtpTransport(url: string): Transporter {
  return createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
}

export class MailWorker {
  private timer: ReturnType<typeof setInterval> | undefined
  private running: Promise<void> | undefined
  private readonly o: MailWorkerOptions

  constructor(
    private readonly queue: MailQueue,
    private readonly transport: Transporter,
    /** The From header, e.g. `"Cổng Dịch vụ công Thái Nguyên" <khong-tra-loi@dichvucong.example.gov.vn>`. */
    private readonly from: string,
    /** The host part of each Message-ID. */
    private readonly messageIdHost: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: Partial<MailWorkerOptions> = {},
  ) {
    this.o = { ...MAIL_DEFAULTS, ...options }
  }

  /** Sends what is due now; a call while a run is going waits for that run instead. */
  runOnce(): Promise<void> {
    this.running ??= this.drain().finally(() => (this.running = undefined))
    return this.running
  }

  /** Polls every `pollMs`, starting now. */
  start(): void {
    if (this.timer) return
    const tick = () => void this.runOnce().catch((error: unknown) => this.logger.error({ err: error }, 'notice mail: the queue could not be read'))
    this.timer = setInterval(tick, this.o.pollMs)
    this.timer.unref()
    tick()
  }

  /** Stops polling, lets a send in progress finish, closes the transport. */
  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
    this.transport.close()
  }

  private async drain(): Promise<void> {
    for (const mail of this.queue.due(this.clock.now(), this.o.batch)) await this.send(mail)
  }

  private async send(mail: QueuedMail): Promise<void> {
    const attempts = mail.attempts + 1
    const log = { notice: mail.noticeId, dossier: mail.dossierId, to: maskAddress(mail.recipient), attempts }
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.noticeId}@${this.messageIdHost}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      })
    } catch (error) {
      const reason = (error as SmtpFailure).message ?? String(error)
      const now = this.clock.now()
      if (isPermanent(error) || attempts >= this.o.maxAttempts) {
        this.queue.giveUp(mail.id, attempts, now, reason)
        this.logger.error({ ...log, err: reason }, 'notice mail given up')
      } else {
        const next = new Date(now.getTime() + retryDelay(attempts, this.o.backoff, this.o.random))
        this.queue.retryAt(mail.id, attempts, next, reason)
        this.logger.warn({ ...log, err: reason, next: next.toISOString() }, 'notice mail failed: will retry')
      }
      return
    }
    this.queue.sent(mail.id, attempts, this.clock.now())
    this.logger.info(log, 'notice mail sent')
  }
}
