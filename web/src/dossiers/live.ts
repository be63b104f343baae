/**
 * The signed-in person's submitted dossiers on the device, kept current (liveQuery): a dossier
 * confirmed by the outbox or a status pulled from the server shows at once. Opening a page of
 * them pulls the status changes at once when online (the boot's triggers do the rest).
 */
import { liveQuery, type Subscription } from 'dexie'
import { onBeforeUnmount, onMounted, shallowRef, watch } from 'vue'
import { useSessionStore } from '../auth/session.ts'
import { portalDb } from '../db.ts'
import { log } from '../log.ts'
import { listDossiers } from './store.ts'
import type { OutboxRow } from '../outbox/types.ts'
import type { DossierRow } from './types.ts'

export function useSubmitted() {
  const session = useSessionStore()
  const dossiers = shallowRef<DossierRow[] | null>(null)
  const failed = shallowRef(false)
  let subscription: Subscription | undefined
  watch(
    () => session.user?.sub,
    (sub) => {
      subscription?.unsubscribe()
      dossiers.value = sub ? null : []
      if (!sub) return
      subscription = liveQuery(async () => listDossiers(await portalDb(), sub)).subscribe({
        next: (list) => (dossiers.value = list),
        error(error) {
          log.warn('submitted dossiers could not be read', error)
          failed.value = true
        },
      })
    },
    { immediate: true },
  )
  onBeforeUnmount(() => subscription?.unsubscribe())
  return { dossiers, failed }
}

/** Pulls status changes when the page opens, if someone is signed in and the device is online. */
export function usePullOnOpen(): void {
  const session = useSessionStore()
  onMounted(() => {
    const sub = session.user?.sub
    if (!sub || !navigator.onLine) return
    void Promise.all([portalDb(), import('./changes.ts')])
      .then(([db, changes]) => changes.pullChanges(db, sub))
      .catch((error: unknown) => log.warn('status changes not pulled', error))
  })
}

/** One submitted dossier, kept current; `undefined` until read, `null` when not on the device. */
export function useDossier(id: () => string) {
  const dossier = shallowRef<DossierRow | null | undefined>(undefined)
  let subscription: Subscription | undefined
  watch(
    id,
    (current) => {
      subscription?.unsubscribe()
      subscription = liveQuery(async () => (await portalDb()).dossiers.get(current)).subscribe({
        next: (row) => (dossier.value = row ?? null),
        error(error) {
          log.warn('dossier could not be read', error)
          dossier.value = null
        },
      })
    },
    { immediate: true },
  )
  onBeforeUnmount(() => subscription?.unsubscribe())
  return dossier
}

/** The outbox items of one dossier other than its submission (supplements, withdrawal, rating). */
export function useFollowUps(id: () => string) {
  const items = shallowRef<OutboxRow[]>([])
  const subscription = liveQuery(async () => (await portalDb()).outbox.where('dossierId').equals(id()).filter((row) => row.kind !== 'submission').sortBy('queuedAt')).subscribe({
    next: (rows) => (items.value = rows),
    error: (error) => log.warn('outbox items could not be read', error),
  })
  onBeforeUnmount(() => subscription.unsubscribe())
  return items
}
