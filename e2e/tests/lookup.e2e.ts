import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { CITIZEN, signIn, staff } from '../support/auth.ts'
import { seriousViolations } from '../support/axe.ts'
import { launchBrowser, phoneContext } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'
import { WITHOUT_FILES } from '../faults/bff.ts'

/** Phường Phan Đình Phùng, whose people's committee (000.00.D8.H55) the demo officers work at. */
const PHAN_DINH_PHUNG = '05443'

// The public look-up (/tra-cuu, TT 01/2018 Art. 16): a citizen submits a dossier; anybody with
// its code, in a fresh browser, sees the procedure, the status and the dates, and nothing about
// who applied — before and after the agency receives it; the owner, signed in, sees the history
// too; with JavaScript off the server page shows the same public facts.
describe('looking up a dossier by its code', () => {
  let app: RunningApp
  let browser: Browser
  let owner: Page
  let code: string
  let id: string

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    owner = await (await phoneContext(browser)).newPage()
    await signIn(owner, app.baseUrl, CITIZEN.username, undefined, '/tai-khoan')
    const submission = {
      id: randomUUID(),
      procedureCode: WITHOUT_FILES.code,
      communeCode: PHAN_DINH_PHUNG,
      form: {},
      components: [],
      resultDelivery: { method: 'at-agency' },
    }
    const answer = await owner.evaluate(async (body) => {
      const res = await fetch('/api/dossiers', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'portal' }, body: JSON.stringify(body) })
      return { status: res.status, code: ((await res.json()) as { code?: string }).code }
    }, submission)
    expect(answer.status).toBe(201)
    code = answer.code!
    id = submission.id
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  /** The page's facts, label → value, in order. */
  const facts = (page: Page) =>
    page.locator('main dl.facts > div').evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')?.textContent?.trim(), row.querySelector('dd')?.textContent?.trim()]))

  /** Waits until the app has replaced the server page (Vue marks its root). */
  const appMounted = (page: Page) => page.locator('#app[data-v-app]').waitFor({ state: 'attached', timeout: 30_000 })

  it('in a fresh browser, shows only the procedure, the status and the dates', async () => {
    const context = await phoneContext(browser, { bypassCSP: true })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/tra-cuu`)
    await appMounted(page)
    await page.getByLabel('Mã hồ sơ').fill(` ${code.toLowerCase()} `)
    await page.getByRole('button', { name: 'Tra cứu' }).click()
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor()
    expect(new URL(page.url()).searchParams.get('ma')).toBe(code)

    const shown = await facts(page)
    expect(shown.map(([label]) => label)).toEqual(['Thủ tục', 'Tình trạng', 'Ngày nộp'])
    expect(shown[0]![1]).toBe('Tuyển sinh trung học cơ sở (3.000182)')
    expect(shown[1]![1]).toBe('Mới đăng ký')
    expect(shown[2]![1]).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/)
    const text = (await page.locator('main').textContent()) ?? ''
    for (const private_ of [CITIZEN.name, CITIZEN.username, 'Dành cho chủ hồ sơ', 'Quá trình xử lý']) expect(text).not.toContain(private_)
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })

  it('once the agency received it, shows the date of receipt and the appointment too', async () => {
    const reception = staff('canbo.pdp1')
    const officer = await (await phoneContext(browser)).newPage()
    await signIn(officer, app.baseUrl, reception.username, reception.totpSecret, '/tai-khoan')
    // The relay hands the dossier to the one-stop-shop in the background: wait until it is there.
    const officerSees = () => officer.evaluate(async (dossierId) => (await fetch(`/api/officer/dossiers/${dossierId}`)).status, id)
    await expect.poll(officerSees, { timeout: 30_000, interval: 250 }).toBe(200)
    const received = await officer.evaluate(async (dossierId) => {
      const res = await fetch(`/api/officer/dossiers/${dossierId}/actions`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'portal' }, body: JSON.stringify({ type: 'receive' }) })
      return res.status
    }, id)
    expect(received).toBe(200)
    await officer.context().close()

    // The status comes back to the portal's mirror in the background: wait for it on the owner's
    // own API (not the look-up, whose 30 a minute this file shares).
    const mirrored = () => owner.evaluate(async (dossierId) => ((await (await fetch(`/api/dossiers/${dossierId}`)).json()) as { status: string }).status, id)
    await expect.poll(mirrored, { timeout: 20_000, interval: 250 }).toBe('accepted')

    // A phone in Vietnam: the app shows times in the device's zone.
    const context = await phoneContext(browser, { timezoneId: 'Asia/Ho_Chi_Minh' })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/tra-cuu?ma=${code}`)
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor()
    expect((await facts(page)).map(([label, value]) => `${label}: ${value}`)).toEqual([
      'Thủ tục: Tuyển sinh trung học cơ sở (3.000182)',
      'Tình trạng: Đã được tiếp nhận',
      expect.stringMatching(/^Ngày nộp: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/),
      expect.stringMatching(/^Ngày tiếp nhận: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/),
      expect.stringMatching(/^Ngày hẹn trả kết quả: 17:00 \d{2}\/\d{2}\/\d{4}$/),
    ])
    const text = (await page.locator('main').textContent()) ?? ''
    for (const private_ of [CITIZEN.name, CITIZEN.username, reception.name, 'Dành cho chủ hồ sơ', 'Quá trình xử lý']) expect(text).not.toContain(private_)
    await context.close()
  })

  it('says plainly when a code is mistyped or unknown', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/tra-cuu`)
    await appMounted(page)
    await page.getByLabel('Mã hồ sơ').fill('H55-0001')
    await page.getByLabel('Mã hồ sơ').press('Enter')
    expect(await page.getByRole('alert').textContent()).toMatch(/^Mã hồ sơ chưa đúng\./)
    await page.getByLabel('Mã hồ sơ').fill(code.replace(/\d{4}$/, '9999'))
    await page.getByLabel('Mã hồ sơ').press('Enter')
    await page.getByText('Không tìm thấy hồ sơ mang mã này.').waitFor()
    await context.close()
  })

  it('shows the signed-in owner the agency and the history as well', async () => {
    await owner.goto(`${app.baseUrl}/tra-cuu?ma=${code}`)
    await owner.getByRole('heading', { name: 'Dành cho chủ hồ sơ' }).waitFor()
    expect(await owner.locator('main ol.plain li').allTextContents()).toEqual([expect.stringMatching(/— Mới đăng ký$/), expect.stringMatching(/— Đã được tiếp nhận/)])
    expect(await owner.getByRole('link', { name: 'Xem giấy tiếp nhận' }).getAttribute('href')).toMatch(/^\/ho-so\/da-nop\/[0-9a-f-]{36}$/)
  })

  it('with JavaScript off, the server page shows the same public facts', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/tra-cuu`)
    await page.getByLabel('Mã hồ sơ').fill(code)
    await page.getByLabel('Mã hồ sơ').press('Enter')
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor()
    expect(await facts(page)).toEqual([
      ['Thủ tục', 'Tuyển sinh trung học cơ sở (3.000182)'],
      ['Tình trạng', 'Đã được tiếp nhận'],
      ['Ngày nộp', expect.stringMatching(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/)],
      ['Ngày tiếp nhận', expect.stringMatching(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/)],
      ['Ngày hẹn trả kết quả', expect.stringMatching(/^17:00 \d{2}\/\d{2}\/\d{4}$/)],
    ])
    expect((await page.locator('main').textContent()) ?? '').not.toContain(CITIZEN.name)
    await context.close()
  })
})
