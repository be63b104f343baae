/** Submitted dossiers on the device: each person's own, the latest first; views pulled from the server. */
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
      await db.dossiers.put({ id: view.id, accountSub, code: view.code, receipt: view.receipt, view, seq: view.seq, status: view.status, storedAt: now })
    }
  })
}
