import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { pdfText } from '../../bff/src/dossiers/pdf-text.test-support.ts'
import { seriousViolations } from '../support/axe.ts'
import { CITIZEN, signIn, staff } from '../support/auth.ts'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { readyBirthDraft } from '../support/outbox.ts'
import { startApp, type RunningApp } from '../support/server.ts'

const CODE = /\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.H55-\d{6}-\d{4}/
const SHOTS = '/tmp/shots'
/** A one-page PDF, as a scanner would make the signed result. */
const RESULT_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 595]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

// The dossier's life from the officers' screens, in Chromium at phone size, against the real BFF
// (embedded one-stop-shop): a citizen submits two birth registrations; the reception officer
// receives the first and asks for a supplement (the applicant is told), and receives the second;
// the processing and approval officer hands the second to a unit, transfers it, approves it,
// attaches the result and returns it. Every slip shown downloads as a PDF with the dossier code,
// and so does the register.
describe('officers: queue, dossier page and actions', () => {
  let app: RunningApp
  let browser: Browser
  let citizen: { context: BrowserContext; page: Page }
  const codes: string[] = []

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  /** An officer signed in (TOTP) on a phone-sized page, on the queue. */
  async function officer(username: string): Promise<Page> {
    const person = staff(username)
    const context = await phoneContext(browser, { viewport: { width: 390, height: 844 }, bypassCSP: true })
    const page = await context.newPage()
    await signIn(page, app.baseUrl, person.username, person.totpSecret, '/can-bo')
    await page.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor()
    return page
  }

  async function openDossier(page: Page, code: string): Promise<void> {
    await page.goto(`${app.baseUrl}/can-bo`)
    await page.getByRole('link', { name: code }).click()
    await page.getByRole('heading', { name: code, level: 1 }).waitFor()
    await page.getByText('Họ, chữ đệm, tên người được khai sinh').waitFor()
  }

  /** One action through its form, the confirmation and the request; the page's notice after it. */
  async function act(page: Page, action: string, fill: () => Promise<void> = async () => undefined): Promise<string> {
    await page.locator('.action-buttons').getByRole('button', { name: action, exact: true }).click()
    await fill()
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click()
    const done = page.locator('.done')
    await expect.poll(() => done.textContent().catch(() => ''), { timeout: 15_000 }).toContain(`Đã thực hiện: ${action}.`)
    return (await done.textContent()) ?? ''
  }

  const fact = (page: Page, name: string) => page.locator('.facts > div', { has: page.getByText(name, { exact: true }) }).locator('dd').textContent()

  /** Every slip link on the page: each a valid PDF whose text carries the dossier code. */
  async function checkSlips(page: Page, code: string, expected: string[]): Promise<void> {
    const links = page.locator('.slips a')
    expect(await links.allTextContents()).toEqual(expected)
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const res = await page.request.get(`${app.baseUrl}${href}`)
      expect(res.status(), href).toBe(200)
      expect(res.headers()['content-type']).toBe('application/pdf')
      const bytes = await res.body()
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
      expect(await pdfText(bytes), href).toContain(code)
    }
  }

  it('a citizen submits two birth registrations', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
    await signIn(page, app.baseUrl, CITIZEN.username, undefined, '/ho-so')
    citizen = { context, page }
    for (let n = 0; n < 2; n++) {
      await readyBirthDraft(page, app.baseUrl)
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
      await page.getByText(/Đã nộp — mã hồ sơ/).waitFor({ timeout: 30_000 })
      codes.push(CODE.exec((await page.locator('main').textContent()) ?? '')![0])
    }
    expect(codes).toHaveLength(2)
  })

  it('the queue lists the submitted dossiers; the reception officer receives one and asks for a supplement', async () => {
    const page = await officer('canbo.pdp1')
    // The relay delivers to the one-stop-shop shortly after intake.
    await expect
      .poll(
        async () => {
          await page.reload()
          // The queue renders after its data arrives, which can be well after the load event.
          await page.locator('ol.queue a').first().waitFor({ timeout: 5_000 }).catch(() => undefined)
          return page.locator('ol.queue a').allTextContents()
        },
        { timeout: 30_000 },
      )
      .toEqual(expect.arrayContaining(codes))
    const row = page.locator('ol.queue > li', { has: page.getByRole('link', { name: codes[0]! }) })
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('Mới đăng ký')
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/queue.png`, fullPage: true })

    await openDossier(page, codes[0]!)
    expect(await fact(page, 'Trạng thái')).toBe('Mới đăng ký')
    expect(await fact(page, 'Người nộp')).toContain(CITIZEN.name)
    const answer = page.locator('.answers > div', { has: page.getByText('Họ, chữ đệm, tên người được khai sinh', { exact: true }) })
    expect(await answer.locator('dd').textContent()).toContain('Nguyễn Thị Bình')
    // The photos load from the officers' file route and show.
    const photo = page.locator('.previews img').first()
    await photo.scrollIntoViewIfNeeded()
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
    expect(await page.locator('.action-buttons button').allTextContents()).toEqual(['Tiếp nhận', 'Yêu cầu bổ sung', 'Từ chối tiếp nhận'])
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/dossier.png`, fullPage: true })

    // A reason-less refusal is stopped on the page, before the server.
    await page.locator('.action-buttons').getByRole('button', { name: 'Từ chối tiếp nhận', exact: true }).click()
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.locator('.error-summary').getByText('Lý do 1: ghi nội dung hoặc xoá dòng này.').waitFor()
    await page.getByRole('button', { name: 'Huỷ' }).click()

    expect(
      await act(page, 'Tiếp nhận', async () => {
        const options = page.locator('.choice input[type=radio]')
        if (await options.count()) await options.first().check()
      }),
    ).toBe('Đã thực hiện: Tiếp nhận. Trạng thái hồ sơ: Được tiếp nhận.')
    expect(await fact(page, 'Hạn trả kết quả')).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/)

    await act(page, 'Yêu cầu bổ sung', async () => {
      await page.locator('#action-item-0-component').selectOption('c6')
      await page.locator('#action-item-0').fill('Ảnh giấy chứng sinh bị mờ: chụp lại rõ cả hai mặt')
      await page.getByRole('button', { name: 'Thêm nội dung' }).click()
      await page.locator('#action-item-1').fill('Ghi rõ quê quán theo giấy tờ của cha hoặc mẹ')
      await page.locator('.action-form').screenshot({ path: `${SHOTS}/supplement-form.png` })
    })
    expect(await fact(page, 'Trạng thái')).toBe('Yêu cầu bổ sung')
    const supplements = (await page.locator('section', { has: page.locator('#supplements-title') }).textContent()) ?? ''
    expect(supplements).toContain('Ảnh giấy chứng sinh bị mờ: chụp lại rõ cả hai mặt')
    expect(supplements).toContain('Đang chờ người nộp bổ sung')
    await checkSlips(page, codes[0]!, [
      'Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)',
      'Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF)',
    ])

    // The applicant is told, with every item.
    await expect
      .poll(async () => {
        const inbox = (await (await citizen.page.request.get(`${app.baseUrl}/api/notices`)).json()) as { notices: { dossierCode: string; kind: string; list?: { items: string[] } }[] }
        return inbox.notices.find((n) => n.dossierCode === codes[0] && n.kind === 'supplementRequested')?.list?.items
      })
      .toEqual(['Ảnh giấy chứng sinh bị mờ: chụp lại rõ cả hai mặt', 'Ghi rõ quê quán theo giấy tờ của cha hoặc mẹ'])

    await openDossier(page, codes[1]!)
    await act(page, 'Tiếp nhận', async () => {
      const options = page.locator('.choice input[type=radio]')
      if (await options.count()) await options.first().check()
    })
    await page.context().close()
  })

  it('the processing and approval officer hands it over, transfers, approves and returns the result', async () => {
    const page = await officer('canbo.pdp2')
    await openDossier(page, codes[1]!)
    expect(await page.locator('.action-buttons button').allTextContents()).toEqual(['Chuyển xử lý', 'Xin lỗi, hẹn lại ngày trả', 'Dừng xử lý'])

    await act(page, 'Chuyển xử lý', async () => {
      await page.locator('#action-unit').selectOption({ label: 'Ủy ban nhân dân phường Phan Đình Phùng' })
    })
    expect(await fact(page, 'Trạng thái')).toBe('Đang xử lý')

    await act(page, 'Chuyển đơn vị khác', async () => {
      await page.locator('#action-unit').selectOption({ label: 'Sở Tư pháp tỉnh Thái Nguyên' })
      await page.locator('#action-note').fill('Đề nghị thẩm định hồ sơ khai sinh')
    })
    expect(await fact(page, 'Đơn vị đang giữ hồ sơ')).toBe('Sở Tư pháp tỉnh Thái Nguyên')
    const handovers = (await page.locator('section', { has: page.locator('#control-title') }).locator('li').allTextContents()).map((s) => s.replace(/\s+/g, ' '))
    expect(handovers).toHaveLength(2)
    expect(handovers[1]).toContain('Ủy ban nhân dân phường Phan Đình Phùng → Sở Tư pháp tỉnh Thái Nguyên')
    expect(handovers[1]).toContain('Đề nghị thẩm định hồ sơ khai sinh')

    await act(page, 'Phê duyệt')
    expect(await fact(page, 'Trạng thái')).toBe('Đã xử lý xong')

    // The result must be uploaded before it can be returned.
    await page.locator('.action-buttons').getByRole('button', { name: 'Trả kết quả', exact: true }).click()
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.locator('.error-summary').getByText('Chọn tệp kết quả và chờ tải lên xong.').waitFor()
    await page.getByRole('button', { name: 'Huỷ' }).click()
    await act(page, 'Trả kết quả', async () => {
      await page.locator('#action-result').setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: RESULT_PDF })
      await page.getByText('Đã tải lên: giay-khai-sinh.pdf').waitFor({ timeout: 20_000 })
    })
    expect(await fact(page, 'Trạng thái')).toBe('Đã trả kết quả')
    expect(await page.locator('.action-buttons').count()).toBe(0)
    const result = await page.request.get(`${app.baseUrl}${await page.getByRole('link', { name: 'Mở tệp kết quả (tab mới)' }).getAttribute('href')}`)
    expect(Buffer.from(await result.body()).equals(RESULT_PDF)).toBe(true)

    const history = (await page.locator('section', { has: page.locator('#history-title') }).locator('.timeline > li').allTextContents()).map((s) => s.replace(/\s+/g, ' '))
    expect(history.map((h) => /(Nộp hồ sơ trực tuyến|Tiếp nhận hồ sơ|Chuyển xử lý|Chuyển đơn vị|Phê duyệt kết quả|Trả kết quả)/.exec(h)?.[1])).toEqual([
      'Nộp hồ sơ trực tuyến',
      'Tiếp nhận hồ sơ',
      'Chuyển xử lý',
      'Chuyển đơn vị',
      'Phê duyệt kết quả',
      'Trả kết quả',
    ])
    await page.screenshot({ path: `${SHOTS}/dossier-returned.png`, fullPage: true })
    const slipNames = await page.locator('.slips a').allTextContents()
    expect(slipNames).toEqual(expect.arrayContaining(['Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)', 'Mẫu 05 — Phiếu kiểm soát quá trình giải quyết hồ sơ (PDF)']))
    await checkSlips(page, codes[1]!, slipNames)

    // On a kiosk or a desktop screen too.
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.screenshot({ path: `${SHOTS}/dossier-desktop.png` })

    // The register of the agency (Mẫu 06) for this month: both dossiers.
    await page.goto(`${app.baseUrl}/can-bo`)
    await page.locator('ol.queue').waitFor()
    await page.screenshot({ path: `${SHOTS}/queue-desktop.png` })
    await page.getByText('Sổ theo dõi hồ sơ (Mẫu 06)').click()
    const register = await page.request.get(`${app.baseUrl}${await page.getByRole('link', { name: 'Tải sổ theo dõi (PDF)' }).getAttribute('href')}`)
    expect(register.status()).toBe(200)
    const text = await pdfText(await register.body())
    for (const code of codes) expect(text).toContain(code)
    await page.context().close()
  })
})
