/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s) with one step of tolerance either side for clock drift,
 * and replay protection: a code is accepted only for a time step later than the last one accepted
 * for that account, so a code seen over a shoulder cannot be used again.
 */
import { Secret, TOTP } from 'otpauth'

export const TOTP_PERIOD_SECONDS = 30

export function totpFor(secretBase32: string, label = 'portal'): TOTP {
  return new TOTP({ issuer: 'Cổng DVC', label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) })
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'replayed' }

/**
 * @param lastStep the last time step accepted for this account (null: none yet)
 * @returns the step to remember when ok
 */
export function checkTotp(secretBase32: string, code: string, now: Date, lastStep: number | null): TotpCheck {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: 'invalid' }
  const timestamp = now.getTime()
  const delta = totpFor(secretBase32).validate({ token, timestamp, window: 1 })
  if (delta === null) return { ok: false, reason: 'invalid' }
  const step = Math.floor(timestamp / 1000 / TOTP_PERIOD_SECONDS) + delta
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: 'replayed' }
  return { ok: true, step }
}
