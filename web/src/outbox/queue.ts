/**
 * Putting a ready draft in the outbox and taking it back out. Queuing writes the item and
 * freezes the draft in one transaction, with or without network; the item belongs to the
 * account signed in at that moment (decision 5). Taking back is allowed while no part of the
 * submission may have been accepted: once a POST has left the device without an answer that
 * says "not taken", the server is asked first, and a dossier it has stays submitted.
 */
import type { DossierDefinition } from '@portal/shared/forms/definition'
import type { PortalDb } from '../db.ts'
import { isView } from '../dossiers/shape.ts'
import { confirmSubmitted } from './confirm.ts'
import { buildSubmission, type SubmitChoice } from './submission.ts'
import type { OutboxRow } from './types.ts'

export interface Account {
  sub: string
  name?: string
}

export class QueueError extends Error {
  override name = 'QueueError'
  constructor(readonly code: 'missing' | 'not-ready' | 'queued') {
    super(code)
  }
}

export async function queueSubmission(db: PortalDb, draftId: string, definition: DossierDefinition, choice: SubmitChoice, account: Account, now = Date.now()): Promise<OutboxRow> {
  return db.transaction('rw', [db.drafts, db.files, db.outbox], async () => {
    const draft = await db.drafts.get(draftId)
    if (!draft) throw new QueueError('missing')
    if (draft.status !== 'ready') throw new QueueError('not-ready')
    const existing = await db.outbox.get(draftId)
    if (draft.queuedAt !== undefined || (existing && existing.state !== 'done')) throw new QueueError('queued')
    const files = await db.files.where('draftId').equals(draftId).toArray()
    // Checked by the server at intake (a refusal shows on the item, which can be taken back).
    const payload = buildSubmission(draft, definition, files, choice)
    const uploads = Object.fromEntries(files.map((file) => [file.sha256, { sent: 0, total: file.size, done: false }]))
    const item: OutboxRow = {
      id: draftId,
      kind: 'submission',
      dossierId: draftId,
      accountSub: account.sub,
      ...(account.name ? { accountName: account.name } : {}),
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      queuedAt: now,
      payload,
      uploads,
    }
    await db.outbox.put(item)
    await db.drafts.update(draftId, { queuedAt: now })
    return item
  })
}

export type TakeBackResult = 'taken' | 'sent' | 'busy' | 'needs-network'

/** Takes a not-yet-accepted item out of the queue and unfreezes its draft. */
export async function takeBack(db: PortalDb, id: string, fetch = globalThis.fetch, origin = location.origin, now = Date.now()): Promise<TakeBackResult> {
  const item = await db.outbox.get(id)
  if (item?.state === 'done') return 'sent'
  if (item?.state === 'sending') return 'busy'
  if (item && item.kind !== 'submission') return takeBackFollowUp(db, item)
  if (item?.posted) {
    const known = await askServer(fetch, origin, id)
    if (known === 'unknown') return 'needs-network'
    if (known !== 'absent') {
      await confirmSubmitted(db, item, known.receipt, now)
      return 'sent'
    }
  }
  return db.transaction('rw', [db.outbox, db.drafts], async () => {
    const current = await db.outbox.get(id)
    // A flush may have posted it since it was read above: then it goes on.
    if (current && (current.state === 'sending' || current.state === 'done' || (current.posted && !item?.posted))) return 'busy'
    await db.outbox.delete(id)
    await db.drafts.update(id, { queuedAt: undefined })
    return 'taken'
  })
}

/**
 * A supplement, withdrawal or rating out of the queue (a supplement's draft unfrozen, to edit
 * or send again as a new item). One whose POST got no answer is sent again rather than taken
 * back: the server answers the same id once, whatever happened to the first answer.
 */
async function takeBackFollowUp(db: PortalDb, item: OutboxRow): Promise<TakeBackResult> {
  if (item.posted) return 'needs-network'
  return db.transaction('rw', [db.outbox, db.supplements], async () => {
    const current = await db.outbox.get(item.id)
    if (!current || current.state === 'sending' || current.state === 'done' || current.posted) return 'busy'
    await db.outbox.delete(item.id)
    if (item.draftId) await db.supplements.update(item.draftId, { queuedAt: undefined, itemId: undefined })
    return 'taken'
  })
}

/** Whether the server has this dossier (for an item whose POST got no answer). */
async function askServer(fetch: typeof globalThis.fetch, origin: string, id: string) {
  try {
    const res = await fetch(new URL(`/api/dossiers/${id}`, origin), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    if (res.status === 404) return 'absent' as const
    const view: unknown = res.ok ? await res.json() : null
    return isView(view) ? view : ('unknown' as const)
  } catch {
    return 'unknown' as const
  }
}

/** "Thử lại": an item that needed attention goes back in the queue, due now. */
export async function retryItem(db: PortalDb, id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const item = await db.outbox.get(id)
    if (!item || item.state === 'done') return
    const uploads = Object.fromEntries(Object.entries(item.uploads).map(([sha, up]) => [sha, up.done ? up : { sent: 0, total: up.total, done: false }]))
    await db.outbox.update(id, { state: 'queued', attempts: 0, nextAttemptAt: now, lastError: undefined, waiting: undefined, conflict: undefined, uploads })
  })
}
