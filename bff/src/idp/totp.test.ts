import { describe, expect, it } from 'vitest'
import { checkTotp, totpFor } from './totp.ts'

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const now = new Date('2026-07-01T08:00:10Z')
const step = Math.floor(now.getTime() / 30_000)
const codeAt = (offset: number) => totpFor(SECRET).generate({ timestamp: now.getTime() + offset * 30_000 })

describe('TOTP check', () => {
  it('accepts the current code and one step either side, and says which step', () => {
    expect(checkTotp(SECRET, codeAt(0), now, null)).toEqual({ ok: true, step })
    expect(checkTotp(SECRET, codeAt(-1), now, null)).toEqual({ ok: true, step: step - 1 })
    expect(checkTotp(SECRET, ` ${codeAt(1).slice(0, 3)} ${codeAt(1).slice(3)} `, now, null)).toEqual({ ok: true, step: step + 1 })
  })

  it('refuses codes two steps away, malformed codes, and any step not after the last one used', () => {
    expect(checkTotp(SECRET, codeAt(2), now, null)).toEqual({ ok: false, reason: 'invalid' })
    expect(checkTotp(SECRET, '12345', now, null)).toEqual({ ok: false, reason: 'invalid' })
    expect(checkTotp(SECRET, 'abcdef', now, null)).toEqual({ ok: false, reason: 'invalid' })
    expect(checkTotp(SECRET, codeAt(0), now, step)).toEqual({ ok: false, reason: 'replayed' })
    expect(checkTotp(SECRET, codeAt(-1), now, step)).toEqual({ ok: false, reason: 'replayed' })
    expect(checkTotp(SECRET, codeAt(1), now, step)).toEqual({ ok: true, step: step + 1 })
  })
})
