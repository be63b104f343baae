/** What the user is told about one outbox item, derived from its stored state and the moment. */
import type { OutboxProblem, OutboxRow } from './types.ts'

export type ItemStatus =
  | { kind: 'network' }
  | { kind: 'account'; name: string | undefined }
  | { kind: 'queued' }
  | { kind: 'retrying'; at: number }
  | { kind: 'uploading'; percent: number }
  | { kind: 'sending' }
  | { kind: 'attention'; problem: OutboxProblem | undefined; fileName: string | undefined }
  | { kind: 'submitted' }

/**
 * `online`: the app's view of the connection; `signedIn`: the sub of the person signed in as the
 * app last knew it (null: nobody).
 */
export function itemStatus(item: OutboxRow, online: boolean, signedIn: string | null): ItemStatus {
  if (item.state === 'done') return { kind: 'submitted' }
  if (item.state === 'needs-attention') {
    const sha = item.lastError?.sha256
    const components = item.kind === 'submission' || item.kind === 'supplement' ? item.payload.components : []
    const fileName = sha ? components.flatMap((c) => c.files).find((f) => f.sha256 === sha)?.name : undefined
    return { kind: 'attention', problem: item.lastError, fileName }
  }
  if (item.accountSub !== signedIn || item.waiting === 'account') return { kind: 'account', name: item.accountName }
  if (item.state === 'uploading') {
    const uploads = Object.values(item.uploads)
    const total = uploads.reduce((sum, u) => sum + u.total, 0)
    const sent = uploads.reduce((sum, u) => sum + (u.done ? u.total : u.sent), 0)
    return { kind: 'uploading', percent: total ? Math.floor((100 * sent) / total) : 100 }
  }
  if (item.state === 'sending') return { kind: 'sending' }
  if (!online || item.waiting === 'network') return { kind: 'network' }
  if (item.waiting === 'server') return { kind: 'retrying', at: item.nextAttemptAt }
  return { kind: 'queued' }
}
