import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { CITIZEN, signIn, staff } from '../support/auth.ts'
import { launchBrowser, phoneContext } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'

// Through the embedded provider's pages, in Chromium at phone size.
describe('sign-in, account and sign-out', () => {
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('a citizen signs in, sees the profile from the identity account and signs out', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    const signInLink = page.getByRole('link', { name: 'Đăng nhập' })
    expect(await signInLink.getAttribute('href')).toBe('/auth/login?next=%2F')
    await signIn(page, app.baseUrl, CITIZEN.username)
    await page.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor()
    // The heading shows before the profile and the session list have arrived.
    for (const expected of [CITIZEN.name, '019085004127', '14/03/1985', 'Phường Phan Đình Phùng', 'Công dân', 'Phiên này']) {
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 15_000 }).toContain(expected)
    }

    const cookies = await context.cookies()
    const session = cookies.find((c) => c.name === '__Host-portal')
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' })
    expect(cookies.map((c) => c.name)).not.toContain('_session_portal')

    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    // The provider asks to confirm its own sign-out, then comes back to the portal.
    await page.locator('button[name="logout"][value="yes"]').click()
    await page.waitForURL(`${app.baseUrl}/`)
    await page.getByRole('link', { name: 'Đăng nhập' }).waitFor()
    const me = await page.request.get(`${app.baseUrl}/api/me`)
    expect(me.status()).toBe(401)
    await context.close()
  })

  it("an officer of agency A (with TOTP) reaches A's API and not B's", async () => {
    const a = staff('canbo.pdp1')
    const b = staff('canbo.stp1')
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await signIn(page, app.baseUrl, a.username, a.totpSecret)
    await page.getByText('Cán bộ tiếp nhận').waitFor()
    expect((await page.request.get(`${app.baseUrl}/api/officer/agencies/${a.agencyCode}`)).status()).toBe(200)
    expect((await page.request.get(`${app.baseUrl}/api/officer/agencies/${b.agencyCode}`)).status()).toBe(403)
    expect((await page.request.get(`${app.baseUrl}/api/admin/users`)).status()).toBe(403)
    await page.goto(`${app.baseUrl}/quan-tri`)
    await page.getByText('Trang này chỉ dành cho quản trị viên').waitFor()
    await context.close()
  })

  it('an administrator (with TOTP) sees the users and their roles', async () => {
    const admin = staff('quantri')
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await signIn(page, app.baseUrl, admin.username, admin.totpSecret)
    await page.getByRole('link', { name: 'Quản trị tài khoản' }).click()
    // The officer who signed in above, with the name from their identity account.
    await page.getByRole('heading', { name: staff('canbo.pdp1').name }).waitFor()
    const state = (await (await page.request.get(`${app.baseUrl}/api/session`)).json()) as { user: { idleSeconds: number; mfa: boolean } }
    expect(state.user).toMatchObject({ idleSeconds: 300, mfa: true })
    await context.close()
  })

  it('a tampered cookie is a stranger: 401', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await signIn(page, app.baseUrl, CITIZEN.username)
    const cookie = (await context.cookies()).find((c) => c.name === '__Host-portal')
    if (!cookie) throw new Error('no session cookie')
    await context.addCookies([{ ...cookie, value: `${cookie.value.slice(0, -1)}${cookie.value.endsWith('A') ? 'B' : 'A'}` }])
    expect((await page.request.get(`${app.baseUrl}/api/me`)).status()).toBe(401)
    await context.close()
  })
})
