/**
 * Officers and administrators give a TOTP code after their password (level 3): the ID token
 * then says so (amr otp, acr loa:2). A wrong code and a code used before are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACR_LOA2 } from './claims.ts'
import { DEMO_PASSWORD, demoStaff } from './demo-accounts.ts'
import { callbackCode, exchange, startAuthorization, submit } from './flow.test-support.ts'
import { totpFor } from './totp.ts'
import { startTestIdp, type TestIdp } from './test-support.ts'

const officer = demoStaff.find((s) => s.username === 'canbo.pdp1')!
const admin = demoStaff.find((s) => s.role === 'administrator')!

describe('second factor for staff', () => {
  let t: TestIdp
  beforeAll(async () => {
    t = await startTestIdp()
  })
  afterAll(async () => {
    await t.stop()
    t.cleanup()
  })

  const codeAt = (secret: string, offsetSteps = 0) => totpFor(secret).generate({ timestamp: t.clock.now().getTime() + offsetSteps * 30_000 })

  async function passwordStep(username: string) {
    const started = await startAuthorization(t)
    const res = await submit(t, started.browser, started.html, { username, password: DEMO_PASSWORD })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Xác thực hai lớp')
    expect(html).toContain('autocomplete="one-time-code"')
    return { ...started, html }
  }

  it('asks an officer for a code and issues amr pwd+otp, acr loa:2', async () => {
    const step = await passwordStep(officer.username)
    const res = await submit(t, step.browser, step.html, { code: codeAt(officer.totpSecret) })
    const { claims } = await exchange(t, callbackCode(res, t).get('code') ?? '', step.verifier)
    expect(claims).toMatchObject({ sub: officer.sub, amr: ['pwd', 'otp'], acr: ACR_LOA2 })
  })

  it('accepts a code one step old (clock drift) but refuses a wrong one', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 120_000).toISOString())
    const step = await passwordStep(admin.username)
    const wrong = await submit(t, step.browser, step.html, { code: codeAt(admin.totpSecret, 5) })
    expect(wrong.status).toBe(401)
    const page = await wrong.text()
    expect(page).toContain('Mã xác thực không đúng')
    const res = await submit(t, step.browser, page, { code: codeAt(admin.totpSecret, -1) })
    const { claims } = await exchange(t, callbackCode(res, t).get('code') ?? '', step.verifier)
    expect(claims).toMatchObject({ sub: admin.sub, amr: ['pwd', 'otp'] })
  })

  it('refuses a code already used, and takes the next one', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 120_000).toISOString())
    const code = codeAt(officer.totpSecret)
    const first = await passwordStep(officer.username)
    callbackCode(await submit(t, first.browser, first.html, { code }), t)

    const second = await passwordStep(officer.username)
    const replay = await submit(t, second.browser, second.html, { code })
    expect(replay.status).toBe(401)
    const page = await replay.text()
    expect(page).toContain('Mã xác thực này đã được dùng')
    t.clock.set(new Date(t.clock.now().getTime() + 30_000).toISOString())
    const next = await submit(t, second.browser, page, { code: codeAt(officer.totpSecret) })
    expect(callbackCode(next, t).get('code')).toBeTruthy()
  })

  it('does not ask a citizen for a code', async () => {
    const started = await startAuthorization(t)
    const res = await submit(t, started.browser, started.html, { username: '019192007351', password: DEMO_PASSWORD })
    expect(callbackCode(res, t).get('code')).toBeTruthy()
  })
})
