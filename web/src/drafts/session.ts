/**
 * Editing one draft: the answers in memory (what the fields show), each change saved by
 * autosave.ts through save.ts, and changes from other tabs taken in through a liveQuery — for
 * every field except the one being typed in and those with a change of ours not yet saved (ours
 * is newer, and per-field last-writer-wins keeps it when it lands). A newer value from another
 * tab for the field being typed in is taken in when the user leaves that field, so both tabs
 * end up showing the later change (design decision 15). Unsaved changes are also kept in a
 * synchronous journal (journal.ts) until they are in IndexedDB. Fields filled from the account
 * carry a mark (`isPrefilled`) until the user changes them (drafts/prefill.ts).
 */
import { liveQuery } from 'dexie'
import { onBeforeUnmount, shallowRef } from 'vue'
import { portalDb, type DraftRow } from '../db.ts'
import { isInside, readPath, writePath, type Values } from '../forms/paths.ts'
import { log } from '../log.ts'
import { createAutosave } from './autosave.ts'
import { takeJournals, writeJournal } from './journal.ts'
import { setDraftStatus } from './repository.ts'
import { saveChanges } from './save.ts'

export type DraftLoad = 'loading' | 'ready' | 'missing' | 'unavailable'

export function useDraftSession(id: string) {
  const draft = shallowRef<DraftRow | null>(null)
  const values = shallowRef<Values>({})
  const load = shallowRef<DraftLoad>('loading')
  const times: Record<string, number> = {}
  let typingIn: string | null = null
  /** The row as last read, to take in what was held back while a field was being typed in. */
  let stored: DraftRow | undefined

  const autosave = createAutosave(async (changes) => saveChanges(await portalDb(), id, changes), {
    onPending: (changes) => writeJournal(id, changes),
  })
  // Changes a previous visit could not save before it went: saved now, with their own times.
  for (const { path, value, time, prefilled } of takeJournals(id)) {
    autosave.change(path, value, time, prefilled)
    values.value = writePath(values.value, path, value)
    times[path] = time
  }

  // Prefilled marks: the stored row's, except where a change of ours not yet in it decided
  // otherwise (so a mark goes the moment the user edits, not when the save lands).
  const ownMarks = shallowRef(new Map<string, { marked: boolean; time: number }>())
  function markOwn(path: string, marked: boolean, time: number): void {
    const next = new Map(ownMarks.value)
    for (const known of draft.value?.prefilled ?? []) if (isInside(known, path)) next.set(known, { marked: false, time })
    next.set(path, { marked, time })
    ownMarks.value = next
  }
  function isPrefilled(path: string): boolean {
    return ownMarks.value.get(path)?.marked ?? draft.value?.prefilled?.includes(path) ?? false
  }

  function takeIn(stored: DraftRow): void {
    if (ownMarks.value.size) {
      ownMarks.value = new Map([...ownMarks.value].filter(([path, own]) => (stored.fieldTimes[path] ?? 0) < own.time))
    }
    let next = values.value
    for (const [path, time] of Object.entries(stored.fieldTimes)) {
      const mine = autosave.pendingTime(path)
      if (time <= (times[path] ?? 0) || path === typingIn || (mine !== undefined && mine >= time)) continue
      next = writePath(next, path, readPath(stored.values, path))
      times[path] = time
    }
    values.value = next
  }

  const subscription = liveQuery(async () => (await portalDb()).drafts.get(id)).subscribe({
    next(row) {
      stored = row
      if (!row) {
        load.value = 'missing'
        return
      }
      draft.value = row
      takeIn(row)
      load.value = 'ready'
    },
    error(error) {
      log.warn('draft could not be read', error)
      load.value = 'unavailable'
    },
  })

  /** A change made by the user now: shown at once, saved within 300 ms. */
  function change(path: string, value: unknown): void {
    const { time } = autosave.change(path, value)
    values.value = writePath(values.value, path, value)
    for (const known of Object.keys(times)) if (isInside(known, path)) delete times[known]
    times[path] = time
    if (isPrefilled(path) || draft.value?.prefilled?.some((known) => isInside(known, path))) markOwn(path, false, time)
    // A ready draft that changes must be checked again before it is sent.
    if (draft.value?.status === 'ready') void portalDb().then((db) => setDraftStatus(db, id, 'editing'))
  }

  /** The user is now typing in `path` (null: in no field). */
  function typing(path: string | null): void {
    const left = typingIn
    typingIn = path
    if (left !== null && left !== path && stored) takeIn(stored)
  }

  /** Values from the signed-in person's account, for fields still empty: saved and marked. */
  function fillFromAccount(entries: readonly { path: string; value: unknown }[]): void {
    for (const { path, value } of entries) {
      const { time } = autosave.change(path, value, undefined, true)
      values.value = writePath(values.value, path, value)
      times[path] = time
      markOwn(path, true, time)
    }
  }

  onBeforeUnmount(() => {
    subscription.unsubscribe()
    void autosave.dispose()
  })

  return {
    draft,
    values,
    load,
    saving: autosave.state,
    change,
    fillFromAccount,
    isPrefilled,
    flush: autosave.flush,
    typing,
    valueOf: (path: string) => readPath(values.value, path),
  }
}

export type DraftSession = ReturnType<typeof useDraftSession>
