/**
 * Persistent storage: asks the browser not to evict the device's data under storage pressure,
 * and tells the user whether it agreed. Asked once there is something worth keeping (the
 * catalogue was first saved, or the app was installed), never on first paint: some browsers
 * show a prompt, and others decide from how much the site is used.
 */
import { readonly, reactive } from 'vue'
import { log } from '../log.ts'

/** `persisted` is null where the browser cannot say (no StorageManager); `quota` is what the site may use. */
const state = reactive({ persisted: null as boolean | null, usage: null as number | null, quota: null as number | null })

/** Reads both again; the files feature calls it after adding or removing an attachment. */
export async function refreshStorage(): Promise<void> {
  if (!navigator.storage?.persisted) return
  const [persisted, estimate] = await Promise.all([navigator.storage.persisted(), navigator.storage.estimate?.()])
  state.persisted = persisted
  state.usage = estimate?.usage ?? null
  state.quota = estimate?.quota ?? null
}

export async function requestPersistentStorage(): Promise<void> {
  try {
    if (navigator.storage?.persist && !(await navigator.storage.persisted())) await navigator.storage.persist()
    await refreshStorage()
  } catch (error) {
    log.warn('persistent storage request failed', error)
  }
}

/** Reads the current state and asks again when the app gets installed. */
export function watchStorage(): void {
  void refreshStorage().catch((error) => log.warn('storage state unavailable', error))
  window.addEventListener('appinstalled', () => void requestPersistentStorage())
}

export function useStorageState() {
  return readonly(state)
}
