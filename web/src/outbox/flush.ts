/**
 * Flushing the outbox: one pass over what must reach the server.
 *
 * 1. Read the items not yet sent (queued, or left uploading/sending by a page that went away)
 *    and keep those due: their backoff time has come, or a trigger (start, `online`, the page
 *    becoming visible, a sign-in, "Thử lại", a Background Sync wake-up) forces a pass now.
 * 2. Ask the server who is signed in (GET /api/session, from the cookie: the truth, not the
 *    app's remembered state). No answer: every due item waits for the network, with backoff.
 * 3. Group the due items by dossier, oldest first: a dossier's items go in order, different
 *    dossiers go independently, two at a time. An item of another account than the one signed
 *    in is not touched: it waits for that person to sign in (decision 5).
 * 4. Per item, whatever its kind (submission, supplement, withdrawal, rating: send.ts): upload
 *    each file not yet up (tus, resumable, progress saved in the item), then mark it posted and
 *    POST it. The answer decides:
 *    201/200 → receipt or view stored, draft and files deleted, item done (confirm.ts) — only now;
 *    409 → needs attention with the server's dossier (never sent again by itself);
 *    400/422, a refused file → needs attention with the server's words;
 *    401 → waits for that account to sign in again;
 *    no answer, 5xx, 429 → back in the queue with exponential backoff and full jitter.
 *    Any other failure of one item is logged and backed off: it never stops the others.
 * 5. Return when the next item is due, for the scheduler's timer.
 *
 * One pass at a time per device: the scheduler holds a Web Lock around it where the browser has
 * them, so two tabs do not upload the same files at once (if they did, the server's idempotency
 * would still keep one dossier).
 */
import type { HttpStack } from 'tus-js-client'
import type { PortalDb } from '../db.ts'
import { isView } from '../dossiers/shape.ts'
import { storeViews } from '../dossiers/store.ts'
import { log } from '../log.ts'
import { BACKOFF_CAP_MS, backoffDelay } from './backoff.ts'
import { confirmFollowUp, confirmSubmitted } from './confirm.ts'
import { sendItem as post } from './send.ts'
import type { OutboxProblem, OutboxRow, OutboxWaiting } from './types.ts'
import { UploadFailure, uploadFile } from './upload.ts'

export interface FlushDeps {
  db: PortalDb
  fetch: typeof globalThis.fetch
  /** The app's origin: the API and the tus endpoint are under it. */
  origin: string
  now(): number
  random(): number
  httpStack?: HttpStack
  /** Ignore the backoff times: a trigger, not the timer. */
  force?: boolean
  concurrency?: number
}

export interface FlushResult {
  /** When the next item is due (epoch ms), or null when nothing waits on time. */
  nextAttemptAt: number | null
}

const PENDING = ['queued', 'uploading', 'sending'] as const
const PROGRESS_WRITE_MS = 250

export async function flushOutbox(deps: FlushDeps): Promise<FlushResult> {
  const { db } = deps
  const pending = await db.outbox.where('state').anyOf(PENDING).toArray()
  const now = deps.now()
  const due = pending.filter((item) => deps.force || item.nextAttemptAt <= now).sort((a, b) => a.queuedAt - b.queuedAt)
  if (due.length) {
    const signedIn = await currentAccount(deps)
    if (signedIn === 'unreachable') {
      for (const item of due) await backOff(deps, item, 'network')
    } else {
      const groups = new Map<string, OutboxRow[]>()
      for (const item of due) groups.set(item.dossierId, [...(groups.get(item.dossierId) ?? []), item])
      await pool([...groups.values()], deps.concurrency ?? 2, async (items) => {
        for (const item of items) {
          const sent = item.accountSub === signedIn ? await sendItem(deps, item) : await waitForAccount(deps, item)
          if (!sent) break // a dossier's later items wait for its earlier ones
        }
      })
    }
  }
  const left = await db.outbox.where('state').anyOf(PENDING).toArray()
  const times = left.filter((item) => item.waiting !== 'account').map((item) => item.nextAttemptAt)
  return { nextAttemptAt: times.length ? Math.min(...times) : null }
}

/** The signed-in account's sub, null when nobody is, or 'unreachable'. */
async function currentAccount(deps: FlushDeps): Promise<string | null | 'unreachable'> {
  try {
    const res = await deps.fetch(new URL('/api/session', deps.origin), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    if (!res.ok) return 'unreachable'
    return ((await res.json()) as { user?: { sub?: string } }).user?.sub ?? null
  } catch {
    return 'unreachable'
  }
}

async function pool<T>(tasks: readonly T[], size: number, run: (task: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < tasks.length) await run(tasks[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(size, tasks.length) }, worker))
}

/** Writes to the item unless it was taken back meanwhile; false when it is gone. */
async function patch(deps: FlushDeps, id: string, changes: Partial<OutboxRow>): Promise<boolean> {
  return (await deps.db.outbox.update(id, changes)) === 1
}

async function backOff(deps: FlushDeps, item: OutboxRow, waiting: OutboxWaiting, lastError?: OutboxProblem): Promise<void> {
  const attempts = item.attempts + 1
  const state = (await deps.db.outbox.get(item.id))?.state
  if (!state || state === 'done' || state === 'needs-attention') return
  await patch(deps, item.id, { state: 'queued', waiting, attempts, nextAttemptAt: deps.now() + backoffDelay(attempts, deps.random), ...(lastError ? { lastError } : {}) })
}

async function waitForAccount(deps: FlushDeps, item: OutboxRow): Promise<false> {
  // No timer for these: a sign-in (a trigger) brings them back.
  await patch(deps, item.id, { state: 'queued', waiting: 'account', nextAttemptAt: deps.now() + BACKOFF_CAP_MS })
  return false
}

async function needsAttention(deps: FlushDeps, item: OutboxRow, lastError: OutboxProblem, extra: Partial<OutboxRow> = {}): Promise<false> {
  await patch(deps, item.id, { state: 'needs-attention', waiting: undefined, lastError, ...extra })
  return false
}

/** Sends one item; true when the server confirmed it. */
async function sendItem(deps: FlushDeps, item: OutboxRow): Promise<boolean> {
  try {
    if (!(await patch(deps, item.id, { state: 'uploading', waiting: undefined }))) return false
    for (const [sha256, progress] of Object.entries(item.uploads)) {
      if (progress.done) continue
      const refused = await uploadOne(deps, item, sha256)
      if (refused === 'gone') return false
      if (refused) return await needsAttention(deps, item, refused)
    }
    // Posted from now on: the server may have it even if no answer comes back.
    const go = await deps.db.transaction('rw', deps.db.outbox, async () => {
      const current = await deps.db.outbox.get(item.id)
      return current?.state === 'uploading' && (await patch(deps, item.id, { state: 'sending', posted: true }))
    })
    if (!go) return false
    const result = await post(deps.fetch, deps.origin, item)
    switch (result.kind) {
      case 'accepted':
        await confirmSubmitted(deps.db, item, result.receipt, deps.now())
        await pullView(deps, item)
        return true
      case 'applied':
        await confirmFollowUp(deps.db, item, result.view, deps.now())
        return true
      case 'conflict':
        if (item.kind !== 'submission') {
          // A step the dossier no longer allows (a supplement no longer asked, a second rating):
          // the server's dossier shows where it stands; the item and its draft stay for the user.
          if (result.dossier) await storeViews(deps.db, item.accountSub, [result.dossier], deps.now())
          return await needsAttention(deps, item, result.problem, { posted: false })
        }
        return await needsAttention(deps, item, result.problem, { posted: false, ...(result.dossier ? { conflict: result.dossier } : {}) })
      case 'refused':
        return await needsAttention(deps, item, result.problem, { posted: false })
      case 'auth':
        await patch(deps, item.id, { posted: false })
        return await waitForAccount(deps, item)
      case 'unreachable':
        await backOff(deps, item, result.status ? 'server' : 'network')
        return false
    }
  } catch (error) {
    if (error instanceof UploadFailure && error.kind === 'auth') return waitForAccount(deps, item)
    if (!(error instanceof UploadFailure)) log.warn('outbox item failed', error)
    await backOff(deps, item, error instanceof UploadFailure && error.status ? 'server' : 'network')
    return false
  }
}

/**
 * Uploads one file of the item. Resolves null when it is up, 'gone' when the item was taken
 * back meanwhile (the upload is stopped), or the problem when the server refused the file.
 */
async function uploadOne(deps: FlushDeps, item: OutboxRow, sha256: string): Promise<OutboxProblem | 'gone' | null> {
  const file = await deps.db.files.where('draftId').equals(item.draftId ?? item.id).and((row) => row.sha256 === sha256).first()
  const progress = item.uploads[sha256]!
  if (!file) return { type: 'file-missing', message: 'Tệp đính kèm không còn trên máy.', sha256 }
  let lastWrite = 0
  let gone = false
  const write = (changes: Partial<typeof progress>) => {
    Object.assign(progress, changes)
    return patch(deps, item.id, { uploads: { ...item.uploads, [sha256]: { ...progress } } })
  }
  const upload = uploadFile({
    blob: file.blob,
    sha256,
    name: file.name,
    type: file.type,
    endpoint: new URL('/api/uploads/', deps.origin).href,
    ...(progress.url ? { url: progress.url } : {}),
    ...(deps.httpStack ? { httpStack: deps.httpStack } : {}),
    onUrl: (url) => void write({ url }),
    onProgress(sent, total) {
      if (deps.now() - lastWrite < PROGRESS_WRITE_MS) return
      lastWrite = deps.now()
      void write({ sent, total }).then((kept) => {
        if (!kept && !gone) {
          gone = true
          upload.abort()
        }
      })
    },
  })
  try {
    await upload.done
  } catch (error) {
    if (gone) return 'gone'
    if (error instanceof UploadFailure && error.kind === 'refused') {
      await write({ url: undefined, sent: 0 })
      return { type: 'file-refused', message: error.message, status: error.status, sha256 }
    }
    throw error
  }
  // A file up is progress: the next failure starts the backoff from its base again.
  const kept = (await write({ sent: progress.total, done: true })) && (await patch(deps, item.id, { attempts: 0 }))
  if (kept) item.attempts = 0
  return kept ? null : 'gone'
}

/** The server's view of a dossier just confirmed; the status pull fills it in later otherwise. */
async function pullView(deps: FlushDeps, item: OutboxRow): Promise<void> {
  try {
    const res = await deps.fetch(new URL(`/api/dossiers/${item.dossierId}`, deps.origin), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    const view: unknown = res.ok ? await res.json() : null
    if (isView(view)) await storeViews(deps.db, item.accountSub, [view], deps.now())
  } catch {
    // the receipt is stored; the view comes with the next status pull
  }
}
