/**
 * Autosave: every change reaches IndexedDB at most `delay` ms after it is made (and at most
 * `maxWait` ms after the first unsaved one, so steady typing still saves), at once when the page
 * is hidden or left (`visibilitychange`, `pagehide`: the last moments a phone gives us), and on
 * `flush()`. Changes wait in memory keyed by path, the latest per path; a failed save (a full
 * disk) puts them back unless a newer change took their place, reports the error and tries
 * again later. Nothing is thrown into the UI: the state says what is happening.
 */
import { reactive, readonly } from 'vue'
import { log } from '../log.ts'
import type { FieldChange } from './save.ts'

export interface AutosaveState {
  /** Changes not yet in IndexedDB. */
  pending: number
  saving: boolean
  /** The last save's failure (its error name, e.g. 'QuotaExceededError'), null once one succeeds. */
  error: string | null
  savedAt: number | null
}

export interface AutosaveOptions {
  /** Called with the changes not yet saved whenever they change (a synchronous backup). */
  onPending?: (changes: FieldChange[]) => void
  delay?: number
  maxWait?: number
  retryDelay?: number
  now?: () => number
}

export function createAutosave(write: (changes: FieldChange[]) => Promise<unknown>, options: AutosaveOptions = {}) {
  const { onPending = () => undefined, delay = 300, maxWait = 1000, retryDelay = 3000, now = Date.now } = options
  const state = reactive<AutosaveState>({ pending: 0, saving: false, error: null, savedAt: null })
  const pending = new Map<string, FieldChange>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let firstPendingAt = 0
  let running: Promise<void> = Promise.resolve()

  function schedule(wait: number): void {
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), wait)
  }

  async function writeOnce(): Promise<void> {
    if (!pending.size) return
    const batch = [...pending.values()]
    pending.clear()
    firstPendingAt = 0
    state.saving = true
    try {
      await write(batch)
      state.error = null
      state.savedAt = now()
    } catch (error) {
      for (const change of batch) if (!pending.has(change.path)) pending.set(change.path, change)
      state.error = error instanceof Error ? error.name : 'Error'
      log.warn('draft could not be saved; keeping the changes in memory and trying again', error)
      schedule(retryDelay)
    } finally {
      state.saving = false
      state.pending = pending.size
      onPending([...pending.values()])
    }
  }

  /** Saves what is waiting now; resolves when it is committed (or has failed and will be retried). */
  function flush(): Promise<void> {
    clearTimeout(timer)
    running = running.then(writeOnce)
    return running
  }

  /** Records a change made now (or at `time`); it is saved within `delay` (or `maxWait`) ms. */
  function change(path: string, value: unknown, time = now(), prefilled = false): FieldChange {
    const entry: FieldChange = prefilled ? { path, value, time, prefilled } : { path, value, time }
    pending.set(path, entry)
    state.pending = pending.size
    onPending([...pending.values()])
    firstPendingAt ||= time
    schedule(Math.max(0, Math.min(delay, firstPendingAt + maxWait - time)))
    return entry
  }

  const onHidden = () => {
    if (document.visibilityState === 'hidden') void flush()
  }
  const onPageHide = () => void flush()
  document.addEventListener('visibilitychange', onHidden)
  window.addEventListener('pagehide', onPageHide)

  /** Saves what is left and stops listening. */
  function dispose(): Promise<void> {
    document.removeEventListener('visibilitychange', onHidden)
    window.removeEventListener('pagehide', onPageHide)
    return flush()
  }

  /** The time of the unsaved change of a path, if it has one. */
  const pendingTime = (path: string) => pending.get(path)?.time

  return { state: readonly(state), change, flush, dispose, pendingTime }
}

export type Autosave = ReturnType<typeof createAutosave>
