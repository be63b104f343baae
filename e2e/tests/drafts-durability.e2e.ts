import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { waitForServiceWorkerControl } from '../support/browser.ts'
import { makeJpeg, readStoredDraft, type StoredDraft } from '../support/drafts.ts'
import { launchProfile, newProfileDir } from '../support/profile.ts'
import { startApp, type RunningApp } from '../support/server.ts'

// A citizen writes a birth registration dossier with no network at all, and the browser is
// closed or killed at the worst moments: what was written and attached is still there, byte for
// byte, when the browser comes back.
describe('drafts survive closing and killing the browser', () => {
  const profile = newProfileDir()
  let app: RunningApp
  let context: BrowserContext
  let page: Page
  let draftId = ''
  let before: StoredDraft | null = null

  beforeAll(async () => {
    app = await startApp()
    context = await launchProfile(profile)
    page = context.pages()[0] ?? (await context.newPage())
  })
  afterAll(async () => {
    await context?.close()
    await app?.stop()
    rmSync(profile, { recursive: true, force: true })
  })

  async function reopen(): Promise<void> {
    context = await launchProfile(profile)
    await context.setOffline(true)
    page = context.pages()[0] ?? (await context.newPage())
  }

  it('starts a birth registration dossier offline, fills several sections and attaches three photos', async () => {
    await page.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
    await context.setOffline(true)

    await page.goto(`${app.baseUrl}/thu-tuc/1.001193`)
    await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click()
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/)
    draftId = page.url().split('/').pop()!

    await page.getByRole('link', { name: 'Người yêu cầu' }).click()
    await page.getByLabel('Họ, chữ đệm, tên người yêu cầu').fill('Nguyễn Văn An')
    await page.getByLabel('Số định danh cá nhân').fill('001090123456')
    await page.getByLabel('Ngày', { exact: true }).fill('05')
    await page.getByLabel('Tháng', { exact: true }).fill('03')
    await page.getByLabel('Năm', { exact: true }).fill('1990')
    await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Tỉnh Thái Nguyên' })
    await page.getByLabel('Xã, phường, đặc khu').selectOption({ index: 1 })
    await page.getByLabel('Số nhà, đường, thôn, xóm').fill('Tổ 5')
    await page.getByLabel('Số điện thoại liên hệ').fill('0912345678')
    await page.getByLabel('Quan hệ với người được khai sinh').selectOption({ index: 1 })
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()

    await page.waitForURL(/\/child$/)
    await page.getByLabel('Họ, chữ đệm, tên người được khai sinh').fill('Nguyễn Thị Bình')
    await page.getByLabel('Nơi sinh').fill('Bệnh viện A Thái Nguyên')
    await page.getByLabel('Khai sinh thông thường').check()

    await page.goto(`${app.baseUrl}/ho-so/${draftId}/dinh-kem`)
    const photos = await Promise.all([1, 2, 3].map(async (n) => ({ name: `giay-chung-sinh-${n}.jpg`, mimeType: 'image/jpeg', buffer: await makeJpeg(page, n) })))
    const picker = page.locator('section', { has: page.locator('#attach-c6-title') }).locator('input[type=file]:not([capture])')
    await picker.setInputFiles(photos)
    await expect.poll(async () => (await readStoredDraft(page, draftId))?.files.length, { timeout: 30_000 }).toBe(3)

    // The last answer, typed just before the browser is closed: no wait for the autosave.
    await page.goto(`${app.baseUrl}/ho-so/${draftId}/child`)
    await page.getByLabel('Quê quán').fill('Thái Nguyên')
    before = await readStoredDraft(page, draftId)
    await context.close()
  })

  it('has everything after the browser comes back, every file byte for byte', async () => {
    await reopen()
    await page.goto(`${app.baseUrl}/ho-so/${draftId}/child`)
    await expect.poll(() => page.getByLabel('Quê quán').inputValue()).toBe('Thái Nguyên')
    // The answer typed last came back from the journal and is saved into IndexedDB at once.
    await expect.poll(async () => (await readStoredDraft(page, draftId))?.values.hometown).toBe('Thái Nguyên')
    const after = await readStoredDraft(page, draftId)
    expect(after!.values).toMatchObject({
      applicantName: 'Nguyễn Văn An',
      applicantIdNumber: '001090123456',
      applicantBirthDate: '1990-03-05',
      applicantPhone: '0912345678',
      childName: 'Nguyễn Thị Bình',
      birthCase: 'normal',
      hometown: 'Thái Nguyên',
    })
    expect(after!.files).toHaveLength(3)
    for (const file of after!.files) expect(file.sha256).toBe(file.recorded)
    expect(after!.files.map((f) => f.sha256)).toEqual(before!.files.map((f) => f.sha256))
    expect(await page.getByLabel('Họ, chữ đệm, tên người được khai sinh').inputValue()).toBe('Nguyễn Thị Bình')
  })

  it('keeps what was saved when the page is killed in the middle of typing', async () => {
    const field = page.getByLabel('Nơi sinh')
    await field.fill('')
    await field.pressSequentially('Trạm y tế xã Đồng Hỷ', { delay: 40 })
    await page.close({ runBeforeUnload: false })

    page = await context.newPage()
    await page.goto(`${app.baseUrl}/ho-so/${draftId}/child`)
    const kept = await page.getByLabel('Nơi sinh').inputValue()
    expect('Trạm y tế xã Đồng Hỷ'.startsWith(kept)).toBe(true)
    expect(await page.getByLabel('Quê quán').inputValue()).toBe('Thái Nguyên')
    const stored = await readStoredDraft(page, draftId)
    expect(stored!.values).toMatchObject({ applicantName: 'Nguyễn Văn An', childName: 'Nguyễn Thị Bình' })
    expect(stored!.files).toHaveLength(3)
    // The draft opens normally: the task list shows its sections.
    await page.goto(`${app.baseUrl}/ho-so/${draftId}`)
    await page.getByRole('heading', { name: 'Các bước soạn hồ sơ' }).waitFor()
  })

  it('names bad input plainly and loses nothing that was saved', async () => {
    await page.goto(`${app.baseUrl}/ho-so/${draftId}/applicant`)
    await page.getByLabel('Họ, chữ đệm, tên người yêu cầu').fill('')
    await page.getByLabel('Số định danh cá nhân').fill('12345')
    await page.getByLabel('Số điện thoại liên hệ').fill('12 34')
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click()

    const summary = page.getByRole('alert').filter({ hasText: 'Cần sửa những mục sau' })
    await summary.waitFor()
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true)
    const links = await summary.getByRole('link').allTextContents()
    expect(links).toHaveLength(3)
    expect(links[0]).toMatch(/Vui lòng nhập Họ, chữ đệm, tên người yêu cầu/)
    expect(links[1]).toMatch(/12 chữ số/)
    expect(links[2]).toMatch(/Số điện thoại chưa đúng/)
    expect(page.url()).toMatch(/\/applicant$/)
    await summary.getByRole('link').nth(1).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-applicantIdNumber')
    expect(await page.getByLabel('Số định danh cá nhân').getAttribute('aria-invalid')).toBe('true')

    // What was typed, right or wrong, is kept; the rest of the draft is untouched.
    await page.reload()
    await expect.poll(() => page.getByLabel('Số định danh cá nhân').inputValue()).toBe('12345')
    expect(await page.getByLabel('Số điện thoại liên hệ').inputValue()).toBe('12 34')
    // Typing just before the reload reaches IndexedDB through the journal once the draft opens.
    await expect.poll(async () => (await readStoredDraft(page, draftId))!.values.applicantName).toBe('')
    const stored = await readStoredDraft(page, draftId)
    expect(stored!.values).toMatchObject({ applicantName: '', childName: 'Nguyễn Thị Bình', hometown: 'Thái Nguyên' })
    expect(stored!.files).toHaveLength(3)
  })
})
