import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { launchBrowser, phoneContext } from '../support/browser.ts'
import { startApp, type RunningApp } from '../support/server.ts'

// What a search engine (or a phone with JavaScript off) sees: full content from the server.
describe('server-rendered pages, JavaScript off', () => {
  let app: RunningApp
  let browser: Browser
  let context: BrowserContext

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
    context = await phoneContext(browser, { javaScriptEnabled: false })
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('shows a procedure with everything needed to prepare the dossier', async () => {
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/thu-tuc/1.001193`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/đăng ký khai sinh/i)
    const text = (await page.locator('main').textContent()) ?? ''
    for (const expected of ['1.001193', 'Hộ tịch', 'Giấy chứng sinh', 'Giấy khai sinh', 'ngày làm việc']) {
      expect(text).toContain(expected)
    }
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}')
    expect(jsonLd['@type']).toBe('GovernmentService')
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${app.baseUrl}/thu-tuc/1.001193`)
    await page.close()
  })

  it('reaches a procedure from the home page in two clicks', async () => {
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await page.getByRole('link', { name: /Hộ tịch/ }).first().click()
    await page.getByRole('link', { name: /Thủ tục đăng ký kết hôn$/ }).first().click()
    expect(page.url()).toBe(`${app.baseUrl}/thu-tuc/1.000894`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/kết hôn/)
    await page.close()
  })

  it('searches without JavaScript through the form', async () => {
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await page.getByLabel('Tìm thủ tục').fill('khai tu')
    await page.getByLabel('Tìm thủ tục').press('Enter')
    await page.waitForURL(/\/tim-kiem\?q=khai\+tu/)
    expect(await page.getByRole('link', { name: /Thủ tục đăng ký khai tử/ }).count()).toBeGreaterThan(0)
    await page.close()
  })

  it('links every procedure of the sitemap within three clicks of the home page', async () => {
    const sitemap = await (await fetch(`${app.baseUrl}/sitemap.xml`)).text()
    const procedurePages = new Set([...sitemap.matchAll(/<loc>([^<]*\/thu-tuc\/[^<]*)<\/loc>/g)].map((m) => new URL(m[1]!).pathname))
    expect(procedurePages.size).toBeGreaterThanOrEqual(100)
    const seen = new Set<string>(['/'])
    let frontier = ['/']
    for (let depth = 1; depth <= 3; depth++) {
      const next: string[] = []
      for (const path of frontier) {
        const html = await (await fetch(`${app.baseUrl}${path}`)).text()
        for (const m of html.matchAll(/<a [^>]*href="(\/[^"#?]*)"/g)) {
          const href = m[1]!
          if (!seen.has(href)) {
            seen.add(href)
            next.push(href)
          }
        }
      }
      frontier = next
    }
    const unreached = [...procedurePages].filter((p) => !seen.has(p))
    expect(unreached).toEqual([])
  })

  it('answers an unknown procedure with a 404 page', async () => {
    const page = await context.newPage()
    const response = await page.goto(`${app.baseUrl}/thu-tuc/9.999999`)
    expect(response?.status()).toBe(404)
    expect(await page.locator('main').textContent()).toBeTruthy()
    await page.close()
  })
})
