/**
 * Signed status callbacks (HTTP connector): the one-stop-shop signs each request with the secret
 * both sides hold (RELAY_CALLBACK_SECRET), the portal checks it before reading the body.
 *
 * Format: `X-Relay-Timestamp: <unix seconds>` and `X-Relay-Signature: sha256=<hex>`, the hex
 * HMAC-SHA256 of `<timestamp>.<body bytes>` (the raw body as sent, not re-serialised JSON). The
 * timestamp is inside the MAC, so it cannot be changed; a signature older than REPLAY_WINDOW_S
 * (5 minutes) or dated more than FUTURE_SKEW_S ahead of our clock is refused. A replay inside
 * the window carries an event already applied, which the inbound ignores by its sequence number.
 * Signatures are compared in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const TIMESTAMP_HEADER = 'X-Relay-Timestamp'
export const SIGNATURE_HEADER = 'X-Relay-Signature'
export const REPLAY_WINDOW_S = 300
export const FUTURE_SKEW_S = 60

const PREFIX = 'sha256='

/** @example sign(secret, '1782900000', Buffer.from('{"seq":1}')) === 'sha256=9f…' */
export function sign(secret: string, timestamp: string, body: Uint8Array): string {
  return PREFIX + createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')
}

export type Verdict = 'ok' | 'timestamp-missing' | 'timestamp-stale' | 'timestamp-future' | 'signature-invalid'

export function verify(secret: string, request: { timestamp?: string | undefined; signature?: string | undefined; body: Uint8Array }, nowMs: number): Verdict {
  const { timestamp, signature, body } = request
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return 'timestamp-missing'
  const age = nowMs / 1000 - Number(timestamp)
  if (age > REPLAY_WINDOW_S) return 'timestamp-stale'
  if (age < -FUTURE_SKEW_S) return 'timestamp-future'
  if (!signature) return 'signature-invalid'
  const expected = Buffer.from(sign(secret, timestamp, body))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'signature-invalid'
}
