/**
 * Drafts on the device: create, list, rename, duplicate, delete, mark ready. Field answers are
 * saved by save.ts; this file handles whole drafts. A draft's files live in `files`, so
 * duplicating copies the rows (new ids, the same immutable Blobs) and deleting removes them,
 * which lets the browser free Blobs no other row holds.
 */
import type { DraftRow, FileRow, PortalDb } from '../db.ts'
import { writePath } from '../forms/paths.ts'

export interface NewDraft {
  procedureCode: string
  title: string
  formVersion?: number
  /** The person whose account filled it (drafts/prefill.ts). */
  ownerSub?: string
  /** Values from that account: stored with the creation time, as changes are, and marked. */
  prefill?: readonly { path: string; value: unknown }[]
}

export async function createDraft(db: PortalDb, draft: NewDraft, now = Date.now()): Promise<string> {
  const id = crypto.randomUUID()
  const { prefill = [], ...rest } = draft
  const values = prefill.reduce((all, { path, value }) => writePath(all, path, value), {})
  const fieldTimes = Object.fromEntries(prefill.map(({ path }) => [path, now]))
  const marks = prefill.length ? { prefilled: prefill.map(({ path }) => path) } : {}
  await db.drafts.add({ ...rest, id, status: 'editing', values, fieldTimes, ...marks, createdAt: now, updatedAt: now })
  return id
}

export interface DraftSummary {
  draft: DraftRow
  /** Bytes of its files. */
  size: number
  files: Pick<FileRow, 'componentId'>[]
}

/** Every draft, the most recently changed first, with its files' sizes. */
export async function listDrafts(db: PortalDb): Promise<DraftSummary[]> {
  return db.transaction('r', db.drafts, db.files, async () => {
    const drafts = await db.drafts.orderBy('updatedAt').reverse().toArray()
    const files = new Map<string, FileRow[]>()
    await db.files.each((file) => files.set(file.draftId, [...(files.get(file.draftId) ?? []), file]))
    return drafts.map((draft) => {
      const own = files.get(draft.id) ?? []
      return { draft, size: own.reduce((sum, file) => sum + file.size, 0), files: own.map(({ componentId }) => ({ componentId })) }
    })
  })
}

export async function renameDraft(db: PortalDb, id: string, title: string, now = Date.now()): Promise<void> {
  await db.drafts.update(id, { title, updatedAt: now })
}

export async function setDraftStatus(db: PortalDb, id: string, status: DraftRow['status'], now = Date.now()): Promise<void> {
  await db.drafts.update(id, { status, updatedAt: now })
}

/** Remembers the step the user was on, so the draft reopens there. */
export async function setDraftStep(db: PortalDb, id: string, step: string): Promise<void> {
  await db.drafts.update(id, { step })
}

/** A copy of a draft and its files, still being written (not ready); returns its id. */
export async function duplicateDraft(db: PortalDb, id: string, title: string, now = Date.now()): Promise<string> {
  const copy = crypto.randomUUID()
  await db.transaction('rw', db.drafts, db.files, async () => {
    const draft = await db.drafts.get(id)
    if (!draft) throw new Error(`no draft ${id}`)
    const row: DraftRow = { ...draft, id: copy, title, status: 'editing', createdAt: now, updatedAt: now }
    delete row.queuedAt // a copy of a queued draft is not queued
    await db.drafts.add(row)
    const files = await db.files.where('draftId').equals(id).toArray()
    await db.files.bulkAdd(files.map((file) => ({ ...file, id: crypto.randomUUID(), draftId: copy })))
  })
  return copy
}

export async function deleteDraft(db: PortalDb, id: string): Promise<void> {
  await db.transaction('rw', db.drafts, db.files, async () => {
    await db.files.where('draftId').equals(id).delete()
    await db.drafts.delete(id)
  })
}
