import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { repoRoot, startApp, type RunningApp } from '../support/server.ts'

// A new version is deployed while the app is open: the app says so, and updates when asked,
// never by itself. The "new build" is the built app with a changed service worker, served on
// the same origin by a restarted BFF (what a deployment does).
describe('an update of the app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'portal-dist-'))
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-data-'))
  let app: RunningApp
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    cpSync(join(repoRoot, 'web/dist'), dist, { recursive: true })
    app = await startApp({ dataDir, env: { WEB_DIST: dist } })
    browser = await launchBrowser()
    page = await (await phoneContext(browser)).newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    rmSync(dist, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('offers the new version and switches to it when the user accepts', async () => {
    await page.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    const prompt = page.getByRole('button', { name: 'Cập nhật' })
    expect(await prompt.count()).toBe(0)

    const port = app.port
    await app.stop()
    rmSync(join(dist, 'sw.js.br'), { force: true })
    rmSync(join(dist, 'sw.js.gz'), { force: true })
    appendFileSync(join(dist, 'sw.js'), '\n// build 2\n')
    app = await startApp({ port, dataDir, env: { WEB_DIST: dist } })

    await page.reload()
    await prompt.waitFor({ timeout: 30_000 })
    // Still the old worker in control until the user says so.
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting != null))).toBe(true)

    await Promise.all([page.waitForEvent('load'), prompt.click()])
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting == null && r?.active != null)))
      .toBe(true)
    await waitForServiceWorkerControl(page)
    expect(await prompt.count()).toBe(0)
    const served = await page.evaluate(() => fetch('/sw.js').then((r) => r.text()))
    expect(served).toContain('// build 2')
    expect(readFileSync(join(dist, 'sw.js'), 'utf8')).toContain('// build 2')
  })
})
