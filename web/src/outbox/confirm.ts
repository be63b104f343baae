/**
 * The server has the dossier (201, or 200 for one it already had): only now does the device let
 * go of the draft and its files, in one transaction with storing the receipt and closing the
 * item, so no moment exists where neither the draft nor the receipt is on the device.
 */
import type { DossierReceipt, DossierView } from '@portal/shared/dossiers/schema'
import type { PortalDb } from '../db.ts'
import { storeViews } from '../dossiers/store.ts'
import type { OutboxRow } from './types.ts'

export async function confirmSubmitted(db: PortalDb, item: Pick<OutboxRow, 'id' | 'dossierId' | 'accountSub'>, receipt: DossierReceipt, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.outbox, db.drafts, db.files, db.dossiers], async () => {
    const known = await db.dossiers.get(receipt.id)
    await db.dossiers.put({ ...known, id: receipt.id, accountSub: item.accountSub, code: receipt.code, receipt, storedAt: now, seenSteps: known?.seenSteps ?? 1 })
    await db.files.where('draftId').equals(item.dossierId).delete()
    await db.drafts.delete(item.dossierId)
    await db.outbox.update(item.id, { state: 'done', code: receipt.code, uploads: {}, posted: false, lastError: undefined, waiting: undefined })
  })
}

/**
 * The server applied a supplement, withdrawal or rating and answered the dossier's view: the
 * view is stored, a supplement's draft and files let go, and the item closed, in one transaction.
 */
export async function confirmFollowUp(db: PortalDb, item: Pick<OutboxRow, 'id' | 'kind' | 'accountSub' | 'draftId'>, view: DossierView, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.outbox, db.dossiers, db.supplements, db.files], async () => {
    await storeViews(db, item.accountSub, [view], now)
    if (item.kind === 'supplement' && item.draftId) {
      await db.files.where('draftId').equals(item.draftId).delete()
      await db.supplements.delete(item.draftId)
    }
    await db.outbox.update(item.id, { state: 'done', code: view.code, uploads: {}, posted: false, lastError: undefined, waiting: undefined })
  })
}
