/**
 * How much of the device's storage the site uses and may still use (`navigator.storage.estimate()`),
 * refreshed after each attachment is added or removed. The state is the footer's
 * (pwa/persistence.ts), so the footer's "used" figure follows too.
 *
 * The estimate is the browser's, not the disk's: Chromium allows a site up to about 60 % of the
 * free disk, Safari about 1 GB before asking, and browsers round or pad the figures, so "free"
 * is shown as an approximation ("khoảng").
 */
import { computed } from 'vue'
import { log } from '../log.ts'
import { refreshStorage, useStorageState } from '../pwa/persistence.ts'

export function refreshStorageEstimate(): Promise<void> {
  return refreshStorage().catch((error: unknown) => log.warn('storage estimate unavailable', error))
}

export function useStorageEstimate() {
  const state = useStorageState()
  return {
    usage: computed(() => state.usage),
    quota: computed(() => state.quota),
    /** Bytes the site may still store, or null where the browser does not say. */
    free: computed(() => (state.usage === null || state.quota === null ? null : Math.max(0, state.quota - state.usage))),
    refresh: refreshStorageEstimate,
  }
}
