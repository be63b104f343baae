/**
 * A browser profile on disk that outlives its browser: closing it and launching again with the
 * same directory is what a phone does when the browser is killed and reopened, so IndexedDB,
 * the service worker and its caches must survive it.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from './browser.ts'

export const newProfileDir = () => mkdtempSync(join(tmpdir(), 'portal-profile-'))

/** The profile opened in a phone-sized window (as phoneContext, but persistent). */
export function launchProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  })
}
