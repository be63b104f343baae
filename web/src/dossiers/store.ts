/**
 * Submitted dossiers on the device: each person's own, the latest first; views pulled from the
 * server; what changed since the person last looked (history steps beyond `seenSteps`).
 */
import type { DossierView } from '@portal/shared/dossiers/schema'
import type { PortalDb } from '../db.ts'
import type { DossierRow } from './types.ts'

export async function listDossiers(db: PortalDb, accountSub: string): Promise<DossierRow[]> {
  const rows = await db.dossiers.where('accountSub').equals(accountSub).toArray()
  return rows.sort((a, b) => b.receipt.receivedAt.localeCompare(a.receipt.receivedAt))
}

/** Stores the server's views of an account's dossiers (newer `seq` wins), receipts included. */
export async function storeViews(db: PortalDb, accountSub: string, views: readonly DossierView[], now = Date.now()): Promise<void> {
  await db.transaction('rw', db.dossiers, async () => {
    for (const view of views) {
      const known = await db.dossiers.get(view.id)
      if (known?.seq !== undefined && known.seq > view.seq) continue
      // First sight of a dossier (another device submitted it) is no news; one sent from here
      // has seen its first step; otherwise what was seen stays as it was.
      const seenSteps = known ? (known.seenSteps ?? known.view?.history.length ?? 1) : view.history.length
      await db.dossiers.put({ id: view.id, accountSub, code: view.code, receipt: view.receipt, view, seq: view.seq, status: view.status, storedAt: now, seenSteps })
    }
  })
}

/** Whether the dossier has steps its owner has not looked at yet. */
export function hasNews(row: DossierRow): boolean {
  const steps = row.view?.history.length ?? 0
  return steps > (row.seenSteps ?? steps)
}

/** Opening the dossier's page: every step so far is seen. */
export async function markSeen(db: PortalDb, id: string): Promise<void> {
  await db.transaction('rw', db.dossiers, async () => {
    const row = await db.dossiers.get(id)
    const steps = row?.view?.history.length
    if (row && steps !== undefined && row.seenSteps !== steps) await db.dossiers.update(id, { seenSteps: steps })
  })
}

/** How many of an account's dossiers have news (the count in the navigation). */
export async function countNews(db: PortalDb, accountSub: string): Promise<number> {
  return db.dossiers.where('accountSub').equals(accountSub).filter(hasNews).count()
}
