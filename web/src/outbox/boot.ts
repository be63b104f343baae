/**
 * Loaded after the first render (main.ts), and small: keeps the header's counts of unsent items
 * and of dossiers with news, and wires the moments to flush the outbox and pull status changes — start, `online`, the page
 * becoming visible, a change of signed-in person, a Background Sync wake-up relayed by the
 * service worker. The flush code (with tus-js-client) loads only when something waits to be
 * sent; the status pull runs only when someone is signed in.
 */
import { liveQuery } from 'dexie'
import type { useSessionStore } from '../auth/session.ts'
import { portalDb } from '../db.ts'
import { log } from '../log.ts'

/** Status changes are pulled at most this often on visibility changes (phones switch apps a lot). */
const PULL_THROTTLE_MS = 60_000

/**
 * `unsent` (outbox/unsent.ts) is passed in, not imported, and Vue's own functions are not used
 * here: this chunk then shares no module with the home route that would make the bundler split
 * Vue out of its chunk (a few hundred bytes more on the home route).
 */
export function bootOutbox(session: ReturnType<typeof useSessionStore>, unsent: { value: number }, news: { value: number }): void {
  liveQuery(async () => (await portalDb()).outbox.where('state').notEqual('done').count()).subscribe({
    next: (n) => (unsent.value = n),
    error: (error) => log.warn('outbox could not be counted', error),
  })
  let newsCount: { unsubscribe(): void } | undefined
  const countNewsOf = (sub: string | undefined) => {
    newsCount?.unsubscribe()
    news.value = 0
    if (!sub) return
    newsCount = liveQuery(async () => (await import('../dossiers/store.ts')).countNews(await portalDb(), sub)).subscribe({
      next: (n) => (news.value = n),
      error: (error) => log.warn('dossier news could not be counted', error),
    })
  }

  let lastPull = 0
  async function tick(): Promise<void> {
    const db = await portalDb()
    if (await db.outbox.where('state').anyOf('queued', 'uploading', 'sending').count()) await (await import('./scheduler.ts')).flushNow()
    const sub = session.user?.sub
    if (sub && navigator.onLine && Date.now() - lastPull > PULL_THROTTLE_MS) {
      lastPull = Date.now()
      await (await import('../dossiers/changes.ts')).pullChanges(db, sub)
    }
  }
  const run = () => void tick().catch((error: unknown) => log.warn('outbox or status pull failed', error))

  window.addEventListener('online', run)
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && run())
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<{ type?: string } | null>) => event.data?.type === 'OUTBOX_FLUSH' && run())
  let sub = session.user?.sub
  session.$subscribe(() => sub !== session.user?.sub && ((sub = session.user?.sub), countNewsOf(sub), run()))
  countNewsOf(sub)
  run()
}
