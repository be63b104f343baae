import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { seriousViolations } from '../support/axe.ts'
import { CITIZEN, signIn, staff } from '../support/auth.ts'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { makeJpeg } from '../support/drafts.ts'
import { storedRow } from '../support/idb.ts'
import { readyBirthDraft } from '../support/outbox.ts'
import { startApp, type RunningApp } from '../support/server.ts'

const CODE = /\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.H55-\d{6}-\d{4}/
const SHOTS = '/tmp/shots'
const PHONE = { viewport: { width: 390, height: 844 } }
const ASKED = 'Ảnh giấy chứng sinh bị mờ: chụp lại rõ cả hai mặt'
/** A one-page PDF, as a scanner would make the signed result. */
const RESULT_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 595]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

/** How many `files` rows the app holds under a draft (a dossier's or a supplement's). */
function filesOf(page: Page, draftId: string): Promise<number> {
  return page.evaluate(async (draftId) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('portal')
      open.onsuccess = () => ok(open.result)
      open.onerror = () => fail(open.error)
    })
    const n = await new Promise<number>((ok, fail) => {
      const request = db.transaction('files').objectStore('files').index('draftId').count(draftId)
      request.onsuccess = () => ok(request.result)
      request.onerror = () => fail(request.error)
    })
    db.close()
    return n
  }, draftId)
}

// The citizen's side of the dossier's life, in Chromium at phone size against the real BFF
// (embedded one-stop-shop): submit; the officer asks for a supplement; the phone shows it (badge,
// next step, notice), the citizen supplies the photo offline and it lands once when the network
// is back; a second device's supplement sent after that is refused in plain words and kept; the
// officer returns the result; the phone downloads it (hash checked), rates, and a second rating is
// refused; the statistics count it.
describe('the citizen follows the dossier on the phone', () => {
  let app: RunningApp
  let browser: Browser
  let phone: { context: BrowserContext; page: Page }
  let other: { context: BrowserContext; page: Page }
  let id = ''
  let code = ''
  const serverDb = () => new Database(join(app.dataDir, 'portal.sqlite'), { readonly: true, fileMustExist: true })

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  async function citizenPhone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await phoneContext(browser, { ...PHONE, bypassCSP: true })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
    await signIn(page, app.baseUrl, CITIZEN.username, undefined, '/ho-so')
    return { context, page }
  }

  async function officer(username: string): Promise<Page> {
    const person = staff(username)
    const context = await phoneContext(browser, PHONE)
    const page = await context.newPage()
    await signIn(page, app.baseUrl, person.username, person.totpSecret, '/can-bo')
    await page.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor()
    await expect
      .poll(
        async () => {
          await page.goto(`${app.baseUrl}/can-bo/ho-so/${id}`)
          // The page renders after its data arrives, which can be well after the load event.
          return page.getByRole('heading', { name: code, level: 1 }).waitFor({ timeout: 5_000 }).then(
            () => true,
            () => false,
          )
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    return page
  }

  async function act(page: Page, action: string, fill: () => Promise<void> = async () => undefined): Promise<void> {
    await page.locator('.action-buttons').getByRole('button', { name: action, exact: true }).click()
    await fill()
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click()
    await expect.poll(() => page.locator('.done').textContent().catch(() => ''), { timeout: 15_000 }).toContain(`Đã thực hiện: ${action}.`)
  }

  /** The dossier's page on the phone once its pulled status is `status`. */
  async function dossierPage(page: Page, status: string): Promise<void> {
    await expect
      .poll(
        async () => {
          await page.goto(`${app.baseUrl}/ho-so/da-nop/${id}`)
          await page.getByRole('heading', { name: code, level: 1 }).waitFor()
          await page.waitForTimeout(500)
          return page.locator('.submitted-meta .tag-strong').first().textContent()
        },
        { timeout: 40_000, interval: 1_000 },
      )
      .toBe(status)
  }

  it('a citizen submits a birth registration; the officer asks for a supplement', { timeout: 120_000 }, async () => {
    phone = await citizenPhone()
    id = await readyBirthDraft(phone.page, app.baseUrl)
    await phone.page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    await phone.page.getByText(/Đã nộp — mã hồ sơ/).waitFor({ timeout: 30_000 })
    code = CODE.exec((await phone.page.locator('main').textContent()) ?? '')![0]

    // The second device of the same person, which will be late with its own supplement.
    other = await citizenPhone()

    const page = await officer('canbo.pdp1')
    await act(page, 'Tiếp nhận', async () => {
      const options = page.locator('.choice input[type=radio]')
      if (await options.count()) await options.first().check()
    })
    await act(page, 'Yêu cầu bổ sung', async () => {
      await page.locator('#action-item-0-component').selectOption('c6')
      await page.locator('#action-item-0').fill(ASKED)
    })
    await page.context().close()
  })

  it('the phone shows what changed and what to do, and the notice', { timeout: 90_000 }, async () => {
    const { page } = phone
    await expect
      .poll(
        async () => {
          await page.goto(`${app.baseUrl}/ho-so/da-nop`)
          await page.locator('.submitted-item').first().waitFor()
          await page.waitForTimeout(500)
          return page.locator(`[data-dossier="${code}"] [data-next-step]`).textContent()
        },
        { timeout: 40_000, interval: 1_000 },
      )
      .toBe(`Bổ sung: ${ASKED}`)
    const item = page.locator(`[data-dossier="${code}"]`)
    expect(await item.locator('[data-news]').textContent()).toBe('Có cập nhật')
    expect(await item.locator('.tag-strong').first().textContent()).toBe('Yêu cầu bổ sung')
    // The clock stops while a supplement is asked for: no due date shows until it is supplied.
    expect(await item.textContent()).not.toContain('Hạn trả kết quả')
    await expect.poll(() => page.locator('header [data-news]').textContent()).toBe('1 mới')
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/citizen-list.png`, fullPage: true })

    // The notice is in the inbox (the notifier's own page).
    await page.goto(`${app.baseUrl}/thong-bao`)
    await page.getByText(ASKED).first().waitFor({ timeout: 15_000 })

    // Opening the dossier marks it seen; its page shows the history with units and the slips.
    await page.goto(`${app.baseUrl}/ho-so/da-nop/${id}`)
    await page.getByRole('heading', { name: code, level: 1 }).waitFor()
    const history = await page.locator('ol.history li strong').allTextContents()
    expect(history).toEqual(['Mới đăng ký', 'Đã được tiếp nhận', 'Yêu cầu bổ sung'])
    expect(await page.locator('ol.history li time').first().textContent()).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/)
    expect(await page.locator('ol.history .history-unit').count()).toBeGreaterThan(0)
    expect(await page.locator('.slips a').allTextContents()).toEqual(expect.arrayContaining(['Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)']))
    await expect.poll(() => page.locator('header [data-news]').count()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/citizen-detail.png`, fullPage: true })
  })

  it('the citizen supplies the photo offline; back online it lands once', { timeout: 120_000 }, async () => {
    const { page, context } = phone
    await page.getByRole('link', { name: 'Bổ sung hồ sơ' }).click()
    await page.getByRole('heading', { name: 'Bổ sung hồ sơ', level: 1 }).waitFor()
    await page.locator('[data-asked] li').first().waitFor()
    expect(await page.locator('[data-asked] li').allTextContents()).toEqual([ASKED])

    // The other device opens its own supplement too while the request is open, and goes offline.
    await other.page.goto(`${app.baseUrl}/ho-so/da-nop`)
    await other.page.locator(`[data-dossier="${code}"]`).waitFor({ timeout: 20_000 })
    await expect.poll(async () => (await storedRow<{ status?: string }>(other.page, 'dossiers', id))?.status, { timeout: 20_000 }).toBe('supplementRequested')
    await other.page.goto(`${app.baseUrl}/ho-so/da-nop/${id}/bo-sung`)
    await other.page.locator('[data-asked]').waitFor()
    await other.context.setOffline(true)

    await context.setOffline(true)
    const picker = page.locator('section', { has: page.locator('#attach-c6-title') }).locator('input[type=file]:not([capture])')
    await picker.setInputFiles([{ name: 'giay-chung-sinh-ro.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 7) }])
    await page.getByText(/Đã lưu .*giay-chung-sinh-ro\.jpg/).first().waitFor({ timeout: 30_000 })
    await page.locator('#supplement-note').fill('Đã chụp lại cả hai mặt')
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click()
    await page.getByText('Đang chờ mạng — hồ sơ sẽ tự gửi khi có mạng.').waitFor({ timeout: 15_000 })
    await page.getByText('Bản bổ sung đang chờ gửi nên không sửa được. Nếu cần sửa, hãy rút lại.').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/citizen-supplement.png`, fullPage: true })
    const db = serverDb()
    expect((db.prepare("SELECT count(*) AS n FROM dossier_steps WHERE dossier_id = ? AND kind = 'supplement'").get(id) as { n: number }).n).toBe(0)
    db.close()

    await context.setOffline(false)
    await page.getByText('Đã gửi, máy chủ đã nhận.').waitFor({ timeout: 60_000 })
    const after = serverDb()
    const steps = after.prepare("SELECT body FROM dossier_steps WHERE dossier_id = ? AND kind = 'supplement'").all(id) as { body: string }[]
    after.close()
    expect(steps).toHaveLength(1)
    const body = JSON.parse(steps[0]!.body) as { components: { componentId: string; files: { name: string }[] }[]; note?: string }
    expect(body.components).toEqual([{ componentId: 'c6', files: [expect.objectContaining({ name: 'giay-chung-sinh-ro.jpg' })] }])
    expect(body.note).toBe('Đã chụp lại cả hai mặt')
    // Flushing again (a page becoming visible, a reload) sends nothing more.
    await page.reload()
    await page.waitForTimeout(1_500)
    const again = serverDb()
    expect((again.prepare("SELECT count(*) AS n FROM dossier_steps WHERE dossier_id = ? AND kind = 'supplement'").get(id) as { n: number }).n).toBe(1)
    again.close()
    await dossierPage(page, 'Đã được tiếp nhận')
    // Supplied: the due date restarts, and the next step is to wait for it.
    expect(await page.locator('.submitted-meta').first().textContent()).toMatch(/Hạn trả kết quả: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/)
    expect(await page.locator('[data-next-step]').textContent()).toMatch(/^Không cần làm gì — hẹn trả kết quả \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\.$/)
  })

  it('the other device’s late supplement is refused in plain words and kept on it', { timeout: 120_000 }, async () => {
    const { page, context } = other
    const picker = page.locator('section', { has: page.locator('#attach-c6-title') }).locator('input[type=file]:not([capture])')
    await picker.setInputFiles([{ name: 'anh-khac.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 9) }])
    await page.getByText(/Đã lưu .*anh-khac\.jpg/).first().waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click()
    await page.getByText('Đang chờ mạng — hồ sơ sẽ tự gửi khi có mạng.').waitFor({ timeout: 15_000 })
    await context.setOffline(false)
    await page.getByText('Cần bạn xử lý').waitFor({ timeout: 60_000 })
    await page.getByText('Bản bổ sung vẫn được giữ trên máy. Hãy rút lại để sửa hoặc xem lại hồ sơ.').waitFor()
    const problem = (await page.locator('.outbox-problem').textContent()) ?? ''
    expect(problem).not.toMatch(/HTTP|409|\{/)
    const draftId = await page.evaluate(() => location.pathname)
    expect(draftId).toContain('/bo-sung')
    const supplements = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const open = indexedDB.open('portal')
        open.onsuccess = () => ok(open.result)
      })
      const rows = await new Promise<{ id: string }[]>((ok) => {
        const request = db.transaction('supplements').objectStore('supplements').getAll()
        request.onsuccess = () => ok(request.result as { id: string }[])
      })
      db.close()
      return rows
    })
    expect(supplements).toHaveLength(1)
    expect(await filesOf(page, supplements[0]!.id)).toBe(1)
    const db = serverDb()
    expect((db.prepare("SELECT count(*) AS n FROM dossier_steps WHERE dossier_id = ? AND kind = 'supplement'").get(id) as { n: number }).n).toBe(1)
    db.close()
    await page.screenshot({ path: `${SHOTS}/citizen-supplement-refused.png`, fullPage: true })
    await context.close()
  })

  it('the officer returns the result; the phone downloads it with its hash checked, rates once', { timeout: 180_000 }, async () => {
    const page = await officer('canbo.pdp2')
    await act(page, 'Chuyển xử lý', async () => {
      await page.locator('#action-unit').selectOption({ label: 'Ủy ban nhân dân phường Phan Đình Phùng' })
    })
    await act(page, 'Phê duyệt')
    await act(page, 'Trả kết quả', async () => {
      await page.locator('#action-result').setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: RESULT_PDF })
      await page.getByText('Đã tải lên: giay-khai-sinh.pdf').waitFor({ timeout: 20_000 })
    })
    await page.context().close()

    const citizen = phone.page
    await dossierPage(citizen, 'Đã trả kết quả')
    await citizen.getByRole('button', { name: 'Tải kết quả về máy' }).click()
    await citizen.locator('[data-result-kept]').waitFor({ timeout: 20_000 })
    const kept = await storedRow<{ sha256: string; size: number }>(citizen, 'results', id)
    expect(kept?.sha256).toBe(createHash('sha256').update(RESULT_PDF).digest('hex'))
    expect(kept?.size).toBe(RESULT_PDF.length)
    // Kept on the device: it opens offline.
    await phone.context.setOffline(true)
    await citizen.reload()
    await citizen.locator('[data-result-kept]').waitFor()
    const download = citizen.waitForEvent('download')
    await citizen.getByRole('button', { name: 'Mở kết quả' }).click()
    expect((await download).suggestedFilename()).toBe('giay-khai-sinh.pdf')
    await phone.context.setOffline(false)

    await citizen.getByLabel('Rất hài lòng').check()
    await citizen.getByText('Đánh giá chi tiết (không bắt buộc)').click()
    await citizen.getByLabel('Thái độ của cán bộ, công chức').selectOption('very-satisfied')
    await citizen.getByRole('button', { name: 'Gửi đánh giá' }).click()
    await citizen.getByText('Bạn đã đánh giá: Rất hài lòng.').waitFor({ timeout: 30_000 })
    const db = serverDb()
    const ratings = db.prepare('SELECT * FROM ratings WHERE dossier_id = ?').all(id)
    db.close()
    expect(ratings).toHaveLength(1)
    expect(await seriousViolations(citizen)).toEqual([])
    await citizen.screenshot({ path: `${SHOTS}/citizen-returned.png`, fullPage: true })

    // A second rating (another id) is refused with a problem in Vietnamese; nothing changes.
    const twice = await citizen.request.post(`${app.baseUrl}/api/dossiers/${id}/rating`, {
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'portal', Origin: app.baseUrl },
      data: { id: randomUUID(), level: 'unsatisfied' },
    })
    expect(twice.status()).toBe(409)
    expect(twice.headers()['content-type']).toContain('application/problem+json')
    const after = serverDb()
    expect(after.prepare('SELECT count(*) AS n FROM ratings WHERE dossier_id = ?').get(id)).toEqual({ n: 1 })
    after.close()
  })

  it('the statistics count the returned, rated dossier', { timeout: 60_000 }, async () => {
    const res = await phone.page.request.get(`${app.baseUrl}/api/statistics`)
    expect(res.status()).toBe(200)
    const stats = (await res.json()) as { totals: { received: number; processed: number }; groups: { ratings: Record<string, number> }[] }
    expect(stats.totals.received).toBeGreaterThanOrEqual(1)
    expect(stats.totals.processed).toBeGreaterThanOrEqual(1)
    expect(stats.groups.reduce((n, g) => n + (g.ratings['very-satisfied'] ?? 0), 0)).toBe(1)
    // And the public page says so, reached from the footer.
    await phone.page.goto(`${app.baseUrl}/`)
    await phone.page.getByRole('contentinfo').getByRole('link', { name: 'Thống kê' }).click()
    const ward = phone.page.locator('.stats-groups > li', { has: phone.page.getByRole('heading', { name: 'Ủy ban nhân dân phường Phan Đình Phùng' }) })
    await expect.poll(async () => (await ward.count()) && ((await ward.textContent()) ?? ''), { timeout: 30_000 }).toContain('1 rất hài lòng')
    await phone.context.close()
  })
})
