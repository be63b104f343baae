/**
 * Supplement drafts on the device (`supplements`): one per supplement request of a dossier, made
 * when the applicant first opens "Bổ sung hồ sơ" and saved on every change, like a dossier draft
 * (its files are `files` rows under its id). The draft is the one for the open request (matched
 * by `requestedAt`); a draft the server refused stays, shown with its outbox item, until the
 * applicant takes it back or the server applies it.
 */
import { DEFAULT_ACCEPT, type ComponentRule } from '@portal/shared/forms/definition'
import type { DossierProgress } from '@portal/shared/dossiers/schema'
import type { PortalDb } from '../db.ts'
import type { SupplementDraftRow } from './types.ts'

type Request = NonNullable<DossierProgress['supplementRequest']>

/** The dossier's latest supplement draft, if any. */
export async function latestSupplement(db: PortalDb, dossierId: string): Promise<SupplementDraftRow | undefined> {
  const rows = await db.supplements.where('dossierId').equals(dossierId).toArray()
  return rows.sort((a, b) => b.createdAt - a.createdAt)[0]
}

/** The draft answering `request`, made now if there is none (in one transaction: two tabs make one). */
export async function supplementFor(db: PortalDb, dossierId: string, accountSub: string, request: Request, now = Date.now()): Promise<SupplementDraftRow> {
  return db.transaction('rw', db.supplements, async () => {
    const rows = await db.supplements.where('dossierId').equals(dossierId).toArray()
    const found = rows.find((row) => row.requestedAt === request.requestedAt)
    if (found) return found
    const row: SupplementDraftRow = { id: crypto.randomUUID(), dossierId, accountSub, requestedAt: request.requestedAt, items: request.items, note: '', createdAt: now, updatedAt: now }
    await db.supplements.add(row)
    return row
  })
}

/** Saves the note, unless the draft is queued (frozen). */
export async function saveNote(db: PortalDb, id: string, note: string, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.supplements, async () => {
    const row = await db.supplements.get(id)
    if (!row || row.queuedAt !== undefined) return false
    await db.supplements.update(id, { note, updatedAt: now })
    return true
  })
}

/**
 * The rule to attach files for an item asked for: the procedure's own component rule when the
 * device has the procedure's definition, else one that takes any dossier file under the item's words.
 */
export function ruleFor(componentId: string, description: string, rules: ReadonlyMap<string, ComponentRule>): ComponentRule {
  const known = rules.get(componentId)
  if (known) return { ...known, required: true }
  return { id: componentId, label: { vi: description, en: description }, required: true, minFiles: 1, maxFiles: 5, accept: DEFAULT_ACCEPT, showOriginal: false }
}
