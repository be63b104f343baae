/**
 * Catalogue versioning: how the server numbers changes and answers "what changed since X".
 *
 * A version is `<epoch>.<seq>`. The epoch (8 random hex digits) is drawn when the database is
 * created; `seq` is the number of publications that changed something. Every stored record
 * carries the `seq` at which it last changed (`changed_seq`); a procedure that leaves the
 * catalogue stays as a tombstone (`removed`) with the `seq` of its removal.
 *
 * Publishing (`publishCatalog`), in one IMMEDIATE transaction: each incoming record is hashed
 * (SHA-256 of its JSON); a new, changed or revived procedure, and a changed document (fields,
 * agency kinds, agency directory), is written with `changed_seq = seq + 1`; a stored live
 * procedure missing from the input becomes a tombstone at `seq + 1`. If anything changed, `seq`
 * becomes `seq + 1`: one step per publication, however many rows it touched. Publishing the
 * same content again changes nothing, so restarts keep the version and clients' caches.
 *
 * Diffing (`catalogChanges`): for `since = E.S` with E this database's epoch and S ≤ seq, the
 * answer holds the live procedures with `changed_seq > S` and the codes of tombstones with
 * `changed_seq > S`. Any other `since` (another epoch: the database was rebuilt; or S ahead of
 * us, which only a rebuilt database explains) gets `reset: true` and everything live. Fields and
 * agency kinds are small and always sent whole.
 *
 * The agency directory is versioned with the rest (one version for all catalogue data), though
 * the catalogue answer does not carry it: its ETag then follows the same version.
 *
 * Limits: tombstones are kept forever (a few bytes each), so a client far behind gets a long
 * `removed` list rather than a reset; a code removed then re-added counts as changed when re-added.
 */
import { createHash, randomBytes } from 'node:crypto'
import { eq, gt, inArray } from 'drizzle-orm'
import { CATALOG_VERSION, type AgencyDirectory, type AgencyKind, type CatalogChanges, type Field, type Procedure } from '@portal/shared/catalog/schema'
import type { Queryable } from '../db/open.ts'
import { catalogDocuments, catalogMeta, catalogProcedures } from './table.ts'

export interface VersionParts {
  epoch: string
  seq: number
}

/** @example parseVersion('0a1b2c3d.42') → { epoch: '0a1b2c3d', seq: 42 }; malformed → null */
export function parseVersion(version: string): VersionParts | null {
  if (!CATALOG_VERSION.test(version)) return null
  const [epoch = '', seq = ''] = version.split('.')
  return { epoch, seq: Number(seq) }
}

export function formatVersion({ epoch, seq }: VersionParts): string {
  return `${epoch}.${seq}`
}

/** What a publication may carry; a part left out is left as stored (see seed.ts). */
export interface CatalogInput {
  procedures?: Procedure[]
  fields?: Field[]
  agencyKinds?: AgencyKind[]
  agencies?: AgencyDirectory
}

export type DocumentKey = 'fields' | 'agencyKinds' | 'agencies'

export interface PublishResult {
  version: string
  /** Procedures written (new, changed or revived). */
  changed: number
  /** Procedures turned into tombstones. */
  removed: number
  /** Documents written. */
  documents: DocumentKey[]
}

/** Creates the meta row, and so the epoch, unless it exists. Safe to call on every start. */
export function ensureCatalogMeta(db: Queryable, now: Date): void {
  const created = { id: 1, epoch: randomBytes(4).toString('hex'), seq: 0, updatedAt: now.toISOString() }
  // Two processes starting on one new database: the second insert is ignored.
  db.insert(catalogMeta).values(created).onConflictDoNothing().run()
}

/** The stored version and when it last changed. */
export function readVersion(db: Queryable): VersionParts & { updatedAt: string } {
  const row = db.select().from(catalogMeta).where(eq(catalogMeta.id, 1)).get()
  if (!row) throw new Error('catalog_meta is empty: ensureCatalogMeta() was not called')
  return row
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Writes the input as the current catalogue. See the file comment for the algorithm. */
export function publishCatalog(db: Queryable, input: CatalogInput, now: Date): PublishResult {
  return db.transaction(
    (tx) => {
      ensureCatalogMeta(tx, now)
      const meta = readVersion(tx)
      const next = meta.seq + 1
      const at = now.toISOString()
      const result: PublishResult = { version: '', changed: 0, removed: 0, documents: [] }

      if (input.procedures) {
        const stored = new Map(
          tx
            .select({ code: catalogProcedures.code, hash: catalogProcedures.hash, removed: catalogProcedures.removed })
            .from(catalogProcedures)
            .all()
            .map((row) => [row.code, row]),
        )
        const incoming = new Set<string>()
        for (const procedure of input.procedures) {
          incoming.add(procedure.code)
          const data = JSON.stringify(procedure)
          const hash = sha256(data)
          const before = stored.get(procedure.code)
          if (before && before.hash === hash && !before.removed) continue
          const row = { data, hash, changedSeq: next, changedAt: at, removed: false }
          tx.insert(catalogProcedures)
            .values({ code: procedure.code, ...row })
            .onConflictDoUpdate({ target: catalogProcedures.code, set: row })
            .run()
          result.changed++
        }
        const gone = [...stored.values()].filter((row) => !row.removed && !incoming.has(row.code)).map((row) => row.code)
        // Chunked: SQLite limits the number of bound parameters of one statement.
        for (let i = 0; i < gone.length; i += 500) {
          tx.update(catalogProcedures)
            .set({ removed: true, changedSeq: next, changedAt: at })
            .where(inArray(catalogProcedures.code, gone.slice(i, i + 500)))
            .run()
        }
        result.removed = gone.length
      }

      const documents: [DocumentKey, unknown][] = [
        ['fields', input.fields],
        ['agencyKinds', input.agencyKinds],
        ['agencies', input.agencies],
      ]
      for (const [key, value] of documents) {
        if (value === undefined) continue
        const data = JSON.stringify(value)
        const hash = sha256(data)
        const before = tx.select({ hash: catalogDocuments.hash }).from(catalogDocuments).where(eq(catalogDocuments.key, key)).get()
        if (before?.hash === hash) continue
        const row = { data, hash, changedSeq: next }
        tx.insert(catalogDocuments).values({ key, ...row }).onConflictDoUpdate({ target: catalogDocuments.key, set: row }).run()
        result.documents.push(key)
      }

      const touched = result.changed + result.removed + result.documents.length > 0
      if (touched) tx.update(catalogMeta).set({ seq: next, updatedAt: at }).where(eq(catalogMeta.id, 1)).run()
      result.version = formatVersion({ epoch: meta.epoch, seq: touched ? next : meta.seq })
      return result
    },
    { behavior: 'immediate' },
  )
}

/** Reads one stored document, or `fallback` when it was never published. */
export function readDocument<T>(db: Queryable, key: DocumentKey, fallback: T): T {
  const row = db.select({ data: catalogDocuments.data }).from(catalogDocuments).where(eq(catalogDocuments.key, key)).get()
  return row ? (JSON.parse(row.data) as T) : fallback
}

/** What changed after `since` (a valid version string). See the file comment. */
export function catalogChanges(db: Queryable, since: VersionParts): CatalogChanges {
  // One read transaction: the version and the rows it describes come from the same snapshot.
  return db.transaction((read) => {
    const meta = readVersion(read)
    const reset = since.epoch !== meta.epoch || since.seq > meta.seq
    const after = reset ? -1 : since.seq
    const rows = read
      .select({ code: catalogProcedures.code, data: catalogProcedures.data, removed: catalogProcedures.removed })
      .from(catalogProcedures)
      .where(reset ? eq(catalogProcedures.removed, false) : gt(catalogProcedures.changedSeq, after))
      .orderBy(catalogProcedures.code)
      .all()
    return {
      version: formatVersion(meta),
      reset,
      fields: readDocument<Field[]>(read, 'fields', []),
      agencyKinds: readDocument<AgencyKind[]>(read, 'agencyKinds', []),
      changed: rows.filter((row) => !row.removed).map((row) => JSON.parse(row.data) as Procedure),
      removed: rows.filter((row) => row.removed).map((row) => row.code),
    }
  })
}
