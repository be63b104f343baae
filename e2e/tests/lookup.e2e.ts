import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { CITIZEN, signIn } from '../support/auth.ts'
import { seriousViolations } from '../support/axe.ts'
import { launchBrowser, phoneContext } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'
import { communeCommittees, WITHOUT_FILES } from '../faults/bff.ts'

// The public look-up (/tra-cuu, TT 01/2018 Art. 16): a citizen submits a dossier; anybody with
// its code, in a fresh browser, sees the procedure, the status and the dates, and nothing about
// who applied; the owner, signed in, sees the history too; with JavaScript off the server page
// shows the same public facts.
describe('looking up a dossier by its code', () => {
  let app: RunningApp
  let browser: Browser
  let owner: Page
  let code: string

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    owner = await (await phoneContext(browser)).newPage()
    await signIn(owner, app.baseUrl, CITIZEN.username, undefined, '/tai-khoan')
    const submission = {
      id: randomUUID(),
      procedureCode: WITHOUT_FILES.code,
      communeCode: communeCommittees[0]!.communeCode,
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
    expect(await owner.locator('main ol.plain li').allTextContents()).toEqual([expect.stringMatching(/— Mới đăng ký$/)])
    expect(await owner.getByRole('link', { name: 'Xem giấy tiếp nhận' }).getAttribute('href')).toMatch(/^\/ho-so\/da-nop\/[0-9a-f-]{36}$/)
  })

  it('with JavaScript off, the server page shows the same public facts', async () => {
    const context = await phoneContext(browser, { javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/tra-cuu`)
    await page.getByLabel('Mã hồ sơ').fill(code)
    await page.getByLabel('Mã hồ sơ').press('Enter')
    await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor()
    expect((await facts(page)).map(([label]) => label)).toEqual(['Thủ tục', 'Tình trạng', 'Ngày nộp'])
    expect((await page.locator('main').textContent()) ?? '').not.toContain(CITIZEN.name)
    await context.close()
  })
})
