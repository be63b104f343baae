/**
 * Read side of the catalogue: an in-memory snapshot of the current version, rebuilt only when
 * the stored version moves (checked with one single-row read per use, so a publication by
 * another process is seen at once). Pages, search and the API all read from it.
 */
import type { Statement } from 'better-sqlite3'
import { asc, eq } from 'drizzle-orm'
import { publicDirectory } from '@portal/shared/catalog/directory'
import type { AgencyDirectory, AgencyKind, CatalogChanges, Field, Procedure } from '@portal/shared/catalog/schema'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { directoryEdit } from './directory/edited.ts'
import { catalogProcedures } from './table.ts'
import {
  catalogChanges,
  ensureCatalogMeta,
  formatVersion,
  publishCatalog,
  readDocument,
  readVersion,
  type CatalogInput,
  type PublishResult,
  type VersionParts,
} from './versioning.ts'

export interface CatalogSnapshot {
  version: string
  /** ISO timestamp of the last publication that changed something. */
  updatedAt: string
  fields: Field[]
  agencyKinds: AgencyKind[]
  /** The public directory: active agencies that receive dossiers (what `GET /api/agencies` sends). */
  agencies: AgencyDirectory
  /** The whole directory as administrators edit it: also units and deactivated entries. */
  directory: AgencyDirectory
  /** Live procedures in code order. */
  procedures: Procedure[]
  byCode: ReadonlyMap<string, Procedure>
  /** ISO timestamp of each live procedure's last change (sitemap lastmod). */
  changedAt: ReadonlyMap<string, string>
}

/** Until an agency directory is published: valid, and empty. */
export const EMPTY_DIRECTORY: AgencyDirectory = { province: { code: '', name: '', statisticsCode: '' }, agencies: [] }

export class CatalogStore {
  #snapshot: CatalogSnapshot | undefined
  #versionRead: Statement | undefined

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    ensureCatalogMeta(db, clock.now())
  }

  /** On every intake and catalogue request (snapshot), so its read is prepared once, raw. */
  version(): string {
    const row = (this.#versionRead ??= this.db.$client.prepare('SELECT epoch, seq FROM catalog_meta WHERE id = 1')).get() as VersionParts | undefined
    return formatVersion(row ?? readVersion(this.db))
  }

  snapshot(): CatalogSnapshot {
    const version = this.version()
    if (this.#snapshot?.version !== version) this.#snapshot = this.#load()
    return this.#snapshot
  }

  changes(since: VersionParts): CatalogChanges {
    return catalogChanges(this.db, since)
  }

  publish(input: CatalogInput): PublishResult {
    return publishCatalog(this.db, input, this.clock.now())
  }

  /** When administrators last edited the agency directory (directory/editor.ts); undefined while it is the seed's. */
  directoryEdit(): { at: string; by: string } | undefined {
    return directoryEdit(this.db)
  }

  #load(): CatalogSnapshot {
    return this.db.transaction((tx) => {
      const meta = readVersion(tx)
      const rows = tx
        .select({ code: catalogProcedures.code, data: catalogProcedures.data, changedAt: catalogProcedures.changedAt })
        .from(catalogProcedures)
        .where(eq(catalogProcedures.removed, false))
        .orderBy(asc(catalogProcedures.code))
        .all()
      const procedures = rows.map((row) => JSON.parse(row.data) as Procedure)
      const directory = readDocument<AgencyDirectory>(tx, 'agencies', EMPTY_DIRECTORY)
      return {
        version: formatVersion(meta),
        updatedAt: meta.updatedAt,
        fields: readDocument<Field[]>(tx, 'fields', []),
        agencyKinds: readDocument<AgencyKind[]>(tx, 'agencyKinds', []),
        agencies: publicDirectory(directory),
        directory,
        procedures,
        byCode: new Map(procedures.map((p) => [p.code, p])),
        changedAt: new Map(rows.map((row) => [row.code, row.changedAt])),
      }
    })
  }
}
