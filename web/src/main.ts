import './ui/styles.css'
import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import App from './App.vue'
import { useSessionStore } from './auth/session.ts'
import { useCatalogStore } from './catalog/store.ts'
import { i18n, savedLocale, setLocale } from './i18n/index.ts'
import { requestPersistentStorage, watchStorage } from './pwa/persistence.ts'
import { registerServiceWorker } from './pwa/update.ts'
import { router } from './router.ts'
import { afterIdle } from './ui/idle.ts'
import { unread } from './notices/unread.ts'
import { news } from './dossiers/news.ts'
import { unsent } from './outbox/unsent.ts'

async function start(): Promise<void> {
  const pinia = createPinia()
  const app = createApp(App).use(pinia).use(router).use(i18n)
  const catalog = useCatalogStore(pinia)
  const session = useSessionStore(pinia)
  // Not awaited: the app never waits for the network to show itself.
  void session.refresh()
  // Drafts written before signing in become this person's.
  watch(
    () => session.user?.sub,
    (sub) => sub && void import('./auth/drafts.ts').then((m) => m.attachDrafts(sub)),
    { immediate: true },
  )
  // A first visit shows the BFF's server-rendered page, readable and with working links; it stays
  // until the app can render the same from a stored catalogue. The app takes over once the
  // browser is idle, so that opening the database and storing the catalogue (Dexie, then the
  // catalogue download) never compete with that page's own loading on a slow link. The app shell
  // from the service worker has nothing to show: the app starts at once.
  const serverRendered = (document.getElementById('app')?.childElementCount ?? 0) > 0
  if (serverRendered) await afterIdle()
  await Promise.all([setLocale(savedLocale()), catalog.refresh()])
  // The first time a catalogue is saved on this device, ask for it to be kept.
  watch(
    () => catalog.loaded,
    (loaded) => loaded && void requestPersistentStorage(),
  )
  if (!catalog.loaded && serverRendered) await catalog.sync({ force: true })
  await router.isReady()
  app.mount('#app')
  catalog.startAutoSync()
  // The outbox and status pulls, off the first render's path (outbox/boot.ts).
  void import('./outbox/boot.ts').then((m) => m.bootOutbox(session, unsent, news))
  // The header's count of unread notices, once the browser is idle (notices/boot.ts).
  void afterIdle().then(() => import('./notices/boot.ts').then((m) => m.bootNotices(session, unread)))
  watchStorage()
  void registerServiceWorker()
}

void start()
