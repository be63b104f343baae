/** How many files each component of a draft holds, kept current as files are added or removed. */
import { liveQuery } from 'dexie'
import { onBeforeUnmount, shallowRef } from 'vue'
import { portalDb } from '../db.ts'
import { log } from '../log.ts'

export function useFileCounts(draftId: string) {
  const counts = shallowRef<ReadonlyMap<string, number>>(new Map())
  const subscription = liveQuery(async () => (await portalDb()).files.where('draftId').equals(draftId).toArray()).subscribe({
    next(files) {
      const next = new Map<string, number>()
      for (const file of files) next.set(file.componentId, (next.get(file.componentId) ?? 0) + 1)
      counts.value = next
    },
    error: (error) => log.warn('files of the draft could not be read', error),
  })
  onBeforeUnmount(() => subscription.unsubscribe())
  return counts
}
