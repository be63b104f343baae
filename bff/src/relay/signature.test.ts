/** The callback signature on a fixed clock: the window's exact edges, and what makes a signature wrong. */
import { describe, expect, it } from 'vitest'
import { FUTURE_SKEW_S, REPLAY_WINDOW_S, sign, verify } from './signature.ts'

const secret = 'shared-secret-of-the-province'
const body = Buffer.from('{"seq":1}')
const nowMs = 1_782_900_000_000
const at = (offsetS: number) => String(nowMs / 1000 + offsetS)
const check = (timestamp: string | undefined, o: { signature?: string; body?: Uint8Array } = {}) =>
  verify(secret, { timestamp, signature: o.signature ?? (timestamp ? sign(secret, timestamp, body) : undefined), body: o.body ?? body }, nowMs)

describe('verify', () => {
  it('accepts a signature up to exactly REPLAY_WINDOW_S old and up to FUTURE_SKEW_S ahead', () => {
    expect(check(at(0))).toBe('ok')
    expect(check(at(-REPLAY_WINDOW_S))).toBe('ok')
    expect(check(at(FUTURE_SKEW_S))).toBe('ok')
  })

  it('refuses one second beyond either edge', () => {
    expect(check(at(-REPLAY_WINDOW_S - 1))).toBe('timestamp-stale')
    expect(check(at(FUTURE_SKEW_S + 1))).toBe('timestamp-future')
  })

  it('refuses a missing or malformed timestamp before looking at the signature', () => {
    expect(check(undefined, { signature: 'sha256=00' })).toBe('timestamp-missing')
    for (const bad of ['', '-5', '1.5', '1e9', ' 1782900000', '1'.repeat(13)]) expect(check(bad, { signature: sign(secret, bad, body) })).toBe('timestamp-missing')
  })

  it('refuses another secret, another body, another timestamp, a truncated or missing signature', () => {
    const timestamp = at(0)
    expect(check(timestamp, { signature: sign('other', timestamp, body) })).toBe('signature-invalid')
    expect(check(timestamp, { body: Buffer.from('{"seq":2}') })).toBe('signature-invalid')
    expect(check(timestamp, { signature: sign(secret, at(-1), body) })).toBe('signature-invalid')
    expect(check(timestamp, { signature: sign(secret, timestamp, body).slice(0, -2) })).toBe('signature-invalid')
    expect(verify(secret, { timestamp, body }, nowMs)).toBe('signature-invalid')
  })
})
