/**
 * The notices' settings (docs/configuration.md, "Notices"): e-mail through an SMTP server, off
 * unless SMTP_URL is set (the embedded mode sends nothing out), and the time a supplement notice
 * gives the applicant. The entries join the one environment schema of config/config.ts, so a
 * wrong value is reported with every other wrong variable in one message.
 */
import * as v from 'valibot'

const integer = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  )

/** `khong-tra-loi@example.gov.vn` or `"Cổng Dịch vụ công" <khong-tra-loi@example.gov.vn>`. */
const MAILBOX = /^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)$/

export const NOTICE_ENV = {
  SMTP_URL: v.optional(
    v.pipe(
      v.string(),
      v.url('SMTP_URL must be a URL such as smtp://user:password@mail.example.gov.vn:587'),
      v.check((value) => /^smtps?:$/.test(new URL(value).protocol), 'SMTP_URL must start with smtp:// (STARTTLS when offered) or smtps:// (TLS)'),
    ),
  ),
  MAIL_FROM: v.optional(v.pipe(v.string(), v.regex(MAILBOX, 'MAIL_FROM must be an address, or "Name" <address>'))),
  NOTICE_SUPPLEMENT_WORKING_DAYS: v.optional(integer('NOTICE_SUPPLEMENT_WORKING_DAYS', 1, 120), '15'),
}

type NoticeEnv = v.InferOutput<v.ObjectSchema<typeof NOTICE_ENV, undefined>>

/** MAIL_FROM goes with SMTP_URL (a mail without a sender is refused by most servers). */
export const noticeRequirements = <Env extends object>() =>
  v.rawCheck<Env>(({ dataset, addIssue }) => {
    const env = dataset.value as Record<string, unknown>
    if (env.SMTP_URL !== undefined && env.MAIL_FROM === undefined) {
      addIssue({ message: 'MAIL_FROM is required when SMTP_URL is set', path: [{ type: 'object', origin: 'value', input: env, key: 'MAIL_FROM', value: undefined }] })
    }
  })

export interface NoticesConfig {
  /** Absent: no e-mail, the in-app inbox only. */
  mail?: { smtpUrl: string; from: string }
  /** Working days a supplement notice gives the applicant, from the request. */
  supplementWorkingDays: number
}

export function noticesConfig(e: NoticeEnv): NoticesConfig {
  return {
    ...(e.SMTP_URL && e.MAIL_FROM ? { mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } } : {}),
    supplementWorkingDays: e.NOTICE_SUPPLEMENT_WORKING_DAYS,
  }
}
