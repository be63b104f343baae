import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { CITIZEN, signIn } from '../support/auth.ts'
import { launchBrowser, phoneContext } from '../support/browser.ts'
import { freePort, startApp, type RunningApp } from '../support/server.ts'

// Expiry, CSRF, headers and every broken sign-in, against the real server.
describe('sessions and sign-in going wrong', () => {
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    app = await startApp({ env: { SESSION_IDLE_SECONDS: '3', LOG_LEVEL: 'info' } })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('a session ends after the configured idle time', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await signIn(page, app.baseUrl, CITIZEN.username)
    expect((await page.request.get(`${app.baseUrl}/api/me`)).status()).toBe(200)
    await new Promise((r) => setTimeout(r, 3500))
    expect((await page.request.get(`${app.baseUrl}/api/me`)).status()).toBe(401)
    const state = (await (await page.request.get(`${app.baseUrl}/api/session`)).json()) as { authenticated: boolean }
    expect(state.authenticated).toBe(false)
    await context.close()
  })

  it('refuses a write without the app header (403) and a cross-site form (403)', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await signIn(page, app.baseUrl, CITIZEN.username)
    const noHeader = await page.request.post(`${app.baseUrl}/auth/logout`, { headers: { Origin: app.baseUrl } })
    expect(noHeader.status()).toBe(403)
    expect(noHeader.headers()['content-type']).toBe('application/problem+json')
    const crossSite = await page.request.post(`${app.baseUrl}/auth/logout`, { headers: { Origin: 'https://evil.example', 'X-Requested-With': 'portal' } })
    expect(crossSite.status()).toBe(403)
    expect((await page.request.get(`${app.baseUrl}/api/me`)).status()).toBe(200)
    await context.close()
  })

  it('sends the security headers on an API answer, a page and a static file', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const asset = await (async () => {
      await page.goto(`${app.baseUrl}/`)
      return page.locator('script[type="module"]').first().getAttribute('src')
    })()
    for (const path of ['/api/session', '/', asset ?? '/manifest.webmanifest']) {
      const res = await page.request.get(`${app.baseUrl}${path}`)
      const h = res.headers()
      expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'")
      expect(h['content-security-policy']).not.toContain('unsafe-inline')
      expect(Number(/max-age=(\d+)/.exec(h['strict-transport-security'] ?? '')?.[1])).toBeGreaterThanOrEqual(31_536_000)
      expect(h['x-content-type-options']).toBe('nosniff')
      expect(h['referrer-policy']).toBe('same-origin')
      expect(h['permissions-policy']).toContain('camera=(self)')
    }
    await context.close()
  })

  it('a wrong state, a replayed code or a missing verifier end on a clear page', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    let callback = ''
    page.on('request', (r) => r.url().includes('/auth/callback') && (callback = r.url()))
    await signIn(page, app.baseUrl, CITIZEN.username)
    // Replayed: the same callback again (its attempt is used up).
    await page.goto(callback)
    expect(await page.locator('h1').textContent()).toBe('Phiên đăng nhập đã hết hạn')
    expect(await page.locator('[lang="en"] h2').textContent()).toBe('The sign-in has expired')
    // Wrong state: a fresh attempt (the provider answers at once: it has a session), stopped
    // before its callback, which is then sent with another state.
    let next = `${app.baseUrl}/auth/login`
    while (new URL(next).pathname !== '/auth/callback') {
      const hop = await page.request.get(next, { maxRedirects: 0 })
      next = new URL(hop.headers().location ?? '', next).href
    }
    const fresh = next
    const forged = new URL(fresh)
    forged.searchParams.set('state', 'forged')
    await page.goto(forged.href)
    expect(await page.locator('h1').textContent()).toBe('Không đăng nhập được')
    // Missing verifier: another browser (no login cookie).
    const other = await phoneContext(browser)
    const otherPage = await other.newPage()
    const res = await otherPage.goto(callback)
    expect(res?.status()).toBe(400)
    await other.close()
    await context.close()
  })

  it('a provider that is down, or one with another issuer, gives a clear page', async () => {
    const deadPort = await freePort()
    for (const issuer of [`http://127.0.0.1:${deadPort}`, `${app.baseUrl}/idp-unknown`]) {
      const other = await startApp({ env: { OIDC_ISSUER: issuer, OIDC_CLIENT_SECRET: 'x'.repeat(43), LOG_LEVEL: 'info' } })
      try {
        const page = await (await phoneContext(browser)).newPage()
        const res = await page.goto(`${other.baseUrl}/auth/login`)
        expect(res?.status(), issuer).toBe(503)
        expect(await page.locator('h1').textContent()).toBe('Hệ thống xác thực đang gián đoạn')
        await page.context().close()
      } finally {
        await other.stop()
      }
    }
  })
})
