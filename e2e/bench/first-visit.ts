import { gzipSync } from 'node:zlib'
import { launchBrowser, phoneContext } from '../support/browser.ts'
import { startApp } from '../support/server.ts'
import type { Figure } from './report.ts'

/**
 * What a first visit to the home page loads before the page is idle, in Chromium: every script
 * and stylesheet the page itself requested (not the service worker's precache, reported apart),
 * each measured as gzip -9 of its body so the figure does not depend on the server's encoding.
 *
 * "Idle" is the browser's own: the first idle period after the load event, as
 * requestIdleCallback reports it, recorded by a script that runs before the page's own (so its
 * callback is the first one of that period). A script counts as loaded before idle when its
 * request started before that moment. What loads afterwards, until the network has been quiet
 * for a second, is printed beside it (the app defers opening the database and storing the
 * catalogue to that time: main.ts).
 */
export async function firstVisit(): Promise<Figure[]> {
  const app = await startApp()
  const browser = await launchBrowser()
  try {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await page.addInitScript(() => {
      window.addEventListener('load', () => requestIdleCallback(() => ((window as unknown as { idleAt: number }).idleAt = performance.now())), { once: true })
    })
    const bodies: { url: string; type: 'script' | 'stylesheet'; gzip: number }[] = []
    const pending: Promise<void>[] = []
    page.on('response', (response) => {
      const type = response.request().resourceType()
      if (type !== 'script' && type !== 'stylesheet') return
      pending.push(response.body().then((body) => void bodies.push({ url: response.url(), type, gzip: gzipSync(body, { level: 9 }).length })))
    })
    let precache = 0
    context.on('request', (req) => {
      if (req.serviceWorker()) precache++
    })
    await page.goto(`${app.baseUrl}/`, { waitUntil: 'networkidle' })
    await page.waitForTimeout(1000)
    await Promise.all(pending)
    const { idleAt, starts } = await page.evaluate(() => ({
      idleAt: (window as unknown as { idleAt?: number }).idleAt ?? Number.POSITIVE_INFINITY,
      starts: performance.getEntriesByType('resource').map((entry) => [entry.name, entry.startTime] as const),
    }))
    await context.close()
    const startOf = new Map(starts)
    const sum = (type: 'script' | 'stylesheet', beforeIdle: boolean) =>
      bodies.filter((b) => b.type === type && (startOf.get(b.url) ?? 0) < idleAt === beforeIdle).reduce((total, b) => total + b.gzip, 0) / 1024
    const scriptsBefore = bodies.filter((b) => b.type === 'script' && (startOf.get(b.url) ?? 0) < idleAt).length
    return [
      { name: 'first visit, home: JavaScript before idle (gzip)', value: sum('script', true), unit: 'KB', target: { op: '<=', value: 90 }, note: `${scriptsBefore} scripts; idle at ${Math.round(idleAt)} ms` },
      { name: 'first visit, home: CSS before idle (gzip)', value: sum('stylesheet', true), unit: 'KB' },
      { name: 'first visit, home: JavaScript after idle, until the network is quiet (gzip)', value: sum('script', false), unit: 'KB', note: 'the database (Dexie) and catalogue storage, deferred' },
      { name: 'service worker precache requests on first visit', value: precache, unit: 'requests', note: 'fetched by the worker after load, not counted above' },
    ]
  } finally {
    await browser.close()
    await app.stop()
  }
}
