/**
 * A real app on a real, temporary SQLite file (no mocks): what route tests call through
 * `app.request()`. Each call gets its own folder under the OS temp dir, removed by `cleanup`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../app.ts'
import { CatalogStore } from '../catalog/store.ts'
import type { CatalogInput } from '../catalog/versioning.ts'
import type { Clock } from '../clock.ts'
import { loadConfig, type Config } from '../config/config.ts'
import { openDatabase } from '../db/open.ts'
import { createLogger } from '../log.ts'
import { catalogInput } from './fixtures.ts'

export const TEST_ORIGIN = 'https://dichvucong.thainguyen.example'

/** A clock tests can move. */
export function fixedClock(iso = '2026-07-01T08:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = new Date(iso)
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) }
}

export function tempDir(prefix = 'portal-bff-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface TestAppOptions {
  /** Published before the app is built; `null` publishes nothing. */
  catalog?: CatalogInput | null
  /** Defaults to a folder that does not exist: the built-in page template. */
  webDist?: string
  env?: Record<string, string>
}

export function testApp(options: TestAppOptions = {}) {
  const { dir, cleanup: removeDir } = tempDir()
  const config: Config = loadConfig(
    { DATA_DIR: dir, PUBLIC_ORIGIN: TEST_ORIGIN, WEB_DIST: options.webDist ?? join(dir, 'no-web-build'), LOG_LEVEL: 'silent', NODE_ENV: 'test', ...options.env },
    dir,
  )
  const db = openDatabase(config.databaseFile)
  const clock = fixedClock()
  const store = new CatalogStore(db, clock)
  if (options.catalog !== null) store.publish(options.catalog ?? catalogInput())
  const logger = createLogger('silent')
  const app = createApp({ db, clock, config, logger })
  return {
    app,
    db,
    store,
    clock,
    config,
    dir,
    cleanup() {
      db.$client.close()
      removeDir()
    },
  }
}
