/**
 * The whole sign-in against a real OpenID provider on a loopback port: PKCE, state, nonce,
 * session cookie, profile, sign-out with RP-initiated logout, and each way the callback can go
 * wrong (wrong state, replayed code, missing verifier, provider error, provider down, another
 * issuer) ending on a clear page with a log line.
 */
import { Writable } from 'node:stream'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Accounts } from '../accounts/repository.ts'
import { AuditLog } from '../audit/log.ts'
import { createApp } from '../app.ts'
import { createLogger } from '../log.ts'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'
import { LOGIN_COOKIE, SESSION_COOKIE } from './cookies.ts'
import { TestBrowser } from './testing/browser.ts'
import { startTestProvider, TEST_CLIENT, type TestProvider } from './testing/provider.ts'

const CITIZEN = { sub: 'citizen-1', claims: { name: 'Nguyễn Văn An', birthdate: '1985-03-14', identity_number: '019085004127', account_type: 'citizen', address: { formatted: 'Số 12, Phường Phan Đình Phùng', province_code: '19', commune_code: '05443' } } }

let idp: TestProvider
beforeAll(async () => {
  idp = await startTestProvider(`${TEST_ORIGIN}/auth/callback`, `${TEST_ORIGIN}/`)
  idp.accounts.set(CITIZEN.sub, CITIZEN.claims)
  idp.accounts.set('officer-1', { name: 'Phạm Thị Hồng' })
})
afterAll(() => idp.close())

describe('sign-in through a real provider', () => {
  let t: ReturnType<typeof testApp>
  let logs: string[]
  let browser: TestBrowser
  beforeEach(() => {
    t = testApp({ env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_SECRET: TEST_CLIENT.secret } })
    // Rebuild with a logger the test can read.
    logs = []
    const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) })
    t.app = createApp({ db: t.db, clock: { now: () => new Date() }, config: t.config, logger: createLogger('info', sink) })
    browser = new TestBrowser(t.app, TEST_ORIGIN)
    idp.nextLogin = { sub: CITIZEN.sub }
  })
  afterEach(() => t.cleanup())

  const isCallback = (url: URL) => url.origin === TEST_ORIGIN && url.pathname === '/auth/callback'

  /** Login up to (not including) the callback: returns the callback URL the provider sent. */
  async function toCallback(next = '/tai-khoan'): Promise<URL> {
    const { url } = await browser.navigate(`/auth/login?next=${encodeURIComponent(next)}`, isCallback)
    return url
  }

  it('redirects to the provider with PKCE S256, state and nonce, and keeps them on the server', async () => {
    const res = await browser.request('/auth/login')
    expect(res.status).toBe(302)
    const location = new URL(res.headers.get('Location') ?? '')
    expect(location.origin).toBe(idp.issuer)
    expect(location.searchParams.get('code_challenge_method')).toBe('S256')
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(location.searchParams.get('state')).toBeTruthy()
    expect(location.searchParams.get('nonce')).toBeTruthy()
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${LOGIN_COOKIE}=`)) ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/Secure/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Path=\//)
    // Nothing but a random id in the browser: the verifier is not in the cookie or the URL.
    const row = t.db.$client.prepare('SELECT code_verifier, state FROM login_attempts').get() as { code_verifier: string; state: string }
    expect(location.href).not.toContain(row.code_verifier)
    expect(cookie).not.toContain(row.code_verifier)
    expect(row.state).toBe(location.searchParams.get('state'))
  })

  it('signs a citizen in, shows the profile from the claims, and signs out at the provider too', async () => {
    const callback = await toCallback('/tai-khoan?x=1')
    const res = await browser.request(callback.href)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/tai-khoan?x=1')
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? ''
    for (const flag of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/']) expect(setCookie).toContain(flag)
    expect(setCookie).not.toMatch(/Domain=/i)

    const me = await browser.request('/api/me')
    expect(me.status).toBe(200)
    expect(await me.json()).toEqual({
      sub: CITIZEN.sub,
      name: 'Nguyễn Văn An',
      identityNumber: '019085004127',
      birthDate: '1985-03-14',
      address: { formatted: 'Số 12, Phường Phan Đình Phùng', provinceCode: '19', communeCode: '05443' },
      accountType: 'citizen',
      roles: [{ role: 'citizen' }],
    })
    const session = (await (await browser.request('/api/session')).json()) as { authenticated: boolean; user: { mfa: boolean; idleSeconds: number } }
    expect(session).toMatchObject({ authenticated: true, user: { sub: CITIZEN.sub, mfa: false, idleSeconds: 900 } })

    // The database holds the hash of the cookie, never the cookie.
    const cookieValue = browser.cookie(SESSION_COOKIE) ?? ''
    const stored = JSON.stringify(t.db.$client.prepare('SELECT * FROM sessions').all())
    expect(stored).not.toContain(cookieValue)

    const out = await browser.request('/auth/logout', { method: 'POST', headers: { Origin: TEST_ORIGIN, 'X-Requested-With': 'portal' } })
    expect(out.status).toBe(200)
    const { redirect } = (await out.json()) as { redirect: string }
    const end = new URL(redirect)
    expect(end.origin + end.pathname).toBe(`${idp.issuer}/session/end`)
    expect(end.searchParams.get('id_token_hint')).toBeTruthy()
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${TEST_ORIGIN}/`)
    expect((await browser.request('/api/me')).status).toBe(401)
    const actions = [...new AuditLog(t.db, t.clock, createLogger('silent')).entries()].map((e) => e.action)
    expect(actions).toEqual(['auth.sign-in', 'auth.sign-out'])
  })

  it('refuses a wrong state', async () => {
    const callback = await toCallback()
    callback.searchParams.set('state', 'forged-state')
    const res = await browser.request(callback.href)
    expect(res.status).toBe(502)
    const page = await res.text()
    expect(page).toContain('Không đăng nhập được')
    expect(page).toContain('Sign-in did not complete')
    expect(logs.join('')).toMatch(/sign-in failed: invalid-response/)
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined()
  })

  it('refuses a replayed code (the attempt is used up)', async () => {
    const callback = await toCallback()
    const login = browser.cookie(LOGIN_COOKIE) ?? ''
    expect((await browser.request(callback.href)).status).toBe(303)
    browser.setCookie(LOGIN_COOKIE, login)
    const again = await browser.request(callback.href)
    expect(again.status).toBe(400)
    expect(await again.text()).toContain('Phiên đăng nhập đã hết hạn')
    expect(logs.join('')).toMatch(/sign-in failed: attempt-missing/)
  })

  it('refuses a callback without its verifier (no login cookie: another browser)', async () => {
    const callback = await toCallback()
    const other = new TestBrowser(t.app, TEST_ORIGIN)
    const res = await other.request(callback.href)
    expect(res.status).toBe(400)
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/)
    expect(await res.text()).toContain('The sign-in has expired')
  })

  it('shows the provider error (the person cancelled)', async () => {
    idp.nextLogin = { sub: CITIZEN.sub, error: 'access_denied' }
    const callback = await toCallback()
    expect(callback.searchParams.get('error')).toBe('access_denied')
    const res = await browser.request(callback.href)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Hệ thống xác thực đã từ chối')
    expect(logs.join('')).toMatch(/"error":"access_denied"/)
  })

  it('refuses an officer without a second factor, and accepts one with OTP', async () => {
    const accounts = new Accounts(t.db)
    const officer = accounts.ensureUser(idp.issuer, 'officer-1', new Date())
    accounts.grant(officer.id, { role: 'officer', duty: 'reception', agencyCode: '000.00.01.H55' }, 'test', new Date())

    idp.nextLogin = { sub: 'officer-1', amr: ['pwd'] }
    const refused = await browser.request((await toCallback()).href)
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('Cần xác thực hai lớp')
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined()

    idp.nextLogin = { sub: 'officer-1', amr: ['pwd', 'otp'], acr: 'urn:portal:loa:2' }
    // The provider remembers the first login: a new browser starts afresh.
    browser = new TestBrowser(t.app, TEST_ORIGIN)
    const accepted = await browser.request((await toCallback()).href)
    expect(accepted.status, logs.join("")).toBe(303)
    const session = (await (await browser.request('/api/session')).json()) as { user: { mfa: boolean; roles: unknown[] } }
    expect(session.user.mfa).toBe(true)
    expect(session.user.roles).toContainEqual(expect.objectContaining({ role: 'officer', agencyCode: '000.00.01.H55' }))
  })

  it('keeps `next` on this site', async () => {
    for (const next of ['https://evil.example/x', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      await browser.request(`/auth/login?next=${encodeURIComponent(next)}`)
      const row = t.db.$client.prepare('SELECT next FROM login_attempts ORDER BY rowid DESC LIMIT 1').get() as { next: string }
      expect(row.next, next).toBe('/')
    }
  })
})

describe('provider trouble', () => {
  it('a provider that does not answer gives a clear page (503) and a log line, then works once it is back', async () => {
    const logs: string[] = []
    const sink = new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) })
    const t = testApp({ env: { OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_SECRET: 'x' } })
    const app = createApp({ db: t.db, clock: t.clock, config: t.config, logger: createLogger('info', sink) })
    const res = await app.request('/auth/login')
    expect(res.status).toBe(503)
    const page = await res.text()
    expect(page).toContain('Hệ thống xác thực đang gián đoạn')
    expect(page).toContain('The sign-in service is unavailable')
    expect(page).not.toMatch(/at .*\.ts:\d+/)
    expect(logs.join('')).toMatch(/OpenID provider discovery failed/)
    t.cleanup()
  })

  it('an issuer whose metadata names another issuer is refused', async () => {
    // The test provider's metadata says http://127.0.0.1:<port>; ask for it as localhost.
    const t = testApp({ env: { OIDC_ISSUER: idp.issuer.replace('127.0.0.1', 'localhost'), OIDC_CLIENT_SECRET: TEST_CLIENT.secret } })
    const res = await t.app.request('/auth/login')
    expect(res.status).toBe(503)
    t.cleanup()
  })
})
