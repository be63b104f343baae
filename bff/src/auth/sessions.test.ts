import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Accounts } from '../accounts/repository.ts'
import { openDatabase, type Db } from '../db/open.ts'
import { tempDir } from '../testing/app.ts'
import { SessionStore } from './sessions.ts'

// The session look-up reuses a row for two seconds; revocations here take effect at once, and
// a deletion made elsewhere (another BFF instance) within those two seconds.
describe('session look-up', () => {
  let dir: ReturnType<typeof tempDir>
  let db: Db
  let now: number
  let store: SessionStore
  let userId: number
  beforeEach(() => {
    dir = tempDir()
    db = openDatabase(`${dir.dir}/portal.sqlite`)
    now = Date.UTC(2026, 10, 27, 3)
    const clock = { now: () => new Date(now) }
    store = new SessionStore(db, clock, { idleSeconds: 900, adminIdleSeconds: 300, maxSeconds: 43_200 })
    userId = new Accounts(db).ensureUser('https://idp.example', 'citizen-1', new Date(now), { name: 'Nguyễn Văn An' }).id
  })
  afterEach(() => {
    db.$client.close()
    dir.cleanup()
  })

  it('refuses a revoked session at once', () => {
    const { secret, publicId } = store.create({ userId, mfa: false, idToken: 't', device: 'phone' })
    expect(store.authenticate(secret)?.profile).toMatchObject({ name: 'Nguyễn Văn An' })
    expect(store.revoke(userId, publicId)).toBe(true)
    expect(store.authenticate(secret)).toBeNull()
  })

  it('answers the same frozen session while nothing changed, and a new one after activity is recorded or roles change', () => {
    const { secret } = store.create({ userId, mfa: false, idToken: 't', device: 'phone' })
    const first = store.authenticate(secret)
    expect(store.authenticate(secret)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    now += 60_000
    const touched = store.authenticate(secret)
    expect(touched).not.toBe(first)
    expect(touched?.lastSeenAt).toBe(now)
    db.$client.prepare("INSERT INTO role_assignments (user_id, role, duty, agency_code, granted_at, granted_by) VALUES (?, 'officer', 'reception', 'H55.242', 'x', 'test')").run(userId)
    store.forgetCached()
    expect(store.authenticate(secret)?.assignments).toMatchObject([{ role: 'officer', duty: 'reception', agencyCode: 'H55.242' }])
  })

  it('sees a deletion made behind its back within two seconds', () => {
    const { secret } = store.create({ userId, mfa: false, idToken: 't', device: 'phone' })
    expect(store.authenticate(secret)).not.toBeNull()
    db.$client.prepare('DELETE FROM sessions').run()
    now += 2_000
    expect(store.authenticate(secret)).toBeNull()
  })

  it('serves new roles at once after forgetCached (what the admin routes call on a role change)', () => {
    const { secret } = store.create({ userId, mfa: true, idToken: 't', device: 'phone' })
    expect(store.authenticate(secret)?.assignments).toEqual([])
    const accounts = new Accounts(db)
    const granted = accounts.grant(userId, { role: 'officer', duty: 'reception', agencyCode: '000.00.01.H55' }, 'admin', new Date(now))
    store.forgetCached()
    expect(store.authenticate(secret)?.assignments).toEqual([granted])
    accounts.revoke(userId, granted.id)
    store.forgetCached()
    expect(store.authenticate(secret)?.assignments).toEqual([])
  })

  it('still ends a session idle for too long, cached or not', () => {
    const { secret } = store.create({ userId, mfa: false, idToken: 't', device: 'phone' })
    expect(store.authenticate(secret)).not.toBeNull()
    now += 900_000
    expect(store.authenticate(secret)).toBeNull()
  })
})
