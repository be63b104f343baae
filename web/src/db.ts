/**
 * The app's one IndexedDB database, `portal` (Dexie). Each feature adds its tables here as a new
 * Dexie version with a tested upgrade.
 *
 * What is stored where:
 * - `procedures`: the catalogue, one row per procedure exactly as the API serves it, validated
 *   before it is stored; indexed by field, agency kind and level for the browse lists.
 * - `meta`: small keyed records — `catalog` (version, ETag, fields, agency kinds, row count),
 *   `catalogCheckedAt` (last successful check), `agencies` (the agency directory and its ETag).
 *
 * Recovery: a database that cannot be opened (a newer or foreign schema, a failed upgrade) is
 * deleted and created again, and the catalogue comes back from the server on the next sync.
 * That is only safe while the database holds nothing but server data: once drafts live here,
 * an open failure must never delete them (migrate or copy them out first).
 */
import Dexie, { type Table } from 'dexie'
import type { Procedure } from '@portal/shared/catalog/schema'
import { log } from './log.ts'

export interface MetaRow {
  key: string
  value: unknown
}

export class PortalDb extends Dexie {
  procedures!: Table<Procedure, string>
  meta!: Table<MetaRow, string>

  constructor(name: string) {
    super(name)
    this.version(1).stores({
      procedures: '&code, field, agencyKind, level',
      meta: '&key',
    })
  }
}

const DB_NAME = 'portal'

/** Opens the database, deleting and recreating it when the one on the device cannot be opened. */
export async function openPortalDb(name = DB_NAME): Promise<PortalDb> {
  const db = new PortalDb(name)
  try {
    await db.open()
    return db
  } catch (error) {
    log.warn('database could not be opened; recreating it', error)
    db.close()
    await Dexie.delete(name)
    const fresh = new PortalDb(name)
    await fresh.open()
    return fresh
  }
}

let opened: Promise<PortalDb> | undefined

/** The app's database, opened once on first use. */
export function portalDb(): Promise<PortalDb> {
  opened ??= openPortalDb()
  return opened
}
