/**
 * Sessions through the API: strangers, tampered cookies, expiry with a moved clock, the
 * session list and revocation (including someone else's session: IDOR), CSRF.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'
import { SESSION_COOKIE } from './cookies.ts'
import { tryOthersIds } from './testing/idor.ts'
import { signedIn } from './testing/sessions.ts'

let t: ReturnType<typeof testApp>
beforeEach(() => {
  t = testApp({ env: { SESSION_IDLE_SECONDS: '900', SESSION_ADMIN_IDLE_SECONDS: '300', SESSION_MAX_SECONDS: '43200' } })
})
afterEach(() => t.cleanup())

const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms).toISOString())

describe('who is asking', () => {
  it('a stranger: /api/session says so (200), /api/me is a 401 problem', async () => {
    const session = await t.app.request('/api/session')
    expect(session.status).toBe(200)
    expect(await session.json()).toEqual({ authenticated: false })
    expect(session.headers.get('Cache-Control')).toBe('no-store')
    const me = await t.app.request('/api/me')
    expect(me.status).toBe(401)
    expect(me.headers.get('Content-Type')).toBe('application/problem+json')
    expect(((await me.json()) as { type: string }).type).toMatch(/unauthenticated$/)
  })

  it('a tampered, unknown or malformed cookie is a stranger (401) and the cookie is cleared', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const value = alice.cookie.split('=')[1] ?? ''
    const flipped = (value[0] === 'A' ? 'B' : 'A') + value.slice(1)
    for (const cookie of [`${SESSION_COOKIE}=${flipped}`, `${SESSION_COOKIE}=x`, `${SESSION_COOKIE}=${'A'.repeat(43)}`]) {
      const res = await t.app.request('/api/me', { headers: { Cookie: cookie } })
      expect(res.status, cookie).toBe(401)
      expect(res.headers.get('Set-Cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`))
    }
    expect((await t.app.request('/api/me', { headers: { Cookie: alice.cookie } })).status).toBe(200)
  })

  it('authenticates before validating: a stranger gets 401 on a malformed id, not 400', async () => {
    const res = await t.app.request('/api/me/sessions/not-a-uuid', { method: 'DELETE', headers: { Origin: TEST_ORIGIN, 'X-Requested-With': 'portal' } })
    expect(res.status).toBe(401)
  })
})

describe('expiry', () => {
  it('ends after 15 idle minutes, and activity slides the limit', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const me = () => t.app.request('/api/me', { headers: alice.headers })
    later(14 * 60_000)
    expect((await me()).status).toBe(200)
    later(14 * 60_000)
    expect((await me()).status).toBe(200)
    later(15 * 60_000)
    expect((await me()).status).toBe(401)
    // and it is gone, not only refused
    expect(t.db.$client.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 })
  })

  it('writes last_seen at most once a minute', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const seen = () => (t.db.$client.prepare('SELECT last_seen_at AS at FROM sessions').get() as { at: number }).at
    const first = seen()
    later(30_000)
    await t.app.request('/api/me', { headers: alice.headers })
    expect(seen()).toBe(first)
    later(31_000)
    await t.app.request('/api/me', { headers: alice.headers })
    expect(seen()).toBe(first + 61_000)
  })

  it('ends after 5 idle minutes for an administrator', async () => {
    const admin = signedIn(t, { sub: 'admin', roles: [{ role: 'administrator' }] })
    const state = (await (await t.app.request('/api/session', { headers: admin.headers })).json()) as { user: { idleSeconds: number } }
    expect(state.user.idleSeconds).toBe(300)
    later(5 * 60_000)
    expect((await t.app.request('/api/me', { headers: admin.headers })).status).toBe(401)
  })

  it('ends 12 hours after sign-in however active', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    for (let i = 0; i < 12 * 6; i++) {
      later(10 * 60_000)
      const status = (await t.app.request('/api/me', { headers: alice.headers })).status
      expect(status, `after ${(i + 1) * 10} minutes`).toBe(i + 1 < 72 ? 200 : 401)
    }
  })
})

describe('own sessions', () => {
  it('lists them, marks the current one, and ends another', async () => {
    const phone = signedIn(t, { sub: 'alice' })
    const laptop = signedIn(t, { sub: 'alice' })
    const list = (await (await t.app.request('/api/me/sessions', { headers: laptop.headers })).json()) as { sessions: { id: string; current: boolean }[] }
    expect(list.sessions).toHaveLength(2)
    expect(list.sessions.find((s) => s.current)?.id).toBe(laptop.sessionId)
    const res = await t.app.request(`/api/me/sessions/${phone.sessionId}`, { method: 'DELETE', headers: laptop.headers })
    expect(res.status).toBe(204)
    expect((await t.app.request('/api/me', { headers: phone.headers })).status).toBe(401)
    expect((await t.app.request('/api/me', { headers: laptop.headers })).status).toBe(200)
  })

  it("cannot end someone else's session (IDOR): 404, and it still works", async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const mallory = signedIn(t, { sub: 'mallory' })
    expect(await tryOthersIds(t.app, mallory, [{ method: 'DELETE', path: `/api/me/sessions/${alice.sessionId}` }])).toEqual([])
    expect((await t.app.request('/api/me', { headers: alice.headers })).status).toBe(200)
    const list = (await (await t.app.request('/api/me/sessions', { headers: mallory.headers })).json()) as { sessions: { id: string }[] }
    expect(list.sessions.map((s) => s.id)).toEqual([mallory.sessionId])
  })
})

describe('CSRF', () => {
  it('refuses a write without X-Requested-With even from our own origin', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const other = signedIn(t, { sub: 'alice' })
    const headers: Record<string, string> = { ...alice.headers }
    delete headers['X-Requested-With']
    const res = await t.app.request(`/api/me/sessions/${other.sessionId}`, { method: 'DELETE', headers })
    expect(res.status).toBe(403)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
    expect(((await res.json()) as { type: string }).type).toMatch(/csrf-header-missing$/)
    expect((await t.app.request('/api/me', { headers: other.headers })).status).toBe(200)
  })

  it('refuses a cross-site form post to /auth/logout (Origin), and one without its token', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const form = { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: alice.cookie }
    expect((await t.app.request('/auth/logout', { method: 'POST', headers: { ...form, Origin: 'https://evil.example' }, body: 'csrf=x' })).status).toBe(403)
    expect((await t.app.request('/auth/logout', { method: 'POST', headers: { ...form, Origin: TEST_ORIGIN }, body: 'csrf=x' })).status).toBe(403)
    expect((await t.app.request('/api/me', { headers: alice.headers })).status).toBe(200)
  })

  it('signs out with the confirmation form, without JavaScript', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const page = await (await t.app.request('/auth/logout', { headers: { Cookie: alice.cookie, Accept: 'text/html' } })).text()
    const token = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''
    expect(token).toMatch(/^[0-9a-f]{64}$/)
    const res = await t.app.request('/auth/logout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: alice.cookie, Origin: TEST_ORIGIN },
      body: `csrf=${token}`,
    })
    expect(res.status).toBe(303)
    expect((await t.app.request('/api/me', { headers: alice.headers })).status).toBe(401)
  })
})
