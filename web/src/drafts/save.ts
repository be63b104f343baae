/**
 * Saving a draft: per-field last-writer-wins, so two tabs (or a tab and a late retry) never
 * overwrite each other's newer answers (design decision 15).
 *
 * Format: a draft row keeps its answers nested in `values` and, beside them, `fieldTimes`: for
 * each value path (`name`, `members.1.name`, see forms/paths.ts) the ms timestamp of the change
 * that wrote it. A change is `{ path, value, time }`, stamped when the user made it, not when it
 * is saved — so a save that is late (debounced, retried after a full disk) still loses to a
 * newer change made meanwhile in another tab.
 *
 * Algorithm: one Dexie read-write transaction reads the row, applies each change whose time is
 * newer than the stored time of its path, and writes the row back. IndexedDB serialises
 * read-write transactions on the same store, so two tabs cannot interleave inside it.
 * A group's add/remove writes the whole array at the group's path; it dominates older changes
 * inside the group (a change at `members.1.name` also needs to be newer than `members`), and a
 * whole-group write drops the times of the paths it replaced.
 *
 * Prefilled marks (`prefilled`, the paths filled from the account, drafts/prefill.ts) follow the
 * same rule: a change that wins at a path takes the marks at and inside it away, and sets the
 * path's mark when it is itself a fill from the account (`prefilled: true`). So the value the
 * user typed last is theirs and unmarked, in every tab.
 *
 * Limits: clocks of two tabs of one browser are the same clock; ties keep the stored value.
 * Errors (QuotaExceededError, a closed database) are thrown to the caller (autosave.ts), which
 * keeps the changes in memory and retries.
 */
import type { DraftRow, PortalDb } from '../db.ts'
import { isInside, readPath, writePath } from '../forms/paths.ts'

export interface FieldChange {
  path: string
  value: unknown
  time: number
  /** The value comes from the signed-in person's account (marked as such), not from typing. */
  prefilled?: boolean
}

function storedTime(row: DraftRow, path: string): number {
  let time = row.fieldTimes[path] ?? 0
  for (let end = path.indexOf('.'); end > 0; end = path.indexOf('.', end + 1)) {
    time = Math.max(time, row.fieldTimes[path.slice(0, end)] ?? 0)
  }
  return time
}

/** The row with every change newer than what it holds applied; the same row if none was. */
export function mergeChanges(row: DraftRow, changes: readonly FieldChange[]): DraftRow {
  let { values, fieldTimes, updatedAt, prefilled } = row
  for (const change of changes) {
    const current = { ...row, values, fieldTimes }
    if (change.time <= storedTime(current, change.path)) continue
    values = writePath(values, change.path, change.value)
    fieldTimes = Object.fromEntries(Object.entries(fieldTimes).filter(([path]) => !isInside(path, change.path)))
    fieldTimes[change.path] = change.time
    updatedAt = Math.max(updatedAt, change.time)
    if (prefilled?.length || change.prefilled) {
      prefilled = (prefilled ?? []).filter((path) => path !== change.path && !isInside(path, change.path))
      if (change.prefilled) prefilled.push(change.path)
    }
  }
  return values === row.values ? row : { ...row, values, fieldTimes, updatedAt, ...(prefilled ? { prefilled } : {}) }
}

/** The value a path has in a row (for tests and for other tabs' updates). */
export const valueAt = (row: DraftRow, path: string): unknown => readPath(row.values, path)

/**
 * Applies changes to the stored draft in one transaction. Resolves false when the draft is no
 * longer there (deleted in another tab) or is in the outbox (frozen until sent or taken back,
 * outbox/queue.ts): there is nothing to save into.
 */
export async function saveChanges(db: PortalDb, id: string, changes: readonly FieldChange[]): Promise<boolean> {
  return db.transaction('rw', db.drafts, async () => {
    const row = await db.drafts.get(id)
    if (!row || row.queuedAt !== undefined) return false
    const merged = mergeChanges(row, changes)
    if (merged !== row) await db.drafts.put(merged)
    return true
  })
}
