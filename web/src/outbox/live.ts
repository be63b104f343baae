/**
 * One outbox item, kept current (liveQuery): progress and state changes show as they happen.
 * `undefined` until read, `null` when there is none.
 */
import { liveQuery } from 'dexie'
import { onBeforeUnmount, shallowRef } from 'vue'
import { portalDb } from '../db.ts'
import { log } from '../log.ts'
import type { OutboxRow } from './types.ts'

export function useOutboxItem(id: string) {
  const item = shallowRef<OutboxRow | null | undefined>(undefined)
  const subscription = liveQuery(async () => (await portalDb()).outbox.get(id)).subscribe({
    next: (row) => (item.value = row ?? null),
    error: (error) => log.warn('outbox item could not be read', error),
  })
  onBeforeUnmount(() => subscription.unsubscribe())
  return item
}
