/**
 * Issue 6, the relay with the HTTP connector, end to end: the real BFF (RELAY_CONNECTOR=http)
 * against the test's province server on 127.0.0.1 (bff/src/relay/testing/province-server.ts),
 * and the citizen in Chromium at phone size.
 *
 * The citizen submits a ready birth registration; the province takes the 'submitted' message
 * once (with our code and the files' hashes), reads the files by their hashes, and gives its own
 * code. Then the province calls
 * back with signed status events, as a real one would: one with a bad signature (refused, 401,
 * nothing changes), receipt (seq 1) sent twice, the supplement request (seq 3) sent before the
 * start of processing (seq 2) that it follows. After each step the app pulls the dossier's status
 * as it does when it starts, and its dossier page shows what the province decided — and only
 * that: the status, the history, the province's code beside ours, and what to supply. Then the
 * province takes the supplement, approves and returns the result as a file it holds: the portal
 * fetches it once (hash checked) and the phone downloads and keeps it.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { SubmittedPayload } from '../../bff/src/relay/contract.ts'
import { startProvince, type Province } from '../../bff/src/relay/testing/province-server.ts'
import { relayEnv } from '../faults/relay.ts'
import { CITIZEN, signIn } from '../support/auth.ts'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { readStoredDraft } from '../support/drafts.ts'
import { storedRow } from '../support/idb.ts'
import { readyBirthDraft } from '../support/outbox.ts'
import { startApp, type RunningApp } from '../support/server.ts'

/** A one-page PDF, as a province's system would return a signed result. */
const RESULT_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 595]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)
const CODE = /\d{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.H55-\d{6}-\d{4}/
const ITEMS = [
  { componentId: 'c6', description: 'Ảnh giấy chứng sinh bị mờ: chụp lại rõ cả hai mặt' },
  { description: 'Bản sao giấy chứng nhận kết hôn của cha mẹ' },
]

interface ServerView {
  code: string
  externalCode?: string
  status: string
  seq: number
  history: { status: string }[]
}

describe('relay through the HTTP connector to a province system', () => {
  let province: Province
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext | undefined
  /** The citizen's page and dossier, from the first test to the next. */
  let journey: { page: Page; id: string } | undefined

  beforeAll(async () => {
    province = await startProvince()
    app = await startApp({ env: relayEnv(province, { RELAY_BACKOFF_BASE_MS: '50', RELAY_BACKOFF_CAP_MS: '500' }) })
    province.callbackUrl = `${app.baseUrl}/api/relay/status-events`
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await app?.stop()
    await province?.close()
  })

  const serverView = async (page: Page, id: string): Promise<ServerView> => {
    const res = await page.request.get(`${app.baseUrl}/api/dossiers/${id}`)
    expect(res.status()).toBe(200)
    return (await res.json()) as ServerView
  }

  /** The `seq` of the dossier as the app stored it on the device. */
  const storedSeq = async (page: Page, id: string) => (await storedRow<{ seq?: number }>(page, 'dossiers', id))?.seq

  /**
   * Opens the dossier's page afresh, as a person coming back to the app would: the app pulls
   * status changes when it starts; waits until that pull brought the server's latest change.
   */
  async function openAfterPull(page: Page, id: string): Promise<void> {
    const pulled = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/dossiers/changes' && res.status() === 200, { timeout: 30_000 })
    await page.goto(`${app.baseUrl}/ho-so/da-nop/${id}`)
    await pulled
    const latest = (await serverView(page, id)).seq
    await expect.poll(() => storedSeq(page, id), { timeout: 15_000 }).toBe(latest)
    await page.getByRole('heading', { level: 1, name: (await serverView(page, id)).code }).waitFor()
  }

  /** The status the dossier's page shows under its code, and its history's statuses in order. */
  const shownStatus = (page: Page) => page.locator('main .submitted-meta .tag').first().textContent()
  const shownHistory = async (page: Page) => (await page.locator('ol.history li strong').allTextContents()).map((line) => line.trim())

  it('submitted once with the files’ hashes; signed callbacks shown in the app, the badly signed one refused', { timeout: 180_000 }, async () => {
    context = await phoneContext(browser)
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
    await signIn(page, app.baseUrl, CITIZEN.username, undefined, '/ho-so')
    const id = await readyBirthDraft(page, app.baseUrl)
    const hashes = (await readStoredDraft(page, id))!.files.map((f) => f.sha256).sort()
    expect(hashes).toHaveLength(2)
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    const sent = page.getByText(/Đã nộp — mã hồ sơ/)
    await expect.poll(() => sent.textContent(), { timeout: 30_000 }).toMatch(CODE)
    const code = CODE.exec((await sent.textContent()) ?? '')![0]

    // The province took the dossier once, with our code and the hashes of the files sent.
    await expect.poll(() => province.taken.filter((m) => m.dossierId === id).length, { timeout: 30_000 }).toBe(1)
    const [taken] = province.taken.filter((m) => m.dossierId === id)
    expect(taken).toMatchObject({ kind: 'submitted', externalCode: expect.stringMatching(/^TN-\d{6}$/) })
    const payload = taken!.payload as SubmittedPayload
    expect(payload.receipt.code).toBe(code)
    expect(payload.submission.id).toBe(id)
    expect(payload.submission.components.flatMap((c) => c.files.map((f) => f.sha256)).sort()).toEqual(hashes)
    expect(payload.receipt.components.flatMap((c) => c.files.map((f) => f.sha256)).sort()).toEqual(hashes)
    // The province reads the photos it was told of (signed), and gets exactly those bytes.
    for (const hash of hashes) {
      const file = await province.readPortalFile(id, hash)
      expect(file.status).toBe(200)
      expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(hash)
    }
    const externalCode = taken!.externalCode!
    await expect.poll(async () => (await serverView(page, id)).externalCode, { timeout: 15_000 }).toBe(externalCode)

    // The province's code beside ours, on the dossier's page, once the app has pulled it.
    await openAfterPull(page, id)
    const receiptText = (await page.locator('dl.receipt').textContent()) ?? ''
    expect(receiptText).toContain(code)
    expect(receiptText).toContain(`Mã trên hệ thống một cửa${externalCode}`)
    await expect.poll(() => shownStatus(page)).toContain('Mới đăng ký')

    const unit = payload.receipt.agency.code
    const receivedAt = new Date().toISOString()
    const receive = { dossierId: id, seq: 1, actor: 'Bộ phận một cửa', event: { type: 'receive' as const, at: receivedAt, unit, processingTime: { amount: 3, unit: 'working-days' as const } } }

    // A callback with a bad signature: refused before it is read; nothing changes, not even
    // for an event (a refusal) that would have been legal.
    const before = await serverView(page, id)
    const forged = await province.notify({ dossierId: id, seq: 1, event: { type: 'refuse', at: receivedAt, reasons: ['Giả mạo'] } }, { badSignature: true })
    expect(forged.status).toBe(401)
    expect((forged.body as { type: string }).type).toMatch(/relay-signature-invalid$/)
    expect(await serverView(page, id)).toEqual(before)
    await openAfterPull(page, id)
    await expect.poll(() => shownStatus(page)).toContain('Mới đăng ký')
    await expect.poll(() => shownHistory(page)).toEqual(['Mới đăng ký'])

    // Receipt, sent twice (a retried callback): applied once.
    const first = await province.notify(receive)
    expect(first).toMatchObject({ status: 200, body: { outcome: 'applied', status: 'accepted' } })
    const again = await province.notify(receive)
    expect(again).toMatchObject({ status: 200, body: { outcome: 'duplicate' } })
    await openAfterPull(page, id)
    await expect.poll(() => shownStatus(page)).toContain('Đã được tiếp nhận')
    await expect.poll(() => shownHistory(page)).toEqual(['Mới đăng ký', 'Đã được tiếp nhận'])
    expect(await page.locator('dl.receipt').textContent()).toContain(externalCode)

    // The supplement request (seq 3) arrives before the start of processing (seq 2): kept,
    // not shown; when seq 2 comes both apply, in order; seq 3 again changes nothing.
    const processingAt = new Date().toISOString()
    const requestedAt = new Date(Date.parse(processingAt) + 1).toISOString()
    const startProcessing = { dossierId: id, seq: 2, actor: 'Công chức tư pháp - hộ tịch', event: { type: 'startProcessing' as const, at: processingAt, unit } }
    const requestSupplement = { dossierId: id, seq: 3, actor: 'Công chức tư pháp - hộ tịch', event: { type: 'requestSupplement' as const, at: requestedAt, items: ITEMS } }
    const early = await province.notify(requestSupplement)
    expect(early).toMatchObject({ status: 202, body: { outcome: 'waiting', expected: 2 } })
    await openAfterPull(page, id)
    await expect.poll(() => shownStatus(page)).toContain('Đã được tiếp nhận')
    await expect.poll(() => shownHistory(page)).toEqual(['Mới đăng ký', 'Đã được tiếp nhận'])

    expect(await province.notify(startProcessing)).toMatchObject({ status: 200, body: { outcome: 'applied' } })
    expect(await province.notify(requestSupplement)).toMatchObject({ status: 200, body: { outcome: 'duplicate' } })
    expect(await province.notify(receive)).toMatchObject({ status: 200, body: { outcome: 'duplicate' } })
    await openAfterPull(page, id)
    await expect.poll(() => shownStatus(page)).toContain('Yêu cầu bổ sung')
    await expect.poll(() => shownHistory(page)).toEqual(['Mới đăng ký', 'Đã được tiếp nhận', 'Đang xử lý', 'Yêu cầu bổ sung'])
    // What to supply, every item as the province asked: the dossier's next step and its supplement page.
    expect(await page.locator('main [data-next-step]').textContent()).toBe(`Bổ sung: ${ITEMS.map((i) => i.description).join('; ')}`)
    await page.getByRole('link', { name: 'Bổ sung hồ sơ' }).click()
    await expect.poll(() => page.locator('main [data-asked] li').allTextContents(), { timeout: 15_000 }).toEqual(ITEMS.map((i) => i.description))

    // And the notices: the request's with every item, one notice per step applied.
    await page.goto(`${app.baseUrl}/thong-bao`)
    await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor()
    const notice = page.locator('li.notice', { hasText: code }).filter({ hasText: 'Hồ sơ cần bổ sung' })
    await expect.poll(() => notice.locator('.notice-list li').allTextContents(), { timeout: 15_000 }).toEqual(ITEMS.map((i) => i.description))
    // The callbacks sent again told the applicant nothing twice.
    const titles = (await page.locator('li.notice h2').allTextContents()).map((t) => t.replace('Chưa đọc', '').trim())
    expect(titles).toEqual(['Hồ sơ cần bổ sung', 'Hồ sơ đang được giải quyết', 'Hồ sơ đã được tiếp nhận'])

    const server = await serverView(page, id)
    expect(server).toMatchObject({ code, externalCode, status: 'supplementRequested' })
    expect(server.history.map((h) => h.status)).toEqual(['registered', 'accepted', 'processing', 'supplementRequested'])
    // Still taken exactly once, whatever the worker did meanwhile.
    expect(province.taken.filter((m) => m.dossierId === id).map((m) => m.kind)).toEqual(['submitted'])
    journey = { page, id }
  })

  it('the province returns the result: the portal fetches it once, the phone downloads it with its hash checked', { timeout: 120_000 }, async () => {
    const { page, id } = journey!
    const sha256 = createHash('sha256').update(RESULT_PDF).digest('hex')
    province.files.set(sha256, RESULT_PDF)
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
    const actor = 'Công chức tư pháp - hộ tịch'
    const steps = [
      { dossierId: id, seq: 4, actor, event: { type: 'supplementReceived' as const, at: at(1) } },
      { dossierId: id, seq: 5, actor, event: { type: 'approve' as const, at: at(2) } },
      {
        dossierId: id,
        seq: 6,
        actor,
        event: { type: 'returnResult' as const, at: at(3), resultFile: sha256 },
        result: { name: 'Giấy khai sinh (bản điện tử).pdf', type: 'application/pdf', size: RESULT_PDF.length },
      },
    ]
    for (const step of steps) expect((await province.notify(step)).status).toBe(200)
    // Fetched as soon as the event was applied, before anyone asked for it.
    await expect.poll(() => province.fileRequests).toEqual([`/motcua/v1/dossiers/${id}/files/${sha256}`])

    await openAfterPull(page, id)
    await expect.poll(() => shownStatus(page)).toContain('Đã trả kết quả')
    expect(await page.locator('main').textContent()).toContain('Giấy khai sinh (bản điện tử).pdf')
    await page.getByRole('button', { name: 'Tải kết quả về máy' }).click()
    await page.locator('[data-result-kept]').waitFor({ timeout: 20_000 })
    const kept = await storedRow<{ sha256: string; size: number }>(page, 'results', id)
    expect(kept).toMatchObject({ sha256, size: RESULT_PDF.length })
    // Served from the portal's copy: the province was asked once.
    expect(province.fileRequests).toHaveLength(1)
    await page.screenshot({ path: '/tmp/shots/relay-http-result.png', fullPage: true })
  })
})
