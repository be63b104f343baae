import { build } from 'esbuild'
import { join } from 'node:path'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { startApp } from '../support/server.ts'
import { percentile, type Figure } from './report.ts'

/**
 * Saving a draft in Chromium: (1) the app's save (web/src/drafts/save.ts: one read-merge-write
 * transaction) on a draft of 60 answers, from the call to the committed transaction; (2) long
 * tasks (PerformanceObserver 'longtask', over 50 ms) while 200 characters are typed into a
 * field of the birth registration form in the real app, autosave included.
 */
export async function draftsSave(): Promise<Figure[]> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'drafts-save-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    platform: 'browser',
  })
  const app = await startApp()
  const browser = await launchBrowser()
  try {
    const context = await phoneContext(browser, { bypassCSP: true })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await page.getByRole('status').first().filter({ hasText: /116 thủ tục/ }).waitFor({ timeout: 20_000 })

    await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
    const times = await page.evaluate(() => (globalThis as unknown as { measureSaves: (f: number, n: number) => Promise<number[]> }).measureSaves(60, 300))
    const sorted = times.slice(20).sort((a, b) => a - b)

    await page.goto(`${app.baseUrl}/thu-tuc/1.001193`)
    await page.getByRole('button', { name: 'Bắt đầu soạn hồ sơ' }).click()
    await page.waitForURL(/\/ho-so\/[0-9a-f-]{36}$/)
    await page.getByRole('link', { name: 'Người được khai sinh' }).click()
    const field = page.getByLabel('Nơi sinh')
    await field.waitFor()
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] }
      w.longTasks = []
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' })
    })
    await field.click()
    const text = 'Bệnh viện Đa khoa Trung ương Thái Nguyên, số 479 đường Lương Ngọc Quyến, phường Phan Đình Phùng, tỉnh Thái Nguyên — khoa Sản, phòng 204, tầng hai, nhà B'.padEnd(200, '.')
    await page.keyboard.type(text)
    await page.waitForTimeout(500)
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)
    return [
      { name: 'draft save, 60 answers: p95 call → committed', value: percentile(sorted, 95), unit: 'ms', target: { op: '<=', value: 20 }, note: `p50 ${percentile(sorted, 50).toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms, ${sorted.length} saves` },
      { name: 'long tasks while typing 200 characters (birth form)', value: longTasks.length, unit: 'tasks', note: `total ${longTasks.reduce((a, b) => a + b, 0).toFixed(0)} ms` },
    ]
  } finally {
    await browser.close()
    await app.stop()
  }
}
