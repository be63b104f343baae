/** A submitted dossier on the device: the receipt the server gave, and its view as last pulled. */
import type { DossierReceipt, DossierStatus, DossierView } from '@portal/shared/dossiers/schema'

export interface DossierRow {
  /** The client UUID (decision 4). */
  id: string
  /** Whose dossier it is: each person sees only their own on a shared device. */
  accountSub: string
  code: string
  receipt: DossierReceipt
  /** From the server's view, once pulled (absent right after submitting, until it is). */
  view?: DossierView
  seq?: number
  status?: DossierStatus
  storedAt: number
}
