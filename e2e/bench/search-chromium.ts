import { build } from 'esbuild'
import { join } from 'node:path'
import type { CDPSession } from 'playwright-core'
import { launchBrowser } from '../support/browser.ts'
import { realCatalog } from './data.ts'
import type { SearchStats } from './search-core.ts'
import type { Figure } from './report.ts'

/**
 * The same search bench in Chromium: once at full speed, once with the CPU slowed 4× (the
 * usual stand-in for a cheap phone, as Lighthouse's mobile profile does).
 */
export async function searchInChromium(): Promise<Figure[]> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'search-chromium-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    platform: 'browser',
  })
  const script = bundle.outputFiles[0]!.text
  const data = realCatalog()
  const browser = await launchBrowser()
  const figures: Figure[] = []
  try {
    for (const slowdown of [1, 4]) {
      const page = await browser.newPage()
      let cdp: CDPSession | undefined
      if (slowdown > 1) {
        cdp = await page.context().newCDPSession(page)
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown })
      }
      await page.addScriptTag({ content: script })
      const s = await page.evaluate(
        ({ data, passes }) => {
          const g = globalThis as unknown as { measureSearch: (...a: unknown[]) => SearchStats }
          return g.measureSearch(data.procedures, data.fields, data.agencyKinds, 2000, passes)
        },
        { data, passes: slowdown > 1 ? 5 : 20 },
      )
      const label = slowdown > 1 ? `Chromium, CPU ${slowdown}× slower` : 'Chromium'
      figures.push(
        { name: `search p95 per query, 2,000 procedures (${label})`, value: s.p95, unit: 'ms', target: slowdown === 1 ? { op: '<=', value: 5 } : undefined },
        { name: `index build, 2,000 procedures (${label})`, value: s.buildMs, unit: 'ms', note: `p50 ${s.p50.toFixed(2)} ms, max ${s.max.toFixed(2)} ms` },
      )
      await cdp?.detach()
      await page.close()
    }
  } finally {
    await browser.close()
  }
  return figures
}
