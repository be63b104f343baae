/**
 * Many ready dossiers queued in the outbox of a page of the app, written by the app's own code
 * (bundled into the page from web/src: drafts/repository and save, files/store with the built
 * image worker, outbox/choice, queue and one flush pass) rather than by rows written here, so
 * they cannot drift from what the app writes. e2e/tests/queued-dossiers.e2e.ts compares them
 * with a dossier queued through the "Nộp hồ sơ" button. The page must be offline, signed in,
 * with the catalogue and agency directory stored.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { repoRoot } from './server.ts'

export interface QueueRequest {
  count: number
  /** Distinct photos per dossier, attached to `componentId`. */
  photos: number
  procedureCode: string
  componentId: string
  /** The form's answers (value path → value). */
  values: Record<string, unknown>
  title: string
  /** The signed-in account, as the submit step passes it. */
  account: { sub: string; name?: string }
  /** The same seed makes the same photos. */
  seed: number
  /** The app's built image worker (set by queueDossiers). */
  imageWorkerUrl: string
}

export interface QueuedDossier {
  id: string
  /** Each photo as stored: its SHA-256 and size. */
  files: { sha256: string; size: number }[]
  /** Bytes of the dossier's JSON body as the app posts it. */
  bodyBytes: number
}

let bundle: Promise<string> | undefined

function pageScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(import.meta.dirname, 'queued-dossiers-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    platform: 'browser',
    logLevel: 'error',
  }).then((result) => result.outputFiles[0]!.text)
  return bundle
}

/** The app's image worker as built (web/dist/assets/image.worker-<hash>.js), as a path on the site. */
function imageWorkerUrl(): string {
  const name = readdirSync(join(repoRoot, 'web/dist/assets')).find((f) => /^image\.worker-.*\.js$/.test(f))
  if (!name) throw new Error('no image worker in web/dist: run `pnpm build` at the root')
  return `/assets/${name}`
}

export async function queueDossiers(page: Page, request: Omit<QueueRequest, 'imageWorkerUrl'>): Promise<QueuedDossier[]> {
  await page.evaluate(await pageScript())
  return page.evaluate((r) => (globalThis as unknown as { queueDossiers: (r: QueueRequest) => Promise<QueuedDossier[]> }).queueDossiers(r), { ...request, imageWorkerUrl: imageWorkerUrl() })
}
