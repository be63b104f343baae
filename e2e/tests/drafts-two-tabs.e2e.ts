import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { readStoredDraft } from '../support/drafts.ts'
import { startApp, type RunningApp } from '../support/server.ts'

// One draft open in two tabs of the same browser (design decision 15: per field, the later
// change by its timestamp wins). Each tab shows what the other typed in other fields without
// losing its own; when both change the same field, the later change is what both tabs show,
// also after a reload, and what is stored.
describe('one draft in two tabs', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let a: Page
  let b: Page
  let draftId = ''

  const NAME = 'Họ, chữ đệm, tên người yêu cầu'
  const ID_NUMBER = 'Số định danh cá nhân'
  const PHONE = 'Số điện thoại liên hệ'
  const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    context = await phoneContext(browser)
    a = await context.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('shows each tab what the other typed in another field, keeping its own', async () => {
    await a.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(a)
    await expect.poll(() => a.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
    await a.goto(`${app.baseUrl}/thu-tuc/1.001193`)
    await a.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click()
    await a.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/)
    draftId = a.url().split('/').pop()!

    await a.goto(`${app.baseUrl}/ho-so/${draftId}/applicant`)
    b = await context.newPage()
    await b.goto(`${app.baseUrl}/ho-so/${draftId}/applicant`)
    await field(b, NAME).waitFor()

    await field(a, NAME).pressSequentially('Nguyễn Văn An', { delay: 20 })
    await field(b, PHONE).pressSequentially('0912345678', { delay: 20 })

    await expect.poll(() => field(b, NAME).inputValue()).toBe('Nguyễn Văn An')
    await expect.poll(() => field(a, PHONE).inputValue()).toBe('0912345678')
    expect(await field(a, NAME).inputValue()).toBe('Nguyễn Văn An')
    expect(await field(b, PHONE).inputValue()).toBe('0912345678')
    await expect.poll(async () => (await readStoredDraft(a, draftId))?.values).toMatchObject({ applicantName: 'Nguyễn Văn An', applicantPhone: '0912345678' })
  })

  it('keeps the later of two changes to the same field, in both tabs', async () => {
    // Tab A first; the user then goes to tab B (A's field loses focus) and types there.
    await field(a, ID_NUMBER).fill('001090123456')
    await field(a, ID_NUMBER).blur()
    await expect.poll(() => field(b, ID_NUMBER).inputValue()).toBe('001090123456')
    await field(b, ID_NUMBER).fill('001090654321')
    await field(b, ID_NUMBER).blur()
    await expect.poll(() => field(a, ID_NUMBER).inputValue()).toBe('001090654321')
    expect(await field(b, ID_NUMBER).inputValue()).toBe('001090654321')

    // Tab B is still in the phone field when A changes it later: B is not overwritten while the
    // user is in the field, and shows A's later value as soon as it leaves it.
    await field(b, PHONE).fill('0987654321')
    await expect.poll(async () => (await readStoredDraft(a, draftId))?.values.applicantPhone).toBe('0987654321')
    await field(a, PHONE).fill('0911222333')
    await field(a, PHONE).blur()
    await expect.poll(async () => (await readStoredDraft(a, draftId))?.values.applicantPhone).toBe('0911222333')
    expect(await field(b, PHONE).inputValue()).toBe('0987654321')
    await field(b, PHONE).blur()
    await expect.poll(() => field(b, PHONE).inputValue()).toBe('0911222333')
    expect(await field(a, PHONE).inputValue()).toBe('0911222333')
  })

  it('has the later changes after a reload of both tabs, and stored', async () => {
    await Promise.all([a.reload(), b.reload()])
    for (const page of [a, b]) {
      await expect.poll(() => field(page, ID_NUMBER).inputValue()).toBe('001090654321')
      expect(await field(page, PHONE).inputValue()).toBe('0911222333')
      expect(await field(page, NAME).inputValue()).toBe('Nguyễn Văn An')
    }
    const stored = await readStoredDraft(a, draftId)
    expect(stored!.values).toEqual({ applicantName: 'Nguyễn Văn An', applicantIdNumber: '001090654321', applicantPhone: '0911222333' })
  })
})
