/**
 * Signing in through the embedded provider's own pages in Chromium, as a person would: the
 * portal's "Đăng nhập", username and password, and for staff the TOTP code computed here from
 * the demo account's secret (otpauth).
 */
import type { Page } from 'playwright-core'
import * as OTPAuth from 'otpauth'
import { DEMO_PASSWORD, demoStaff } from '../../bff/src/idp/demo-accounts.ts'

export { DEMO_PASSWORD, demoStaff }

export const CITIZEN = { username: '019085004127', name: 'Nguyễn Văn An' }

export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate()
}

/** From any page of the portal: sign in and wait until back on the portal at `backTo`. */
export async function signIn(page: Page, baseUrl: string, username: string, totpSecret?: string, next = '/tai-khoan'): Promise<void> {
  await page.goto(`${baseUrl}/auth/login?next=${encodeURIComponent(next)}`)
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(DEMO_PASSWORD)
  await page.locator('button[type="submit"].primary').click()
  if (totpSecret) {
    await page.locator('#code').fill(totpCode(totpSecret))
    await page.locator('button[type="submit"].primary').click()
  }
  await page.waitForURL((url) => url.origin === baseUrl && url.pathname === next.split('?')[0])
}

export function staff(username: string) {
  const person = demoStaff.find((s) => s.username === username)
  if (!person) throw new Error(`no demo staff ${username}`)
  return person
}
