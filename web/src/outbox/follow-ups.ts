/**
 * Queuing what the applicant sends after intake (issue 7), each as its own outbox item with a
 * fresh UUID (its idempotency key), under the signed-in account (decision 5):
 *
 * - a supplement: the supplement draft's files of the components asked for, and its note; the
 *   draft is frozen (`queuedAt`) in the same transaction, and kept until the server applied it;
 * - a withdrawal, with its optional reason;
 * - a rating: the level and the optional contents of NĐ 61/2018 Art. 31.
 *
 * One follow-up of a kind per dossier waits at a time: a second tap queues nothing new.
 */
import type { RatingContents, SatisfactionLevel } from '@portal/shared/evaluation/types'
import type { PortalDb } from '../db.ts'
import type { Account } from './queue.ts'
import { QueueError } from './queue.ts'
import type { OutboxKind, OutboxPayload, OutboxRow } from './types.ts'

function item(id: string, dossierId: string, account: Account, now: number, body: OutboxPayload, extra: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id,
    dossierId,
    accountSub: account.sub,
    ...(account.name ? { accountName: account.name } : {}),
    state: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    queuedAt: now,
    uploads: {},
    ...extra,
    ...body,
  } as OutboxRow
}

/** The item of this kind for the dossier that is not yet done, if any. */
export async function pendingOf(db: PortalDb, dossierId: string, kind: OutboxKind): Promise<OutboxRow | undefined> {
  return db.outbox.where('dossierId').equals(dossierId).and((row) => row.kind === kind && row.state !== 'done').first()
}

export async function queueSupplement(db: PortalDb, draftId: string, account: Account, now = Date.now(), id: string = crypto.randomUUID()): Promise<OutboxRow> {
  return db.transaction('rw', [db.supplements, db.files, db.outbox], async () => {
    const draft = await db.supplements.get(draftId)
    if (!draft) throw new QueueError('missing')
    if (draft.queuedAt !== undefined) throw new QueueError('queued')
    const asked = new Set(draft.items.flatMap((entry) => (entry.componentId ? [entry.componentId] : [])))
    const files = (await db.files.where('draftId').equals(draftId).toArray()).filter((file) => asked.has(file.componentId)).sort((a, b) => a.createdAt - b.createdAt)
    const note = draft.note.trim()
    if (!files.length && !note) throw new QueueError('not-ready')
    const components = [...asked]
      .map((componentId) => ({ componentId, files: files.filter((file) => file.componentId === componentId).map(({ sha256, size, type, name }) => ({ sha256, size, type, name })) }))
      .filter((component) => component.files.length > 0)
    const uploads = Object.fromEntries(files.map((file) => [file.sha256, { sent: 0, total: file.size, done: false }]))
    const row = item(id, draft.dossierId, account, now, { kind: 'supplement', payload: { id, components, ...(note ? { note } : {}) } }, { draftId, uploads })
    await db.outbox.put(row)
    await db.supplements.update(draftId, { queuedAt: now, itemId: id })
    return row
  })
}

export async function queueWithdrawal(db: PortalDb, dossierId: string, reason: string, account: Account, now = Date.now()): Promise<OutboxRow> {
  return db.transaction('rw', db.outbox, async () => {
    const waiting = await pendingOf(db, dossierId, 'withdrawal')
    if (waiting) return waiting
    const id = crypto.randomUUID()
    const text = reason.trim()
    const row = item(id, dossierId, account, now, { kind: 'withdrawal', payload: { id, ...(text ? { reason: text } : {}) } })
    await db.outbox.put(row)
    return row
  })
}

export interface RatingChoice {
  level: SatisfactionLevel
  contents?: RatingContents
  comment?: string
}

export async function queueRating(db: PortalDb, dossierId: string, choice: RatingChoice, account: Account, now = Date.now()): Promise<OutboxRow> {
  return db.transaction('rw', db.outbox, async () => {
    const waiting = await pendingOf(db, dossierId, 'rating')
    if (waiting) return waiting
    const id = crypto.randomUUID()
    const comment = choice.comment?.trim()
    const contents = choice.contents && Object.keys(choice.contents).length ? choice.contents : undefined
    const row = item(id, dossierId, account, now, { kind: 'rating', payload: { id, level: choice.level, ...(contents ? { contents } : {}), ...(comment ? { comment } : {}) } })
    await db.outbox.put(row)
    return row
  })
}
