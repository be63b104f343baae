import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { CITIZEN, signIn } from '../support/auth.ts'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { readStoredDraft } from '../support/drafts.ts'
import { readOutboxItem, readyBirthDraft } from '../support/outbox.ts'
import { startApp, type RunningApp } from '../support/server.ts'

const CODE = /\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.H55-\d{6}-\d{4}/
const OTHER = { username: '019192007351', name: 'Trần Thị Bích Ngọc' }

// A signed-in citizen submits a birth registration with two photos while offline: it waits for
// the network, then its files go up (tus) and the dossier is submitted; the receipt stays on
// the device. And an item queued by one person is never sent while another is signed in.
describe('submitting through the outbox', () => {
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

  async function openApp(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
    return { context, page }
  }

  /** Every status line the page shows from now on, in order. */
  async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { statuses: string[] }).statuses = [])
      new MutationObserver(() => {
        const line = document.querySelector('.outbox-line')?.textContent?.trim()
        if (line && seen.at(-1) !== line) seen.push(line)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    return () => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses)
  }

  it('offline: queued ("Đang chờ mạng"); online: uploaded, submitted with a code, the draft gone, the receipt kept', async () => {
    const { context, page } = await openApp()
    await signIn(page, app.baseUrl, CITIZEN.username, undefined, '/ho-so')
    const id = await readyBirthDraft(page, app.baseUrl)
    // The commune comes from the applicant's address; the result is received at the agency.
    expect(await page.getByLabel('Xã, phường nơi nộp hồ sơ').inputValue()).toBe('05443')
    expect(await page.getByLabel('Nhận trực tiếp tại cơ quan giải quyết').isChecked()).toBe(true)

    await context.setOffline(true)
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await page.getByText('Đang chờ mạng').waitFor()
    await page.getByText('1 chưa gửi').waitFor()
    expect((await readStoredDraft(page, id))?.files).toHaveLength(2)
    const statuses = await recordStatuses(page)

    await context.setOffline(false)
    await page.getByText(/Đã nộp — mã hồ sơ/).waitFor({ timeout: 30_000 })
    const code = CODE.exec((await page.locator('main').textContent()) ?? '')?.[0]
    expect(code).toMatch(/^000\.00\.D8\.H55-/)
    expect(await statuses()).toEqual(expect.arrayContaining([expect.stringMatching(/^Đang tải tệp lên: \d+%/), `Đã nộp — mã hồ sơ ${code}`]))
    expect(await readStoredDraft(page, id)).toBeNull()
    expect(await readOutboxItem(page, id)).toMatchObject({ state: 'done' })
    await expect.poll(() => page.locator('.unsent').count()).toBe(0)

    await page.goto(`${app.baseUrl}/ho-so`)
    await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor()
    expect(await page.getByText('Khai sinh cho Bình').count()).toBe(0)
    await page.getByRole('link', { name: 'Xem hồ sơ đã nộp' }).click()
    await page.getByRole('link', { name: code! }).click()
    await page.getByRole('heading', { name: 'Giấy tiếp nhận hồ sơ trực tuyến' }).waitFor()
    const receipt = (await page.locator('main').textContent()) ?? ''
    for (const expected of [code!, 'đăng ký khai sinh', 'Ủy ban nhân dân phường Phan Đình Phùng', CITIZEN.name, 'Tại cơ quan giải quyết', 'giay-chung-sinh-1.jpg', 'giay-chung-sinh-2.jpg', 'Mới đăng ký']) {
      expect(receipt).toContain(expected)
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải giấy xác nhận (PDF)' }).click()])
    expect(download.suggestedFilename()).toBe(`giay-xac-nhan-${code}.pdf`)
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-')

    await context.setOffline(true)
    await page.reload()
    await page.getByRole('heading', { name: 'Giấy tiếp nhận hồ sơ trực tuyến' }).waitFor()
    expect(await page.locator('main').textContent()).toContain(code!)
    await page.getByRole('button', { name: 'Tải giấy xác nhận (PDF)' }).click()
    await page.getByText('Tải bản PDF cần có mạng').waitFor()
    await context.close()
  })

  it('an item waits for the person who queued it, and is sent when they sign in again', async () => {
    const { context, page } = await openApp()
    const posts: string[] = []
    page.on('request', (request) => request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/api/') && posts.push(new URL(request.url()).pathname))
    await signIn(page, app.baseUrl, CITIZEN.username, undefined, '/ho-so')
    const id = await readyBirthDraft(page, app.baseUrl)
    await context.setOffline(true)
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await page.getByText('Đang chờ mạng').waitFor()

    // Another person signs in on this device (the cookie of the first is gone).
    await context.clearCookies()
    await context.setOffline(false)
    await signIn(page, app.baseUrl, OTHER.username, undefined, '/ho-so')
    await page.getByText(`Đang chờ ${CITIZEN.name} đăng nhập để gửi`).waitFor()
    await expect.poll(() => readOutboxItem(page, id)).toMatchObject({ state: 'queued', waiting: 'account' })
    expect(posts).toEqual([])
    expect((await page.request.get(`${app.baseUrl}/api/dossiers/${id}`)).status()).toBe(404)

    await context.clearCookies()
    await signIn(page, app.baseUrl, CITIZEN.username, undefined, '/ho-so')
    await expect.poll(() => readOutboxItem(page, id).then((item) => item?.state), { timeout: 30_000 }).toBe('done')
    expect(posts.filter((p) => p === '/api/dossiers')).toEqual(['/api/dossiers'])
    await context.close()
  })
})
