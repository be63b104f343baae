import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { seriousViolations } from '../support/axe.ts'
import { launchBrowser, phoneContext } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'

// axe-core over the running app (JavaScript on), in Vietnamese and in English.
describe('accessibility', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    context = await phoneContext(browser, { bypassCSP: true })
    page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await page.getByRole('status').getByText(/116 thủ tục/).waitFor({ timeout: 20_000 })
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('home has no serious or critical violation', async () => {
    expect(await seriousViolations(page)).toEqual([])
  })

  it('live search results have none', async () => {
    await page.getByLabel('Tìm thủ tục').fill('chung thuc')
    await page.getByRole('link', { name: /Chứng thực/ }).first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  it('the search results page has none', async () => {
    await page.goto(`${app.baseUrl}/tim-kiem?q=khai%20sinh`)
    await page.getByRole('link', { name: /khai sinh/ }).first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  it('a procedure page has none, in Vietnamese and in English', async () => {
    await page.goto(`${app.baseUrl}/thu-tuc/1.001193`)
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: /English|tiếng Anh/ }).first().click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await seriousViolations(page)).toEqual([])
  })
})
