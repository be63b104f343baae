/**
 * Five wrong passwords (or codes) in a row lock an account's password sign-in until an
 * administrator unlocks it; each step is an event for the audit log and a log line without
 * the password.
 */
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../log.ts'
import { DEMO_PASSWORD, demoStaff } from './demo-accounts.ts'
import { onIdpEvent, type IdpEvent } from './events.ts'
import { callbackCode, startAuthorization, submit } from './flow.test-support.ts'
import { accountState, lockedAccounts, unlockAccount } from './lockout.ts'
import { startTestIdp, type TestIdp } from './test-support.ts'
import { openDatabase, type Db } from '../db/open.ts'
import { join } from 'node:path'

const CITIZEN = { username: '019178005562', sub: '801efbd2-e75d-489f-a6bd-f71bff17fad0' }
const LOCKED = 'Tài khoản tạm khoá do nhập sai mật khẩu quá 5 lần. Hãy liên hệ quản trị viên để mở khoá.'

describe('lockout after 5 failed attempts', () => {
  let t: TestIdp
  let db: Db
  const events: IdpEvent[] = []
  const logLines: string[] = []
  let stop: () => void

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) })
    t = await startTestIdp({ logger: createLogger('info', sink) })
    db = openDatabase(join(t.dataDir, 'portal.sqlite'))
    stop = onIdpEvent((e) => events.push(e))
  })
  afterAll(async () => {
    stop()
    db.$client.close()
    await t.stop()
    t.cleanup()
  })

  async function attempt(username: string, password: string): Promise<Response> {
    const started = await startAuthorization(t)
    return submit(t, started.browser, started.html, { username, password })
  }

  it('locks after the fifth wrong password; the right password is then refused with the locked message', async () => {
    for (let i = 1; i <= 4; i++) {
      const res = await attempt(CITIZEN.username, `wrong-${i}`)
      expect(res.status).toBe(401)
      expect(await res.text()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.')
    }
    const fifth = await attempt(CITIZEN.username, 'wrong-5')
    expect(fifth.status).toBe(403)
    expect(await fifth.text()).toContain(LOCKED)
    const sixth = await attempt(CITIZEN.username, DEMO_PASSWORD)
    expect(sixth.status).toBe(403)
    const page = await sixth.text()
    expect(page).toContain(LOCKED)
    expect(page).toContain('Please contact an administrator to unlock it.')
    expect(lockedAccounts(db).map((a) => a.sub)).toContain(CITIZEN.sub)

    const mine = events.filter((e) => 'sub' in e && e.sub === CITIZEN.sub)
    expect(mine.map((e) => e.type)).toEqual([...Array(5).fill('signin.failure'), 'account.locked', 'signin.failure'])
    expect(mine.at(-1)).toMatchObject({ reason: 'locked' })
    const log = logLines.join('')
    expect(log).toContain('"type":"account.locked"')
    expect(log).not.toContain('wrong-1')
    expect(log).not.toContain(DEMO_PASSWORD)
    expect(log).not.toContain(CITIZEN.username)
  })

  it('lets the account sign in again after an administrator unlocks it', async () => {
    expect(unlockAccount(db, CITIZEN.sub, 'admin-sub')).toBe(true)
    expect(events.at(-1)).toMatchObject({ type: 'account.unlocked', sub: CITIZEN.sub, by: 'admin-sub' })
    expect(accountState(db, CITIZEN.sub)).toMatchObject({ failedAttempts: 0, lockedAt: null })
    const res = await attempt(CITIZEN.username, DEMO_PASSWORD)
    expect(callbackCode(res, t).get('code')).toBeTruthy()
    expect(events.at(-1)).toMatchObject({ type: 'signin.success', sub: CITIZEN.sub, amr: ['pwd'] })
    expect(unlockAccount(db, CITIZEN.sub, 'admin-sub')).toBe(false)
  })

  it('resets the count after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await attempt(CITIZEN.username, 'nope')
    callbackCode(await attempt(CITIZEN.username, DEMO_PASSWORD), t)
    expect(accountState(db, CITIZEN.sub).failedAttempts).toBe(0)
    const res = await attempt(CITIZEN.username, 'nope')
    expect(res.status).toBe(401)
  })

  it('counts wrong codes too, and a lock during the code step ends it', async () => {
    const staff = demoStaff.find((s) => s.username === 'canbo.stp1')!
    const started = await startAuthorization(t)
    let res = await submit(t, started.browser, started.html, { username: staff.username, password: DEMO_PASSWORD })
    for (let i = 0; i < 4; i++) {
      res = await submit(t, started.browser, await res.text(), { code: '000000' })
      expect(res.status).toBe(401)
    }
    res = await submit(t, started.browser, await res.text(), { code: '000000' })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain(LOCKED)
    expect(accountState(db, staff.sub).lockedAt).not.toBeNull()
    unlockAccount(db, staff.sub, 'test')
  })

  it('does not tell an unknown username from a wrong password', async () => {
    const res = await attempt('019999999999', DEMO_PASSWORD)
    expect(res.status).toBe(401)
    expect(await res.text()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.')
    expect(events.at(-1)).toMatchObject({ type: 'signin.failure', reason: 'credentials' })
    expect(events.at(-1)).not.toHaveProperty('sub')
  })
})
