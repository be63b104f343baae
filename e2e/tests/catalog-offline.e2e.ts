import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'

// A citizen opens the portal once with a network, then again with none: the whole catalogue is
// on the phone, searchable without diacritics, every procedure readable.
describe('the catalogue offline', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    context = await phoneContext(browser)
    page = await context.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  const status = () => page.getByRole('status').first()

  it('loads the catalogue on the first visit and hands the page to the service worker', async () => {
    await page.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
  })

  it('opens, shows and searches the whole catalogue after a reload with no network', async () => {
    await context.setOffline(true)
    await page.reload()
    await expect.poll(() => status().textContent()).toMatch(/ngoại tuyến/)
    await expect.poll(() => status().textContent()).toMatch(/116 thủ tục/)

    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh')
    const hit = page.getByRole('link', { name: /Thủ tục đăng ký khai sinh/ }).first()
    await hit.waitFor()
    await hit.click()
    await page.waitForURL(/\/thu-tuc\/1\.001193$/)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/đăng ký khai sinh/i)
    expect(await page.getByText(/Giấy chứng sinh/).count()).toBeGreaterThan(0)
  })

  it('browses by field offline, within three clicks of home', async () => {
    await page.goto(`${app.baseUrl}/`)
    await page.getByRole('link', { name: /Đất đai/ }).first().click()
    await page.waitForURL(/\/linh-vuc\//)
    await page.getByRole('link', { name: /Tách thửa hoặc hợp thửa đất/ }).click()
    await page.waitForURL(/\/thu-tuc\/1\.012784$/)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Tách thửa/)
  })

  it('opens a procedure page directly from the address bar offline', async () => {
    await page.goto(`${app.baseUrl}/thu-tuc/1.004222`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Đăng ký thường trú/)
    await context.setOffline(false)
  })

  it('rebuilds a corrupt catalogue on the device from the server', async () => {
    await page.goto(`${app.baseUrl}/`)
    await expect.poll(() => status().textContent()).toMatch(/116 thủ tục/)
    // Damage the stored catalogue behind the app's back: drop its meta, leave a broken row.
    await page.evaluate(
      () =>
        new Promise<void>((ok, fail) => {
          const open = indexedDB.open('portal')
          open.onerror = () => fail(open.error)
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction(['meta', 'procedures'], 'readwrite')
            tx.objectStore('meta').clear()
            tx.objectStore('procedures').put({ code: '9.999999', name: 42 })
            tx.oncomplete = () => {
              db.close()
              ok()
            }
            tx.onerror = () => fail(tx.error)
          }
        }),
    )
    await page.reload()
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toMatch(/116 thủ tục/)
    await page.getByLabel('Tìm thủ tục').fill('ket hon')
    await page.getByRole('link', { name: /Thủ tục đăng ký kết hôn/ }).first().waitFor()
  })
})
