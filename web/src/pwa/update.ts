/**
 * Service-worker registration and the update prompt's state. A new worker waits (it never
 * takes over by itself, so an open form is never reloaded under the user); when the user
 * accepts, it is told to skip waiting and the page reloads once it controls the page.
 */
import { readonly, ref } from 'vue'
import type { Workbox } from 'workbox-window'

const waiting = ref(false)
let workbox: Workbox | undefined

/** Registers /sw.js after the page has loaded (production builds only). */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const { Workbox } = await import('workbox-window')
  workbox = new Workbox('/sw.js', { scope: '/' })
  workbox.addEventListener('waiting', () => (waiting.value = true))
  await workbox.register()
}

/** Swaps in the waiting worker and reloads into the new version. */
function applyUpdate(): void {
  if (!workbox) return
  workbox.addEventListener('controlling', () => window.location.reload())
  workbox.messageSkipWaiting()
}

export function useAppUpdate() {
  return { waiting: readonly(waiting), applyUpdate }
}
