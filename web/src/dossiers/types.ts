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
  /**
   * How many history steps the person has seen (opening the dossier's page sets it): more steps
   * than that is "changed since the last look". Absent on rows stored before it existed.
   */
  seenSteps?: number
}

/**
 * A supplement being written in answer to a supplement request (Mẫu 02): only the items asked
 * for are editable; its files are `files` rows under this row's `id`. Kept until the server has
 * applied it (outbox confirmFollowUp), whatever the server answered before.
 */
export interface SupplementDraftRow {
  id: string
  dossierId: string
  accountSub: string
  /** The request it answers: when it was made and what it asked for. */
  requestedAt: string
  items: { componentId?: string; description: string }[]
  note: string
  createdAt: number
  updatedAt: number
  /** Set while it is in the outbox (as item `itemId`): read-only until sent or taken back. */
  queuedAt?: number
  itemId?: string
}

/** A dossier's result as downloaded: its bytes checked against the SHA-256 the server published. */
export interface ResultRow {
  dossierId: string
  accountSub: string
  sha256: string
  name: string
  type: string
  size: number
  blob: Blob
  downloadedAt: number
}
