import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { makeJpeg, readStoredDraft, type StoredDraft } from '../support/drafts.ts'
import { repoRoot, startApp, type RunningApp } from '../support/server.ts'

// A new release is deployed while a citizen has a dossier on the phone: a new service worker
// and a Dexie schema upgrade. The "next release" is the app built again with VITE_SCHEMA_PROBE=1
// (web/src/db.ts), which declares one more database version whose upgrade rewrites every draft
// and file row; it is served on the same origin by a restarted BFF, as a deployment does. After
// the update the draft, every answer and both photos (byte for byte) are still there.

/** Builds the app into `outDir` with extra environment variables (web/dist is left alone). */
async function buildApp(outDir: string, env: Record<string, string>): Promise<void> {
  const vite = join(repoRoot, 'web/node_modules/vite/bin/vite.js')
  await promisify(execFile)(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: join(repoRoot, 'web'),
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  })
}

/** The version of the `portal` database as Dexie numbers it (IndexedDB's version is 10×). */
function databaseVersion(page: Page): Promise<number | undefined> {
  return page.evaluate(async () => {
    const found = (await indexedDB.databases()).find((d) => d.name === 'portal')
    return found?.version === undefined ? undefined : found.version / 10
  })
}

/** A `meta` row, read behind the app's back. */
function metaRow(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (key) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('portal')
        open.onerror = () => fail(open.error)
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get(key)
          request.onsuccess = () => {
            open.result.close()
            ok((request.result as { value?: unknown } | undefined)?.value)
          }
          request.onerror = () => fail(request.error)
        }
      }),
    key,
  )
}

describe('an app update with a schema upgrade, while a draft is on the device', () => {
  const firstBuild = mkdtempSync(join(tmpdir(), 'portal-dist-'))
  const nextBuild = mkdtempSync(join(tmpdir(), 'portal-dist-next-'))
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-data-'))
  let app: RunningApp
  let browser: Browser
  let page: Page
  let draftId = ''
  let before: StoredDraft | null = null
  let versionBefore = 0

  beforeAll(async () => {
    cpSync(join(repoRoot, 'web/dist'), firstBuild, { recursive: true })
    app = await startApp({ dataDir, env: { WEB_DIST: firstBuild } })
    browser = await launchBrowser()
    page = await (await phoneContext(browser)).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    for (const dir of [firstBuild, nextBuild, dataDir]) rmSync(dir, { recursive: true, force: true })
  })

  it('writes a birth registration dossier with answers in two sections and two photos', async () => {
    await page.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
    versionBefore = (await databaseVersion(page))!
    expect(versionBefore).toBeGreaterThanOrEqual(2)

    await page.goto(`${app.baseUrl}/thu-tuc/1.001193`)
    await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click()
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/)
    draftId = page.url().split('/').pop()!

    await page.goto(`${app.baseUrl}/ho-so/${draftId}/applicant`)
    await page.getByLabel('Họ, chữ đệm, tên người yêu cầu').fill('Nguyễn Văn An')
    await page.getByLabel('Số định danh cá nhân').fill('001090123456')
    await page.getByLabel('Số điện thoại liên hệ').fill('0912345678')
    // Not every question of the section is answered: back to the steps, on to the next section.
    await page.getByRole('link', { name: 'Quay lại danh sách các bước' }).click()
    await page.getByRole('link', { name: 'Người được khai sinh' }).click()
    await page.waitForURL(/\/child$/)
    await page.getByLabel('Họ, chữ đệm, tên người được khai sinh').fill('Nguyễn Thị Bình')
    await page.getByLabel('Nơi sinh').fill('Bệnh viện A Thái Nguyên')
    await page.getByLabel('Khai sinh thông thường').check()

    await page.goto(`${app.baseUrl}/ho-so/${draftId}/dinh-kem`)
    const photos = await Promise.all([1, 2].map(async (n) => ({ name: `giay-chung-sinh-${n}.jpg`, mimeType: 'image/jpeg', buffer: await makeJpeg(page, n) })))
    const picker = page.locator('section', { has: page.locator('#attach-c6-title') }).locator('input[type=file]:not([capture])')
    await picker.setInputFiles(photos)
    await expect.poll(async () => (await readStoredDraft(page, draftId))?.files.length, { timeout: 30_000 }).toBe(2)

    // The answers typed before the page changed reach IndexedDB through the journal, a moment later.
    await expect.poll(async () => (await readStoredDraft(page, draftId))?.values).toEqual({
      applicantName: 'Nguyễn Văn An',
      applicantIdNumber: '001090123456',
      applicantPhone: '0912345678',
      childName: 'Nguyễn Thị Bình',
      birthPlace: 'Bệnh viện A Thái Nguyên',
      birthCase: 'normal',
    })
    before = await readStoredDraft(page, draftId)
    for (const file of before!.files) expect(file.sha256).toBe(file.recorded)
  })

  it('offers the new version, and after it the draft and its files are intact', async () => {
    await buildApp(nextBuild, { VITE_SCHEMA_PROBE: '1' })
    const port = app.port
    await app.stop()
    app = await startApp({ port, dataDir, env: { WEB_DIST: nextBuild } })

    await page.goto(`${app.baseUrl}/ho-so/${draftId}`)
    const prompt = page.getByRole('button', { name: 'Cập nhật' })
    await prompt.waitFor({ timeout: 30_000 })
    // Nothing changes before the user accepts: the old worker and the old schema.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting != null))).toBe(true)
    expect(await databaseVersion(page)).toBe(versionBefore)

    await Promise.all([page.waitForEvent('load'), prompt.click()])
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting == null && r?.active != null)))
      .toBe(true)
    await waitForServiceWorkerControl(page)
    // The page runs the new build (its database chunk), which declares a newer version (the
    // probe's, one above the app's own) and upgraded the database to it.
    const dbChunk = readdirSync(join(nextBuild, 'assets')).find((f) => /^db-.*\.js$/.test(f))
    expect(dbChunk).toBeDefined()
    expect(existsSync(join(firstBuild, 'assets', dbChunk!))).toBe(false)
    expect(await page.evaluate(() => new URL(document.querySelector<HTMLLinkElement>('link[rel=modulepreload][href*="/assets/db-"]')!.href).pathname)).toBe(`/assets/${dbChunk}`)
    await page.getByRole('heading', { name: 'Các bước soạn hồ sơ' }).waitFor()
    await expect.poll(() => metaRow(page, 'schemaProbe')).toMatchObject({ drafts: 1, files: 2 })
    const { version } = (await metaRow(page, 'schemaProbe')) as { version: number }
    expect(version).toBeGreaterThan(versionBefore)
    expect(await databaseVersion(page)).toBe(version)

    const after = await readStoredDraft(page, draftId)
    expect(after!.title).toBe(before!.title)
    expect(after!.values).toEqual(before!.values)
    expect(after!.files).toHaveLength(2)
    for (const file of after!.files) expect(file.sha256).toBe(file.recorded)
    expect(after!.files).toEqual(before!.files)

    // And the draft opens normally: its answers in the fields, its photos in the list.
    await page.getByRole('link', { name: 'Người được khai sinh' }).click()
    await expect.poll(() => page.getByLabel('Họ, chữ đệm, tên người được khai sinh').inputValue()).toBe('Nguyễn Thị Bình')
    expect(await page.getByLabel('Nơi sinh').inputValue()).toBe('Bệnh viện A Thái Nguyên')
    expect(await page.getByLabel('Khai sinh thông thường').isChecked()).toBe(true)
    await page.goto(`${app.baseUrl}/ho-so/${draftId}/dinh-kem`)
    const attached = page.locator('section', { has: page.locator('#attach-c6-title') })
    await attached.getByText('giay-chung-sinh-1.jpg').waitFor()
    await attached.getByText('giay-chung-sinh-2.jpg').waitFor()
  })
})
