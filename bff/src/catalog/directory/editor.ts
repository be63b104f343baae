/**
 * Administrators' edits of the agency directory, stored as catalogue publications: each edit
 * reads the stored directory, applies one rule-checked change (edits.ts), and publishes the
 * result in the same immediate transaction as its audit entry. Publishing moves the catalogue
 * version, so the app's conditional `GET /api/agencies` (its ETag follows the version) brings the
 * change to every device at its next sync. The same transaction records that the directory was
 * edited, after which the seed file no longer replaces it at start (catalog/seed.ts).
 */
import { count, eq, ne } from 'drizzle-orm'
import type { AgencyChange, AgencyInput, DirectoryEdit, DirectoryView } from '@portal/shared/catalog/directory'
import type { Agency, AgencyDirectory, AgencyKind } from '@portal/shared/catalog/schema'
import { roleAssignments } from '../../accounts/table.ts'
import type { AuditEntry, Json } from '../../audit/chain.ts'
import type { AuditLog } from '../../audit/log.ts'
import type { Clock } from '../../clock.ts'
import type { Db, Queryable } from '../../db/open.ts'
import { dossiers } from '../../dossiers/table.ts'
import { EMPTY_DIRECTORY } from '../store.ts'
import { formatVersion, publishCatalog, readDocument, readVersion } from '../versioning.ts'
import { addAgency, changeAgency, deactivateAgency, reactivateAgency, removeAgency, type Edit, type References } from './edits.ts'
import { directoryEdit } from './edited.ts'
import { agencyDirectoryEdits } from './table.ts'

const asJson = (agency: Agency | undefined): Json => (agency ? (JSON.parse(JSON.stringify(agency)) as Json) : null)

function counts(rows: { code: string; n: number }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.code, r.n]))
}

export class DirectoryEditor {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  view(): DirectoryView {
    return this.db.transaction((tx) => {
      const directory = readDocument<AgencyDirectory>(tx, 'agencies', EMPTY_DIRECTORY)
      const byDossiers = counts(tx.select({ code: dossiers.agencyCode, n: count() }).from(dossiers).groupBy(dossiers.agencyCode).all())
      const byRoles = counts(
        tx.select({ code: roleAssignments.agencyCode, n: count() }).from(roleAssignments).where(ne(roleAssignments.agencyCode, '')).groupBy(roleAssignments.agencyCode).all(),
      )
      const edited = directoryEdit(tx)
      return {
        version: formatVersion(readVersion(tx)),
        province: directory.province,
        kinds: readDocument<AgencyKind[]>(tx, 'agencyKinds', []),
        agencies: directory.agencies.map((agency) => ({
          ...agency,
          references: {
            dossiers: byDossiers.get(agency.code) ?? 0,
            roles: byRoles.get(agency.code) ?? 0,
            units: directory.agencies.filter((a) => a.parent === agency.code).length,
          },
        })),
        edited: edited ?? null,
      }
    })
  }

  add(input: AgencyInput, actor: string): DirectoryEdit {
    return this.#edit(actor, 'agency.added', (directory, kinds) => addAgency(directory, input, kinds))
  }

  change(code: string, change: AgencyChange, actor: string): DirectoryEdit {
    return this.#edit(actor, 'agency.changed', (directory, kinds) => changeAgency(directory, code, change, kinds))
  }

  deactivate(code: string, actor: string): DirectoryEdit {
    return this.#edit(actor, 'agency.deactivated', (directory) => deactivateAgency(directory, code))
  }

  reactivate(code: string, actor: string): DirectoryEdit {
    return this.#edit(actor, 'agency.reactivated', (directory, kinds) => reactivateAgency(directory, code, kinds))
  }

  remove(code: string, actor: string): DirectoryEdit {
    return this.#edit(actor, 'agency.removed', (directory, _kinds, tx) => removeAgency(directory, code, references(tx, code)))
  }

  /** Applies one edit and publishes it with its audit entry; an edit that changes nothing publishes nothing. */
  #edit(actor: string, action: string, apply: (directory: AgencyDirectory, kinds: AgencyKind[], tx: Queryable) => Edit): DirectoryEdit {
    const now = this.clock.now()
    let entry: AuditEntry | undefined
    const result = this.db.transaction(
      (tx) => {
        const directory = readDocument<AgencyDirectory>(tx, 'agencies', EMPTY_DIRECTORY)
        const edit = apply(directory, readDocument<AgencyKind[]>(tx, 'agencyKinds', []), tx)
        const published = publishCatalog(tx, { agencies: edit.directory }, now)
        if (published.documents.length > 0) {
          const row = { editedAt: now.toISOString(), editedBy: actor }
          tx.insert(agencyDirectoryEdits).values({ id: 1, ...row }).onConflictDoUpdate({ target: agencyDirectoryEdits.id, set: row }).run()
          entry = this.audit.append({
            actor,
            action,
            target: edit.agency.code,
            details: { before: asJson(edit.before), after: action === 'agency.removed' ? null : asJson(edit.agency), version: published.version },
          })
        }
        return { agency: edit.agency, version: published.version }
      },
      { behavior: 'immediate' },
    )
    if (entry) this.audit.logged(entry)
    return result
  }
}

function references(tx: Queryable, code: string): References {
  const dossierCount = tx.select({ n: count() }).from(dossiers).where(eq(dossiers.agencyCode, code)).get()?.n ?? 0
  const roleCount = tx.select({ n: count() }).from(roleAssignments).where(eq(roleAssignments.agencyCode, code)).get()?.n ?? 0
  return { dossiers: dossierCount, roles: roleCount }
}
