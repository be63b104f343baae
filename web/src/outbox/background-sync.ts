/**
 * Asks the browser for a Background Sync wake-up (Chromium has it; Safari and Firefox do not).
 * The service worker then only tells open pages to flush (pwa/sw.ts): uploads run from the page
 * (decision 6), and nothing depends on this wake-up ever coming.
 */
import { log } from '../log.ts'

export const SYNC_TAG = 'portal-outbox'

interface SyncManager {
  register(tag: string): Promise<void>
}

export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.getRegistration()) as (ServiceWorkerRegistration & { sync?: SyncManager }) | undefined
    await registration?.sync?.register(SYNC_TAG)
  } catch (error) {
    log.warn('background sync not registered', error)
  }
}
