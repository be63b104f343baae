import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { seriousViolations } from '../support/axe.ts'
import { CITIZEN, signIn, staff } from '../support/auth.ts'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { readyBirthDraft } from '../support/outbox.ts'
import { startApp, type RunningApp } from '../support/server.ts'

const CODE = /\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.H55-\d{6}-\d{4}/
const SHOTS = '/tmp/shots'

// The applicant's side of a status change, in Chromium at phone size against the real BFF
// (embedded one-stop-shop, relay, notices): a citizen submits; the reception officer receives
// the dossier and asks for a supplement; the citizen's header counts two unread notices, the
// inbox shows what to supply and by when, and marking one read lowers the count.
describe('notices: the applicant is told in the app', () => {
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  /** The header's link to the inbox, by its accessible name ("Thông báo, 2 chưa đọc"). */
  const noticesLink = (page: Page) => page.locator('nav.top-nav a[href="/thong-bao"]')

  it('receipt and supplement request reach the inbox, with every item, the deadline and where to supply it', async () => {
    const citizenContext = await phoneContext(browser, { bypassCSP: true })
    const citizen = await citizenContext.newPage()
    await citizen.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(citizen)
    await expect.poll(() => citizen.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
    await signIn(citizen, app.baseUrl, CITIZEN.username, undefined, '/ho-so')
    await readyBirthDraft(citizen, app.baseUrl)
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await citizen.getByText(/Đã nộp — mã hồ sơ/).waitFor({ timeout: 30_000 })
    const code = CODE.exec((await citizen.locator('main').textContent()) ?? '')![0]

    // Nothing to tell yet: the link is there, without a count.
    await citizen.goto(`${app.baseUrl}/`)
    await expect.poll(() => noticesLink(citizen).textContent(), { timeout: 10_000 }).toBe('Thông báo')

    // The reception officer, through the officers' API (their screens have their own journey).
    const officer = staff('canbo.pdp1')
    const officerPage = await (await phoneContext(browser)).newPage()
    await signIn(officerPage, app.baseUrl, officer.username, officer.totpSecret, '/can-bo')
    const headers = { 'X-Requested-With': 'portal', 'Content-Type': 'application/json' }
    let id = ''
    await expect
      .poll(
        async () => {
          const queue = (await (await officerPage.request.get(`${app.baseUrl}/api/officer/dossiers`)).json()) as { items: { id: string; code: string }[] }
          id = queue.items.find((item) => item.code === code)?.id ?? ''
          return id
        },
        { timeout: 30_000 },
      )
      .not.toBe('')
    const act = async (action: unknown) => {
      const res = await officerPage.request.post(`${app.baseUrl}/api/officer/dossiers/${id}/actions`, { headers, data: action })
      expect(res.status(), await res.text()).toBe(200)
    }
    await act({ type: 'receive' })
    await act({
      type: 'requestSupplement',
      items: [
        { componentId: 'c6', description: 'Ảnh giấy chứng sinh bị mờ: chụp lại rõ cả hai mặt' },
        { description: 'Ghi rõ quê quán theo giấy tờ của cha hoặc mẹ' },
      ],
    })

    // The citizen's header counts them once the browser is idle, then the inbox shows them.
    await citizen.goto(`${app.baseUrl}/`)
    await expect.poll(() => noticesLink(citizen).getAttribute('aria-label'), { timeout: 15_000 }).toBe('Thông báo, 2 chưa đọc')
    expect(await noticesLink(citizen).textContent()).toBe('Thông báo2')
    // The header's links fit the phone's width on one row (the bell stands for the word there).
    expect(await citizen.locator('nav.top-nav').evaluate((nav) => nav.scrollWidth <= nav.clientWidth && nav.getBoundingClientRect().height <= 50)).toBe(true)
    await noticesLink(citizen).click()
    await citizen.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor()
    await citizen.locator('li.notice').first().waitFor()
    expect((await citizen.locator('li.notice h2').allTextContents()).map((s) => s.trim())).toEqual(['Hồ sơ cần bổ sung Chưa đọc', 'Hồ sơ đã được tiếp nhận Chưa đọc'])
    const supplement = citizen.locator('li.notice').first()
    expect(await supplement.locator('.notice-list li').allTextContents()).toEqual(['Ảnh giấy chứng sinh bị mờ: chụp lại rõ cả hai mặt', 'Ghi rõ quê quán theo giấy tờ của cha hoặc mẹ'])
    const text = (await supplement.textContent()) ?? ''
    expect(text).toMatch(/Hạn bổ sung: 17:00 ngày \d{2}\/\d{2}\/\d{4}\./)
    expect(text).toContain(`Cách bổ sung: mở mục «Hồ sơ của tôi» trên Cổng, chọn hồ sơ ${code}`)
    expect(await supplement.getByRole('link', { name: 'Bổ sung hồ sơ' }).getAttribute('href')).toBe(`/ho-so/da-nop/${id}`)
    const receipt = citizen.locator('li.notice').nth(1)
    expect(await receipt.textContent()).toMatch(/Ngày hẹn trả kết quả: 17:00 ngày \d{2}\/\d{2}\/\d{4}\./)
    expect(await seriousViolations(citizen)).toEqual([])
    await citizen.screenshot({ path: `${SHOTS}/notices.png`, fullPage: true })

    await receipt.getByRole('button', { name: 'Đánh dấu đã đọc' }).click()
    await expect.poll(() => receipt.getAttribute('class')).not.toContain('notice-unread')
    await expect.poll(() => noticesLink(citizen).getAttribute('aria-label')).toBe('Thông báo, 1 chưa đọc')

    // In English, the notice follows; the officer's words stay as written.
    await citizen.getByRole('button', { name: 'English' }).click()
    await citizen.getByRole('heading', { name: 'Notices', level: 1 }).waitFor()
    expect(await supplement.locator('h2').textContent()).toContain('Your dossier needs a supplement')
    expect(await supplement.textContent()).toMatch(/Supply it by: \d{1,2} \w+ \d{4} at 17:00\./)
    await citizen.getByRole('button', { name: 'Tiếng Việt' }).click()

    // Kept on the phone: with no network the inbox opens with what it showed, as last marked.
    await citizenContext.setOffline(true)
    await citizen.reload()
    await citizen.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor()
    await expect.poll(async () => (await citizen.locator('li.notice h2').allTextContents()).map((s) => s.trim())).toEqual(['Hồ sơ cần bổ sung Chưa đọc', 'Hồ sơ đã được tiếp nhận'])
    await expect.poll(() => citizen.getByRole('alert').textContent()).toContain('đây là các thông báo đã lưu trên máy')
    expect(await seriousViolations(citizen)).toEqual([])
    await citizen.screenshot({ path: `${SHOTS}/notices-offline.png`, fullPage: true })
    await citizenContext.setOffline(false)
    await citizenContext.close()
  })
})
