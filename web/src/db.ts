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
 *
 * Schema probe (tests only): a build made with `VITE_SCHEMA_PROBE=1` declares one version more
 * than the app has (`probeSchema` below), the next release's schema change simulated, whose
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
import Dexie, { type Table } from 'dexie'
import type { Procedure } from '@portal/shared/catalog/schema'
import type { DossierRow } from './dossiers/types.ts'
import { log } from './log.ts'
import type { OutboxRow } from './outbox/types.ts'

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

export class PortalDb extends Dexie {
  procedures!: Table<Procedure, string>
  meta!: Table<MetaRow, string>
  drafts!: Table<DraftRow, string>
  files!: Table<FileRow, string>
  outbox!: Table<OutboxRow, string>
  dossiers!: Table<DossierRow, string>

  constructor(name: string) {
    super(name)
    this.version(1).stores({
      procedures: '&code, field, agencyKind, level',
      meta: '&key',
    })
    this.version(2).stores({
      drafts: '&id, procedureCode, updatedAt, status',
      files: '&id, draftId, [draftId+componentId], sha256',
    })
    this.version(3).stores({
      outbox: '&id, dossierId, accountSub, state, nextAttemptAt',
      dossiers: '&id, code, seq, status, accountSub',
    })
    // Written inline (not through a function) so the minifier drops it when vite sets it false.
    if ((import.meta as MaybeViteMeta).env?.VITE_SCHEMA_PROBE === '1') probeSchema(this, this.verno + 1)
  }
}

/**
 * `import.meta` as vite fills it in at build time (VITE_SCHEMA_PROBE becomes a constant). Read
 * through this cast and `?.` so that code bundled without vite (the drafts-save bench, esbuild)
 * and type-checked without vite's types (e2e) still works: `import.meta.env` is undefined there.
 */
type MaybeViteMeta = { env?: Record<string, string | undefined> }

/**
 * The next release's schema change, simulated (see "Schema probe" above): version `next` with
 * the same stores, whose upgrade reads and writes back every draft and file row without changing
 * it, and counts them in `meta` (`schemaProbe`) so a test can see that it ran over all of them.
 * Keep `next` one above the app's latest version.
 */
export function probeSchema(db: PortalDb, next: number): void {
  db.version(next)
    .stores({
      drafts: '&id, procedureCode, updatedAt, status',
      files: '&id, draftId, [draftId+componentId], sha256',
    })
    .upgrade(async (tx) => {
      // Read and put back as they are (no Collection.modify: its deep clone is not needed here).
      const rewrite = async (name: string) => {
        const rows: unknown[] = await tx.table(name).toArray()
        await tx.table(name).bulkPut(rows)
        return rows.length
      }
      const drafts = await rewrite('drafts')
      const files = await rewrite('files')
      await tx.table('meta').put({ key: 'schemaProbe', value: { version: next, drafts, files } })
    })
}

const DB_NAME = 'portal'

/** Opens the database; a failure is logged and thrown, and nothing on the device is deleted. */
export async function openPortalDb(name = DB_NAME): Promise<PortalDb> {
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
