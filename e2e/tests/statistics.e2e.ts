import { createHash, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { CITIZEN, signIn, staff } from '../support/auth.ts'
import { seriousViolations } from '../support/axe.ts'
import { launchBrowser, phoneContext } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'
import { WITHOUT_FILES } from '../faults/bff.ts'

/** Phường Phan Đình Phùng and its people's committee, where the demo officers canbo.pdp* work. */
const PHAN_DINH_PHUNG = '05443'
const WARD = '000.00.D8.H55'
const WARD_NAME = 'Ủy ban nhân dân phường Phan Đình Phùng'
const RESULT_PDF = Buffer.from('%PDF-1.4\n% kết quả giải quyết\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

// The public statistics (/thong-ke): a citizen's dossier is received, processed and returned by
// the ward's officers through the embedded one-stop-shop, and rated by its owner; a fresh phone
// browser, signed in as nobody, sees it counted for the ward and downloads the CSV.
describe('the statistics page counts a returned, rated dossier', () => {
  let app: RunningApp
  let browser: Browser

  /** A JSON request from the page (its session cookie and the app's CSRF header). */
  const call = (page: Page, method: string, path: string, body?: unknown) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const res = await fetch(path, { method, headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'portal' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
        return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null }
      },
      { method, path, body },
    )

  async function signedIn(username: string, totpSecret?: string): Promise<Page> {
    const page = await (await phoneContext(browser)).newPage()
    await signIn(page, app.baseUrl, username, totpSecret, '/tai-khoan')
    return page
  }

  /** The result uploaded by tus (creation, then one PATCH) from the officer's page. */
  async function uploadResult(page: Page): Promise<string> {
    const sha256 = createHash('sha256').update(RESULT_PDF).digest('hex')
    const b64 = (s: string) => Buffer.from(s).toString('base64')
    const status = await page.evaluate(
      async ({ bytes, metadata }) => {
        const tus = { 'Tus-Resumable': '1.0.0', 'X-Requested-With': 'portal' }
        const created = await fetch('/api/uploads', { method: 'POST', headers: { ...tus, 'Upload-Length': String(bytes.length), 'Upload-Metadata': metadata } })
        const location = created.headers.get('Location')
        if (created.status !== 201 || !location) return created.status
        const patched = await fetch(location, { method: 'PATCH', headers: { ...tus, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' }, body: new Uint8Array(bytes) })
        return patched.status
      },
      { bytes: [...RESULT_PDF], metadata: `sha256 ${b64(sha256)},filename ${b64('ket-qua.pdf')},filetype ${b64('application/pdf')}` },
    )
    expect(status).toBe(204)
    return sha256
  }

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('after the result is returned and rated, a fresh browser sees it counted for the ward and downloads the CSV', async () => {
    const citizen = await signedIn(CITIZEN.username)
    const id = randomUUID()
    const submitted = await call(citizen, 'POST', '/api/dossiers', { id, procedureCode: WITHOUT_FILES.code, communeCode: PHAN_DINH_PHUNG, form: {}, components: [], resultDelivery: { method: 'at-agency' } })
    expect(submitted.status).toBe(201)

    const reception = staff('canbo.pdp1')
    const receptionPage = await signedIn(reception.username, reception.totpSecret)
    // The relay hands the dossier to the one-stop-shop in the background: wait until it is there.
    await expect.poll(async () => (await call(receptionPage, 'GET', `/api/officer/dossiers/${id}`)).status, { timeout: 30_000, interval: 250 }).toBe(200)
    expect((await call(receptionPage, 'POST', `/api/officer/dossiers/${id}/actions`, { type: 'receive' })).status).toBe(200)

    // Before the result: nothing to rate yet.
    const early = await call(citizen, 'POST', `/api/dossiers/${id}/rating`, { id: randomUUID(), level: 'satisfied' })
    expect(early).toMatchObject({ status: 409, body: { title: 'Hồ sơ chưa có kết quả' } })

    const processing = staff('canbo.pdp2')
    const processingPage = await signedIn(processing.username, processing.totpSecret)
    for (const action of [{ type: 'startProcessing', unit: WARD }, { type: 'approve' }]) {
      expect((await call(processingPage, 'POST', `/api/officer/dossiers/${id}/actions`, action)).status).toBe(200)
    }
    const resultSha256 = await uploadResult(processingPage)
    expect((await call(processingPage, 'POST', `/api/officer/dossiers/${id}/actions`, { type: 'returnResult', resultSha256 })).status).toBe(200)

    // The status comes back to the portal's mirror in the background.
    await expect.poll(async () => (await call(citizen, 'GET', `/api/dossiers/${id}`)).body?.status, { timeout: 20_000, interval: 250 }).toBe('returned')
    const rating = { id: randomUUID(), level: 'very-satisfied', contents: { staffAttitude: 'very-satisfied' } }
    const rated = await call(citizen, 'POST', `/api/dossiers/${id}/rating`, rating)
    expect(rated.status).toBe(201)
    expect(rated.body?.progress).toMatchObject({ rating: { level: 'very-satisfied' } })
    expect((await call(citizen, 'POST', `/api/dossiers/${id}/rating`, { ...rating, id: randomUUID() })).status).toBe(409)

    const context = await phoneContext(browser, { bypassCSP: true, acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await page.getByRole('contentinfo').getByRole('link', { name: 'Thống kê' }).click()
    await page.getByRole('heading', { level: 1, name: 'Thống kê kết quả giải quyết hồ sơ' }).waitFor({ timeout: 30_000 })
    const card = page.locator('.stats-groups > li', { has: page.getByRole('heading', { name: WARD_NAME }) })
    await card.waitFor()
    const numbers = await card.locator('.stats-numbers > div').evaluateAll((rows) => rows.map((r) => [r.querySelector('dt')?.textContent, r.querySelector('dd')?.textContent]))
    expect(numbers).toEqual([
      ['Tiếp nhận', '1'],
      ['Đã giải quyết', '1'],
      ['Đang giải quyết', '0'],
    ])
    expect(await card.textContent()).toContain('100% đúng hạn hoặc trước hạn')
    expect(await card.textContent()).toContain('Đánh giá của người dân: 1 rất hài lòng, 0 hài lòng, 0 chưa hài lòng')
    expect(await seriousViolations(page)).toEqual([])

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về bảng tính (CSV)' }).click()])
    expect(download.suggestedFilename()).toMatch(/^thong-ke-agency-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/)
    const chunks: Buffer[] = []
    for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk)
    const bytes = Buffer.concat(chunks)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    expect(lines[0]).toMatch(/^Mã cơ quan,Cơ quan,Số hồ sơ tiếp nhận,Số hồ sơ đã giải quyết,/)
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${WARD.replaceAll('.', '\\.')},${WARD_NAME},1,1,`)))
    await context.close()

    // Opened directly, the server page is taken over by the app with its own figures: the app
    // does not ask for them again, and they never give way to "loading".
    const direct = await (await phoneContext(browser)).newPage()
    const asked: string[] = []
    direct.on('request', (request) => request.url().includes('/api/statistics') && asked.push(request.url()))
    await direct.goto(`${app.baseUrl}/thong-ke`)
    await direct.evaluate(() => {
      const w = window as unknown as { emptied: boolean }
      w.emptied = false
      new MutationObserver(() => {
        if (!document.querySelector('.stats-groups > li')) w.emptied = true
      }).observe(document.getElementById('app')!, { childList: true, subtree: true })
    })
    await direct.locator('#app[data-v-app]').waitFor({ state: 'attached', timeout: 30_000 })
    const directCard = direct.locator('.stats-groups > li', { has: direct.getByRole('heading', { name: WARD_NAME }) })
    expect(await directCard.locator('.stats-numbers dd').allTextContents()).toEqual(['1', '1', '0'])
    expect(await direct.evaluate(() => (window as unknown as { emptied: boolean }).emptied)).toBe(false)
    expect(asked).toEqual([])
    await direct.context().close()

    // With JavaScript off, the server page shows the same figures.
    const noScript = await phoneContext(browser, { javaScriptEnabled: false })
    const plain = await noScript.newPage()
    await plain.goto(`${app.baseUrl}/thong-ke`)
    const plainCard = plain.locator('.stats-groups > li', { has: plain.getByRole('heading', { name: WARD_NAME }) })
    expect(await plainCard.locator('.stats-numbers dd').allTextContents()).toEqual(['1', '1', '0'])
    await noScript.close()
  })
})
