/**
 * The catalogue on the device: what the views read and the two ways sync writes it. Each write
 * is one Dexie transaction over `procedures` and `meta`, so a crash or a failed write leaves
 * the previous catalogue whole, never half of each.
 *
 * Reads trust nothing: the `catalog` meta row is validated and its row count compared with the
 * table, and a stored procedure is validated when it is read. Anything that does not hold is
 * treated as no catalogue at all (the rows are cleared and sync fetches it again).
 */
import * as v from 'valibot'
import {
  AgencyKindSchema,
  CatalogVersionSchema,
  FieldSchema,
  ProcedureSchema,
  type Catalog,
  type CatalogChanges,
  type Procedure,
  type ProcedureLevel,
} from '@portal/shared/catalog/schema'
import type { PortalDb } from '../db.ts'
import { compareNames } from '../ui/collate.ts'
import { log } from '../log.ts'

const CatalogMetaSchema = v.object({
  version: CatalogVersionSchema,
  /** ETag of the full catalogue this copy came from; dropped once changes are applied on top. */
  etag: v.optional(v.string()),
  fields: v.array(FieldSchema),
  agencyKinds: v.array(AgencyKindSchema),
  /** Rows in `procedures` when this was written: a different count means the table was damaged. */
  count: v.number(),
})
export type CatalogMeta = v.InferOutput<typeof CatalogMetaSchema>

const CATALOG = 'catalog'
const CHECKED_AT = 'catalogCheckedAt'

/** The catalogue's meta row, or null when there is no usable catalogue (damaged data is cleared). */
export async function readCatalogMeta(db: PortalDb): Promise<CatalogMeta | null> {
  const [row, count] = await Promise.all([db.meta.get(CATALOG), db.procedures.count()])
  if (!row && count === 0) return null
  const parsed = v.safeParse(CatalogMetaSchema, row?.value)
  if (parsed.success && parsed.output.count === count) return parsed.output
  log.warn('stored catalogue is damaged; clearing it to fetch it again', parsed.issues ?? { count })
  await clearCatalog(db)
  return null
}

async function clearCatalog(db: PortalDb): Promise<void> {
  await db.transaction('rw', db.procedures, db.meta, async () => {
    await db.procedures.clear()
    await db.meta.bulkDelete([CATALOG, CHECKED_AT])
  })
}

/** Procedures written per transaction on a first store: each a short task on a slow phone. */
const FIRST_STORE_SLICE = 20

/**
 * Stores a whole catalogue in place of the one on the device.
 *
 * Replacing a catalogue the device already has is one transaction: the old one stays whole
 * until the new one is, so a crash never leaves the user offline with half a catalogue. A
 * device with none (a first visit) has nothing to protect, and one transaction of a whole
 * catalogue is one long task (structured cloning on the main thread, hundreds of ms on a cheap
 * phone) while the user reads the first page. So there the procedures go in slices, yielding
 * to the page between them, and the meta row comes last: until it is written there is no
 * catalogue, and a crash in between leaves rows without meta, which readCatalogMeta clears.
 */
export async function replaceCatalog(db: PortalDb, catalog: Catalog, etag: string | undefined, now: number): Promise<void> {
  const meta: CatalogMeta = {
    version: catalog.version,
    etag,
    fields: catalog.fields,
    agencyKinds: catalog.agencyKinds,
    count: catalog.procedures.length,
  }
  const writeMeta = () =>
    db.meta.bulkPut([
      { key: CATALOG, value: meta },
      { key: CHECKED_AT, value: now },
    ])
  const hasCatalog = (await db.meta.get(CATALOG)) !== undefined
  if (hasCatalog) {
    await db.transaction('rw', db.procedures, db.meta, async () => {
      await db.procedures.clear()
      await db.procedures.bulkPut(catalog.procedures)
      await writeMeta()
    })
    return
  }
  await db.procedures.clear()
  for (let i = 0; i < catalog.procedures.length; i += FIRST_STORE_SLICE) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0))
    await db.procedures.bulkPut(catalog.procedures.slice(i, i + FIRST_STORE_SLICE))
  }
  await db.transaction('rw', db.procedures, db.meta, async () => {
    // Another tab may have stored (and counted) the catalogue meanwhile: the count must hold.
    meta.count = await db.procedures.count()
    await writeMeta()
  })
}

/**
 * Applies a diff from `GET /api/catalog/changes` (a reset replaces every procedure). Fields and
 * agency kinds are small and always sent whole, so they replace the stored lists.
 */
export async function applyCatalogChanges(db: PortalDb, changes: CatalogChanges, now: number): Promise<void> {
  await db.transaction('rw', db.procedures, db.meta, async () => {
    if (changes.reset) await db.procedures.clear()
    else await db.procedures.bulkDelete(changes.removed)
    await db.procedures.bulkPut(changes.changed)
    const next: CatalogMeta = {
      version: changes.version,
      fields: changes.fields,
      agencyKinds: changes.agencyKinds,
      count: await db.procedures.count(),
    }
    await db.meta.bulkPut([
      { key: CATALOG, value: next },
      { key: CHECKED_AT, value: now },
    ])
  })
}

export async function markChecked(db: PortalDb, now: number): Promise<void> {
  await db.meta.put({ key: CHECKED_AT, value: now })
}

export async function readCheckedAt(db: PortalDb): Promise<number | null> {
  const value = (await db.meta.get(CHECKED_AT))?.value
  return typeof value === 'number' ? value : null
}

/** How many procedures each field, agency kind and level has, read from the indexes alone. */
export interface CatalogCounts {
  field: Record<string, number>
  agencyKind: Record<string, number>
  level: Record<string, number>
}

function tally(keys: unknown[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const key of keys) counts[String(key)] = (counts[String(key)] ?? 0) + 1
  return counts
}

export async function readCounts(db: PortalDb): Promise<CatalogCounts> {
  const [field, agencyKind, level] = await Promise.all(
    (['field', 'agencyKind', 'level'] as const).map((index) => db.procedures.orderBy(index).keys()),
  )
  return { field: tally(field!), agencyKind: tally(agencyKind!), level: tally(level!) }
}

export type ProcedureFilter = { by: 'field'; value: string } | { by: 'agencyKind'; value: string } | { by: 'level'; value: ProcedureLevel }

export interface ProcedureSummary {
  code: string
  name: string
  level: ProcedureLevel
}

export async function listProcedures(db: PortalDb, filter: ProcedureFilter): Promise<ProcedureSummary[]> {
  const rows = await db.procedures.where(filter.by).equals(filter.value).toArray()
  return rows
    .map(({ code, name, level }) => ({ code, name, level }))
    .sort((a, b) => compareNames('vi')(a.name, b.name))
}

/**
 * One procedure, or null when it is not on the device. A stored row that does not validate means
 * the table was damaged: the catalogue is cleared so that the next sync fetches it whole.
 */
export async function readProcedure(db: PortalDb, code: string): Promise<Procedure | null> {
  const row = await db.procedures.get(code)
  if (!row) return null
  const parsed = v.safeParse(ProcedureSchema, row)
  if (parsed.success) return parsed.output
  log.warn(`stored procedure ${code} is damaged; clearing the catalogue`, parsed.issues)
  await clearCatalog(db)
  return null
}

export function readAllProcedures(db: PortalDb): Promise<Procedure[]> {
  return db.procedures.toArray()
}
