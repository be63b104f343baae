import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { CITIZEN, signIn } from '../support/auth.ts'
import { launchBrowser, phoneContext } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'

/** The draft row as stored on the device, with its prefill marks. */
function storedDraft(page: Page, id: string) {
  return page.evaluate(async (draftId) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('portal')
      open.onsuccess = () => ok(open.result)
      open.onerror = () => fail(open.error)
    })
    const row = await new Promise<{ values: Record<string, unknown>; prefilled?: string[]; fieldTimes: Record<string, number>; ownerSub?: string } | undefined>((ok, fail) => {
      const request = db.transaction('drafts').objectStore('drafts').get(draftId)
      request.onsuccess = () => ok(request.result as never)
      request.onerror = () => fail(request.error)
    })
    db.close()
    return row ?? null
  }, id)
}

const APPLICANT = ['applicantName', 'applicantIdNumber', 'applicantBirthDate', 'applicantResidence', 'applicantPhone', 'applicantEmail']
/** Where the screenshots go when PREFILL_SHOTS names a folder (to look at them; not checked). */
const SHOTS = process.env.PREFILL_SHOTS

// TT 22/2019 Art. 6: a signed-in citizen's birth registration starts with the applicant filled
// in from the identity account, each such field marked, and the mark goes once it is changed.
describe('forms prefilled from the identity account', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    context = await phoneContext(browser)
    page = await context.newPage()
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await app?.stop()
  })

  it('fills and marks the applicant of a dossier started signed in; an edited field loses its mark; the device keeps it all', async () => {
    await signIn(page, app.baseUrl, CITIZEN.username, undefined, '/thu-tuc/1.001193')
    await page.getByRole('link', { name: 'Tài khoản' }).waitFor()
    await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click()
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/)
    const id = page.url().split('/').pop()!

    await page.getByRole('link', { name: 'Người yêu cầu' }).click()
    await page.waitForURL(/\/applicant$/)
    const name = page.getByLabel('Họ, chữ đệm, tên người yêu cầu')
    expect(await name.inputValue()).toBe(CITIZEN.name)
    expect(await page.getByLabel('Số định danh cá nhân').inputValue()).toBe('019085004127')
    expect(await page.getByLabel('Ngày', { exact: true }).inputValue()).toBe('14')
    expect(await page.getByLabel('Tháng', { exact: true }).inputValue()).toBe('03')
    expect(await page.getByLabel('Năm', { exact: true }).inputValue()).toBe('1985')
    await expect.poll(() => page.locator('#f-applicantResidence-commune option:checked').textContent()).toBe('Phường Phan Đình Phùng')
    expect(await page.locator('#f-applicantResidence-province option:checked').textContent()).toBe('Tỉnh Thái Nguyên')
    expect(await page.getByLabel('Số nhà, đường, thôn, xóm').inputValue()).toBe('Số 12 đường Hoàng Văn Thụ, tổ 5')
    expect(await page.getByLabel('Số điện thoại liên hệ').inputValue()).toBe('0912345678')

    // Each filled field says so, under its label, and its controls are described by that note.
    const marks = page.locator('.field-prefilled')
    expect(await marks.count()).toBe(6)
    for (const text of await marks.allTextContents()) expect(text).toBe('Đã điền sẵn từ tài khoản định danh')
    for (const control of ['#f-applicantName', '#f-applicantIdNumber', '#f-applicantBirthDate-day', '#f-applicantResidence-street']) {
      const describedBy = (await page.locator(control).getAttribute('aria-describedby')) ?? ''
      expect(describedBy.split(' ')[0], control).toMatch(/-prefilled$/)
      expect(await page.locator(`#${describedBy.split(' ')[0]}`).isVisible()).toBe(true)
    }
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true })
      await page.screenshot({ path: `${SHOTS}/applicant-vi.png`, fullPage: true })
      await page.screenshot({ path: `${SHOTS}/applicant-vi-viewport.png` })
    }

    const stored = await storedDraft(page, id)
    expect(stored?.prefilled).toEqual(APPLICANT)
    expect(stored?.ownerSub).toBeTruthy()

    // The user corrects the name: theirs now, unmarked, the others still marked.
    await name.fill('Nguyễn Văn Ân')
    await page.locator('#f-applicantName-prefilled').waitFor({ state: 'detached' })
    expect(await name.getAttribute('aria-describedby')).toBeNull()
    expect(await marks.count()).toBe(5)
    await expect.poll(async () => (await storedDraft(page, id))?.prefilled, { timeout: 10_000 }).toEqual(APPLICANT.slice(1))
    const saved = await storedDraft(page, id)
    expect(saved?.values).toMatchObject({
      applicantName: 'Nguyễn Văn Ân',
      applicantIdNumber: '019085004127',
      applicantBirthDate: '1985-03-14',
      applicantResidence: { provinceCode: '19', communeCode: '05443', street: 'Số 12 đường Hoàng Văn Thụ, tổ 5' },
    })
    expect(saved!.fieldTimes.applicantName).toBeGreaterThan(saved!.fieldTimes.applicantIdNumber!)

    // After a reload the marks come from the device: still five.
    await page.reload()
    await page.getByLabel('Họ, chữ đệm, tên người yêu cầu').waitFor()
    await expect.poll(() => marks.count()).toBe(5)

    if (SHOTS) {
      await page.evaluate(() => localStorage.setItem('portal.locale', 'en'))
      await page.reload()
      await page.getByText('Filled in from your identity account').first().waitFor()
      await page.screenshot({ path: `${SHOTS}/applicant-en.png`, fullPage: true })
      await page.evaluate(() => localStorage.setItem('portal.locale', 'vi'))
    }
  })
})
