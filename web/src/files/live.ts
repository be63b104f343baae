/**
 * One component's stored files, kept current with Dexie's liveQuery: an add or a remove, here
 * or in another tab, shows at once. Follows a change of draft or component.
 */
import { liveQuery, type Subscription } from 'dexie'
import { onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import { portalDb, type FileRow, type PortalDb } from '../db.ts'
import { log } from '../log.ts'
import { filesOf } from './store.ts'

export function useComponentFiles(draftId: () => string, componentId: () => string) {
  const files = shallowRef<FileRow[]>([])
  const db = shallowRef<PortalDb>()
  const failed = ref(false)
  let subscription: Subscription | undefined
  let stopped = false

  const fail = (error: unknown) => {
    log.warn('stored files could not be read', error)
    failed.value = true
  }

  // Watched as one string: a parent that passes a fresh rule object on every render must not
  // restart the query each time.
  watch(
    () => `${draftId()}\n${componentId()}`,
    async () => {
      subscription?.unsubscribe()
      try {
        db.value ??= await portalDb()
      } catch (error) {
        return fail(error)
      }
      if (stopped) return
      const opened = db.value
      const [draft, component] = [draftId(), componentId()]
      subscription = liveQuery(() => filesOf(opened, draft, component)).subscribe({
        next: (rows) => {
          files.value = rows
          failed.value = false
        },
        error: fail,
      })
    },
    { immediate: true },
  )
  onBeforeUnmount(() => {
    stopped = true
    subscription?.unsubscribe()
  })
  return { files, db, failed }
}
