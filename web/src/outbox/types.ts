/**
 * An outbox item: something that must reach the server, kept on the device until the server
 * has confirmed it. Four kinds share one row shape and one flush path (flush.ts): a dossier's
 * submission, and what its applicant sends after intake — a supplement (with files, like a
 * submission), a withdrawal and a rating (issue 7). Each has its own client UUID, its
 * idempotency key at the server.
 */
import type { RatingSubmission, SupplementSubmission, WithdrawalRequest } from '@portal/shared/dossiers/citizen'
import type { DossierSubmission, DossierView } from '@portal/shared/dossiers/schema'

/**
 * - `queued`: waiting for its turn (see `waiting` for why it is not moving);
 * - `uploading`: its files are going up; `sending`: the item itself is being posted;
 * - `needs-attention`: the server refused something; it stays until the user acts;
 * - `done`: the server confirmed it (the dossier's view is in `dossiers`, its draft is gone).
 */
export type OutboxState = 'queued' | 'uploading' | 'sending' | 'needs-attention' | 'done'

/** Why a queued item is not moving now. */
export type OutboxWaiting = 'network' | 'account' | 'server'

export interface OutboxProblem {
  /** Stable problem type: the server's (`dossier-conflict`, `validation`...) or ours (`file-refused`, `file-missing`). */
  type: string
  /** Plain words for the user (the server's Vietnamese `detail`/`title`, or ours). */
  message: string
  status?: number
  /** The file concerned (its SHA-256), for a refused upload. */
  sha256?: string
  /** Field or component problems of a 422, as the server lists them. */
  problems?: { path?: string; message: string }[]
}

export interface UploadProgress {
  /** The tus upload's URL once created: kept here so a reload or restart resumes it. */
  url?: string
  sent: number
  total: number
  done: boolean
}

/** What an item carries, by kind: the body of its POST. */
export type OutboxPayload =
  | { kind: 'submission'; payload: DossierSubmission }
  | { kind: 'supplement'; payload: SupplementSubmission }
  | { kind: 'withdrawal'; payload: WithdrawalRequest }
  | { kind: 'rating'; payload: RatingSubmission }
export type OutboxKind = OutboxPayload['kind']

export type OutboxRow = OutboxItemBase & OutboxPayload

interface OutboxItemBase {
  /** The item's client UUID = its payload's `id` = the idempotency key (for a submission, the dossier's id). */
  id: string
  dossierId: string
  /**
   * The draft whose files it uploads (`files.draftId`): the dossier's draft for a submission
   * (absent: the same as `id`), the supplement draft for a supplement.
   */
  draftId?: string
  /** The account that queued it: it is sent only under a session of that account (decision 5). */
  accountSub: string
  /** That person's name, to say whose sign-in the item waits for. */
  accountName?: string
  state: OutboxState
  waiting?: OutboxWaiting
  attempts: number
  lastError?: OutboxProblem
  /** Epoch ms before which the backoff timer does not retry it (a trigger such as `online` does). */
  nextAttemptAt: number
  queuedAt: number
  /** Per file SHA-256. */
  uploads: Record<string, UploadProgress>
  /**
   * A POST left the device and no answer said "not taken": the server may have the dossier, so
   * it can no longer be taken back without asking the server first.
   */
  posted?: boolean
  /** The dossier code the server gave, once done. */
  code?: string
  /** On a submission's 409: the dossier the server has under this id, shown beside the local copy. */
  conflict?: DossierView
}
