import { gzipSync } from 'node:zlib'
import { launchBrowser, phoneContext } from '../support/browser.ts'
import { startApp } from '../support/server.ts'
import type { Figure } from './report.ts'

/**
 * What a first visit to the home page loads before the page is idle, in Chromium: every script
 * and stylesheet the page itself requested (not the service worker's precache, reported apart),
 * each measured as gzip -9 of its body so the figure does not depend on the server's encoding.
 */
export async function firstVisit(): Promise<Figure[]> {
  const app = await startApp()
  const browser = await launchBrowser()
  try {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const sizes = { script: 0, stylesheet: 0, count: 0 }
    const pending: Promise<void>[] = []
    page.on('response', (response) => {
      const type = response.request().resourceType()
      if (type !== 'script' && type !== 'stylesheet') return
      pending.push(
        response.body().then((body) => {
          sizes[type] += gzipSync(body, { level: 9 }).length
          sizes.count++
        }),
      )
    })
    let precache = 0
    context.on('request', (req) => {
      if (req.serviceWorker()) precache++
    })
    await page.goto(`${app.baseUrl}/`, { waitUntil: 'networkidle' })
    await page.waitForTimeout(1000)
    await Promise.all(pending)
    await context.close()
    return [
      { name: 'first visit, home: JavaScript (gzip)', value: sizes.script / 1024, unit: 'KB', target: { op: '<=', value: 90 }, note: `${sizes.count} files with CSS` },
      { name: 'first visit, home: CSS (gzip)', value: sizes.stylesheet / 1024, unit: 'KB' },
      { name: 'service worker precache requests on first visit', value: precache, unit: 'requests', note: 'fetched by the worker after load, not counted above' },
    ]
  } finally {
    await browser.close()
    await app.stop()
  }
}
