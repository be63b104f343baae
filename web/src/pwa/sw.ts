/**
 * The service worker: the whole build is precached, and every navigation is answered with the
 * precached app shell, so the app opens with no network. Server-only URLs (API, sign-in,
 * health, sitemap, robots, manifest) always go to the network.
 *
 * Updates: a new worker installs its precache beside the old one and waits; it takes over only
 * when the page sends {type: 'SKIP_WAITING'} (the user accepted the update prompt). Old
 * precaches are removed once the new worker activates.
 */
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

declare const self: ServiceWorkerGlobalScope

cleanupOutdatedCaches()
precacheAndRoute(self.__WB_MANIFEST)

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/auth\//, /^\/idp(\/|$)/, /^\/healthz$/, /^\/sitemap\.xml$/, /^\/robots\.txt$/, /^\/manifest\.webmanifest$/],
  }),
)

// Background Sync (Chromium) only wakes the open pages to flush their outbox: uploads run from
// the page (tus-js-client does not run here), and nothing depends on this event.
self.addEventListener('sync', (event) => {
  const sync = event as ExtendableEvent & { tag?: string }
  if (sync.tag !== 'portal-outbox') return
  sync.waitUntil(self.clients.matchAll({ type: 'window' }).then((pages) => pages.forEach((page) => page.postMessage({ type: 'OUTBOX_FLUSH' }))))
})

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})

clientsClaim()
