/**
 * The app's one IndexedDB database, `portal` (Dexie). Each feature adds its tables here as a new
 * Dexie version with a tested upgrade.
 *
 * What is stored where:
 * - `procedures`: the catalogue, one row per procedure exactly as the API serves it, validated
 *   before it is stored; indexed by field, agency kind and level for the browse lists.
 * - `meta`: small keyed records — `catalog` (version, ETag, fields, agency kinds, row count),
 *   `catalogCheckedAt` (last successful check), `agencies` (the agency directory and its ETag).
 * - `drafts` (v2): one row per dossier being written, saved field by field (drafts/save.ts).
 * - `files` (v2): attachment Blobs of drafts with their SHA-256; a Blob is never changed once
 *   stored, so copies of a draft share it.
 * - `outbox` (v3): what must reach the server, one item per submission (outbox/types.ts), its id
 *   the dossier's client UUID; a queued draft carries `queuedAt` and is read-only until the
 *   item is sent or taken back.
 * - `dossiers` (v3): submitted dossiers, the server's receipt and view (dossiers/types.ts),
 *   kept so the receipt shows offline.
 * - `supplements` (v4): supplement drafts answering a supplement request (dossiers/types.ts),
 *   their files in `files` under the supplement draft's id; kept until the server applied them.
 * - `results` (v4): a dossier's result file as downloaded, its SHA-256 checked, openable offline.
 * - `notices` (v5): the newest page of each person's inbox as last read (notices/local.ts), so
 *   "Thông báo" opens offline.
 *
 * Schema probe (tests only): a build made with `VITE_SCHEMA_PROBE=1` declares one version more
 * than the app has (`probeSchema` in db-schema.ts), the next release's schema change simulated, whose
 * upgrade rewrites every draft and file row unchanged. e2e/tests/drafts-update.e2e.ts deploys
 * such a build over the normal one while a draft is on the device, so the upgrade path of a real
 * deployment (new service worker, new Dexie version, upgrade over real Blobs) is exercised.
 * Production builds never set it: the condition is a build-time constant, and the code is not
 * even in their bundle.
 *
 * Recovery: the database holds the user's drafts, so it is never deleted to get it open. A
 * damaged catalogue is repaired at the data level (sync replaces rows and meta it cannot trust);
 * a database that cannot be opened at all (a newer schema after a downgrade, a failed upgrade,
 * storage switched off) is logged and `portalDb()` rejects, which the views report in plain
 * words; the next call tries again.
 */
import { log } from './log.ts'
import type { PortalDb } from './db-schema.ts'

export interface MetaRow {
  key: string
  value: unknown
}

export interface DraftRow {
  /** crypto.randomUUID(); later the dossier's id and idempotency key. */
  id: string
  procedureCode: string
  title: string
  status: 'editing' | 'ready'
  values: Record<string, unknown>
  /** Value path → ms timestamp of its last change: per-field last-writer-wins across tabs. */
  fieldTimes: Record<string, number>
  formVersion?: number
  step?: string
  createdAt: number
  updatedAt: number
  ownerSub?: string
  prefilled?: string[]
  /** Set while it is in the outbox: frozen (read-only) until sent or taken back (decision 5). */
  queuedAt?: number
}

export interface FileRow {
  id: string
  draftId: string
  componentId: string
  name: string
  type: 'image/jpeg' | 'image/png' | 'image/heic' | 'application/pdf'
  size: number
  /** Hex SHA-256 of `blob`'s bytes. */
  sha256: string
  blob: Blob
  preview?: Blob
  width?: number
  height?: number
  createdAt: number
}

export type { PortalDb }

const DB_NAME = 'portal'

/** Opens the database; a failure is logged and thrown, and nothing on the device is deleted. */
export async function openPortalDb(name = DB_NAME): Promise<PortalDb> {
  // Dexie loads with the first use of the database, not with the page: a first visit shows the
  // server's page and stores the catalogue after the browser is idle (main.ts).
  const { PortalDb } = await import('./db-schema.ts')
  const db = new PortalDb(name)
  try {
    await db.open()
    return db
  } catch (error) {
    log.warn('database could not be opened; nothing was deleted', error)
    db.close()
    throw error
  }
}

let opened: Promise<PortalDb> | undefined

/** The app's database, opened once on first use (tried again after a failure). */
export function portalDb(): Promise<PortalDb> {
  opened ??= openPortalDb().catch((error: unknown) => {
    opened = undefined
    throw error
  })
  return opened
}
