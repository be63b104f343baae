/**
 * The `portal` database's Dexie class: its versions (db.ts says what each table holds) and the
 * schema probe used by tests. Imported only by `openPortalDb` (db.ts), so that Dexie is not part
 * of the home page's first scripts.
 */
import Dexie, { type Table } from 'dexie'
import type { Procedure } from '@portal/shared/catalog/schema'
import type { DraftRow, FileRow, MetaRow } from './db.ts'
import type { DossierRow, ResultRow, SupplementDraftRow } from './dossiers/types.ts'
import type { NoticeRow } from './notices/local.ts'
import type { OutboxRow } from './outbox/types.ts'

export class PortalDb extends Dexie {
  procedures!: Table<Procedure, string>
  meta!: Table<MetaRow, string>
  drafts!: Table<DraftRow, string>
  files!: Table<FileRow, string>
  outbox!: Table<OutboxRow, string>
  dossiers!: Table<DossierRow, string>
  supplements!: Table<SupplementDraftRow, string>
  results!: Table<ResultRow, string>
  notices!: Table<NoticeRow, string>

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
    // New tables only: nothing stored before is touched (db-v4.test.ts).
    this.version(4).stores({
      supplements: '&id, dossierId, accountSub',
      results: '&dossierId, accountSub',
    })
    // A new table only, as in version 4 (db-v5.test.ts).
    this.version(5).stores({
      notices: '&id, accountSub',
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

