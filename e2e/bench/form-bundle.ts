import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { startApp } from '../support/server.ts'
import type { Figure } from './report.ts'

/** gzip -9 of every script and stylesheet a page load requests, by type. */
async function loadWeight(page: Page, url: string): Promise<{ script: number; stylesheet: number }> {
  const sizes = { script: 0, stylesheet: 0 }
  const pending: Promise<void>[] = []
  const onResponse = (response: import('playwright-core').Response) => {
    const type = response.request().resourceType()
    if (type === 'script' || type === 'stylesheet') pending.push(response.body().then((b) => void (sizes[type] += gzipSync(b, { level: 9 }).length)))
  }
  page.on('response', onResponse)
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.waitForTimeout(1000)
  await Promise.all(pending)
  page.off('response', onResponse)
  return sizes
}

/**
 * The form route's weight: everything a load of /ho-so/<id>/<first section> requests (the app
 * itself, the drafts and form chunks, the definition, validation, texts), beside the home
 * route's, each as gzip -9 of the bodies.
 */
export async function formBundle(): Promise<Figure[]> {
  const app = await startApp()
  const browser = await launchBrowser()
  try {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const home = await loadWeight(page, `${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await page.getByRole('status').first().filter({ hasText: /116 thủ tục/ }).waitFor({ timeout: 20_000 })
    await page.goto(`${app.baseUrl}/thu-tuc/1.001193`)
    await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click()
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/)
    const form = await loadWeight(await context.newPage(), `${page.url()}/applicant`)
    const kb = (n: number) => n / 1024
    return [
      { name: 'home route: JavaScript + CSS (gzip)', value: kb(home.script + home.stylesheet), unit: 'KB', note: `JS ${kb(home.script).toFixed(1)} KB, CSS ${kb(home.stylesheet).toFixed(1)} KB` },
      { name: 'form route (/ho-so/:id/applicant): JavaScript + CSS (gzip)', value: kb(form.script + form.stylesheet), unit: 'KB', target: { op: '<=', value: 150 }, note: `JS ${kb(form.script).toFixed(1)} KB, CSS ${kb(form.stylesheet).toFixed(1)} KB, birth registration form` },
    ]
  } finally {
    await browser.close()
    await app.stop()
  }
}
