/**
 * The signed-in person's submitted dossiers on the device, kept current (liveQuery): a dossier
 * confirmed by the outbox or a status pulled from the server shows at once.
 */
import { liveQuery, type Subscription } from 'dexie'
import { onBeforeUnmount, shallowRef, watch } from 'vue'
import { useSessionStore } from '../auth/session.ts'
import { portalDb } from '../db.ts'
import { log } from '../log.ts'
import { listDossiers } from './store.ts'
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
