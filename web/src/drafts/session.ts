/**
 * Editing one draft: the answers in memory (what the fields show), each change saved by
 * autosave.ts through save.ts, and changes from other tabs taken in through a liveQuery — for
 * every field except the one being typed in and those with a change of ours not yet saved (ours
 * is newer, and per-field last-writer-wins keeps it when it lands). Unsaved changes are also
 * kept in a synchronous journal (journal.ts) until they are in IndexedDB.
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

  const autosave = createAutosave(async (changes) => saveChanges(await portalDb(), id, changes), {
    onPending: (changes) => writeJournal(id, changes),
  })
  // Changes a previous visit could not save before it went: saved now, with their own times.
  for (const { path, value, time } of takeJournals(id)) {
    autosave.change(path, value, time)
    values.value = writePath(values.value, path, value)
    times[path] = time
  }

  function takeIn(stored: DraftRow): void {
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
    next(stored) {
      if (!stored) {
        load.value = 'missing'
        return
      }
      draft.value = stored
      takeIn(stored)
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
    // A ready draft that changes must be checked again before it is sent.
    if (draft.value?.status === 'ready') void portalDb().then((db) => setDraftStatus(db, id, 'editing'))
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
    flush: autosave.flush,
    typing: (path: string | null) => void (typingIn = path),
    valueOf: (path: string) => readPath(values.value, path),
  }
}

export type DraftSession = ReturnType<typeof useDraftSession>
