import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { signIn, staff } from '../support/auth.ts'
import { seriousViolations } from '../support/axe.ts'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'

// An administrator (with TOTP) keeps the holiday table and the agency directory through the admin
// screens, in Chromium at phone size; a citizen's phone that synced the directory before shows a
// renamed department after its next sync; the edits survive a restart of the BFF.
describe('administrators keep the holiday table and the agency directory', () => {
  let app: RunningApp
  let browser: Browser
  let adminContext: BrowserContext
  let admin: Page
  // Ours, not startApp's: the database must outlive the first server.
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-admin-'))

  const JUSTICE = '000.00.01.H55'
  const RENAMED = 'Sở Tư pháp tỉnh Thái Nguyên (trụ sở mới)'

  beforeAll(async () => {
    app = await startApp({ dataDir })
    browser = await launchBrowser()
    adminContext = await phoneContext(browser, { bypassCSP: true }) // axe is injected as a script
    admin = await adminContext.newPage()
    const person = staff('quantri')
    await signIn(admin, app.baseUrl, person.username, person.totpSecret, '/quan-tri/ngay-nghi')
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const holidays = async () => (await (await admin.request.get(`${app.baseUrl}/api/admin/holidays`)).json()) as { days: { date: string; provisional?: true; source: string }[] }

  it('adds a day off and confirms a provisional one; the screen says counted due dates stay', async () => {
    await admin.getByRole('heading', { level: 1, name: 'Ngày nghỉ lễ, ngày làm bù' }).waitFor()
    expect(await admin.locator('main').textContent()).toContain('Hạn giải quyết đã tính cho hồ sơ (đã in trên giấy hẹn) không thay đổi theo.')
    expect(await seriousViolations(admin)).toEqual([])

    await admin.locator('summary', { hasText: 'Thêm ngày' }).click()
    await admin.locator('#add-date').fill('2027-03-08')
    await admin.locator('#add-name').fill('Ngày nghỉ do tỉnh công bố (thử)')
    await admin.locator('#add-source').fill('Quyết định 1/QĐ-UBND (thử)')
    await admin.getByRole('button', { name: 'Thêm ngày' }).click()
    await admin.getByText('Đã lưu. Các hạn giải quyết tính từ nay dùng bảng mới.').waitFor()
    await admin.getByRole('heading', { level: 2, name: 'Thứ Hai, 08/03/2027' }).waitFor()
    expect((await holidays()).days.find((d) => d.date === '2027-03-08')).toMatchObject({ source: 'Quyết định 1/QĐ-UBND (thử)' })

    await admin.getByLabel('Năm').selectOption('2026')
    const day = admin.locator('.days > li', { has: admin.getByRole('heading', { name: 'Thứ Ba, 01/09/2026' }) })
    await day.getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await day.getByLabel('Văn bản chính thức (không bắt buộc)').fill('Thông báo 99/TB-BNV (thử)')
    await day.getByRole('button', { name: 'Xác nhận ngày này' }).click()
    await expect.poll(async () => (await holidays()).days.find((d) => d.date === '2026-09-01')).toMatchObject({ source: 'Thông báo 99/TB-BNV (thử)' })
    expect((await holidays()).days.find((d) => d.date === '2026-09-01')?.provisional).toBeUndefined()
    await expect.poll(() => day.textContent()).not.toContain('Tạm tính')
  })

  it('renames a department; a phone that synced before shows the new name after its next sync', async () => {
    const phoneContextA = await phoneContext(browser)
    const phone = await phoneContextA.newPage()
    await phone.goto(`${app.baseUrl}/thu-tuc/2.000635`)
    await waitForServiceWorkerControl(phone)
    await expect.poll(() => storedAgencyName(phone, JUSTICE), { timeout: 20_000 }).toBe('Sở Tư pháp tỉnh Thái Nguyên')

    await admin.getByRole('link', { name: 'Danh bạ cơ quan' }).click()
    await admin.getByRole('heading', { level: 1, name: 'Danh bạ cơ quan, đơn vị' }).waitFor()
    expect(await seriousViolations(admin)).toEqual([])
    await admin.getByLabel('Tìm theo tên hoặc mã').fill(JUSTICE)
    const entry = admin.locator('.entries > li', { hasText: JUSTICE })
    await entry.getByRole('button', { name: 'Sửa' }).click()
    await entry.getByLabel('Tên', { exact: true }).fill(RENAMED)
    await entry.getByRole('button', { name: 'Lưu' }).click()
    await admin.getByText(/^Đã lưu \(phiên bản [0-9a-f]{8}\.\d+\)/).waitFor()
    await admin.getByRole('heading', { level: 2, name: RENAMED }).waitFor()

    // The phone's next start syncs: the directory's ETag moved with the catalogue version.
    await phone.reload()
    await expect.poll(() => storedAgencyName(phone, JUSTICE), { timeout: 20_000 }).toBe(RENAMED)
    await expect.poll(() => phone.locator('main').textContent(), { timeout: 20_000 }).toContain(RENAMED)
    await phoneContextA.close()
  })

  it('keeps both edits across a restart of the BFF (the seed files do not undo them)', async () => {
    await app.stop()
    app = await startApp({ dataDir, port: app.port })
    const directory = (await (await fetch(`${app.baseUrl}/api/agencies`)).json()) as { agencies: { code: string; name: string }[] }
    expect(directory.agencies.find((a) => a.code === JUSTICE)?.name).toBe(RENAMED)
    const page = await (await phoneContext(browser)).newPage()
    await page.goto(`${app.baseUrl}/thu-tuc/2.000635`)
    expect(await page.locator('main').textContent()).toContain(RENAMED)
    expect((await holidays()).days.map((d) => d.date)).toContain('2027-03-08')
  })
})

/** The name of an agency in the device's copy of the directory (IndexedDB `portal`, `meta` → `agencies`). */
function storedAgencyName(page: Page, code: string): Promise<string | null> {
  return page.evaluate(
    (wanted) =>
      new Promise<string | null>((ok, fail) => {
        const open = indexedDB.open('portal')
        // Not created by the app yet: leave it to the app rather than create an empty one.
        open.onupgradeneeded = () => {
          open.transaction?.abort()
          ok(null)
        }
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('meta')) {
            db.close()
            ok(null)
            return
          }
          const read = db.transaction('meta').objectStore('meta').get('agencies')
          read.onsuccess = () => {
            const value = read.result as { value?: { directory?: { agencies: { code: string; name: string }[] } } } | undefined
            db.close()
            ok(value?.value?.directory?.agencies.find((a) => a.code === wanted)?.name ?? null)
          }
          read.onerror = () => fail(read.error)
        }
      }),
    code,
  )
}
