import { describe, expect, it } from 'vitest'
import { fixedClock } from '../testing/app.ts'
import { SlidingWindowLimiter } from './rate-limit.ts'

const START = '2026-07-01T08:00:00.000Z'
function limiter(maxClients = 100) {
  const clock = fixedClock(START)
  const at = (ms: number) => clock.set(new Date(Date.parse(START) + ms).toISOString())
  return { limiter: new SlidingWindowLimiter({ limit: 3, windowMs: 60_000, maxClients, clock }), at }
}

describe('SlidingWindowLimiter', () => {
  it('accepts `limit` calls, then refuses with the seconds until the oldest leaves the window', () => {
    const { limiter: l, at } = limiter()
    at(0)
    expect(l.take('a')).toEqual({ ok: true })
    at(10_000)
    expect(l.take('a')).toEqual({ ok: true })
    at(20_000)
    expect(l.take('a')).toEqual({ ok: true })
    at(30_000)
    expect(l.take('a')).toEqual({ ok: false, retryAfterSeconds: 30 })
    at(59_999)
    expect(l.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 })
    at(60_000)
    expect(l.take('a')).toEqual({ ok: true })
    // The second call (t=10 s) is now the oldest in the window.
    expect(l.take('a')).toEqual({ ok: false, retryAfterSeconds: 10 })
  })

  it('is a sliding window: no burst of twice the limit around a minute’s edge', () => {
    const { limiter: l, at } = limiter()
    at(59_000)
    for (let i = 0; i < 3; i++) expect(l.take('a').ok).toBe(true)
    at(61_000)
    expect(l.take('a')).toEqual({ ok: false, retryAfterSeconds: 58 })
  })

  it('does not count refused calls: a client that keeps knocking gets in when told', () => {
    const { limiter: l, at } = limiter()
    at(0)
    for (let i = 0; i < 3; i++) l.take('a')
    for (let s = 1; s < 60; s++) {
      at(s * 1000)
      expect(l.take('a').ok).toBe(false)
    }
    at(60_000)
    expect(l.take('a').ok).toBe(true)
  })

  it('counts each client on its own', () => {
    const { limiter: l, at } = limiter()
    at(0)
    for (let i = 0; i < 3; i++) l.take('a')
    expect(l.take('a').ok).toBe(false)
    expect(l.take('b').ok).toBe(true)
  })

  it('remembers at most maxClients, forgetting the one idle longest', () => {
    const { limiter: l, at } = limiter(2)
    at(0)
    for (let i = 0; i < 3; i++) l.take('a')
    l.take('b')
    at(1000)
    l.take('a')
    l.take('c')
    expect(l.size).toBe(2)
    // 'a' was used more recently than 'b': 'b' went, 'a' is still limited.
    expect(l.take('a').ok).toBe(false)
  })

  it('does not lock a client out when the clock is set back', () => {
    const { limiter: l, at } = limiter()
    at(3_600_000)
    for (let i = 0; i < 3; i++) l.take('a')
    at(0)
    expect(l.take('a').ok).toBe(true)
  })
})
