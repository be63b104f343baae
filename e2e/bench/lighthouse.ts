import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'
import { CHROMIUM_ARGS, chromiumPath } from '../support/browser.ts'
import { startApp } from '../support/server.ts'
import { median, type Figure } from './report.ts'

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 95,
  seo: 100,
}

/** Lighthouse 12.2.3, mobile (its default), first visit (a fresh profile per run), median of 3. */
export async function lighthouseScores(): Promise<Figure[]> {
  const app = await startApp()
  const figures: Figure[] = []
  try {
    for (const [label, path] of [['home', '/'], ['procedure page', '/thu-tuc/1.001193']] as const) {
      const runs: Record<string, number[]> = {}
      for (let i = 0; i < 3; i++) {
        const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: CHROMIUM_ARGS })
        try {
          const result = await lighthouse(`${app.baseUrl}${path}`, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: [...CATEGORIES],
          })
          for (const c of CATEGORIES) (runs[c] ??= []).push(Math.round((result?.lhr.categories[c]?.score ?? 0) * 100))
        } finally {
          await chrome.kill()
        }
      }
      for (const c of CATEGORIES) {
        figures.push({ name: `Lighthouse ${label}: ${c}`, value: median(runs[c]!), unit: 'points', target: { op: '>=', value: TARGETS[c] }, note: `runs ${runs[c]!.join(', ')}` })
      }
    }
  } finally {
    await app.stop()
  }
  return figures
}
