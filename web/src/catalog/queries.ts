/**
 * What the list and procedure views show, read from the device and read again whenever a sync
 * lands or the route asks for something else.
 */
import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { AgencyDirectory, Procedure } from '@portal/shared/catalog/schema'
import { portalDb } from '../db.ts'
import { readAgencies } from './agencies.ts'
import { listProcedures, readProcedure, type ProcedureFilter, type ProcedureSummary } from './local.ts'
import { useCatalogStore } from './store.ts'

/** `loading` until the first read; `missing` when the device does not have it. */
export type LoadState = 'loading' | 'ready' | 'missing'

export interface DeviceQuery<T> {
  data: ShallowRef<T | null>
  state: Ref<LoadState>
}

function useDeviceQuery<T>(key: () => unknown, read: () => Promise<T | null>): DeviceQuery<T> {
  const catalog = useCatalogStore()
  const data = shallowRef<T | null>(null)
  const state = ref<LoadState>('loading')
  let latest = 0
  watch(
    // lastChecked moves with every successful sync, also when only the agencies changed.
    [key, () => catalog.version, () => catalog.lastChecked],
    async () => {
      const ticket = ++latest
      const result = await read()
      if (ticket !== latest) return
      data.value = result
      state.value = result === null ? 'missing' : 'ready'
    },
    { immediate: true },
  )
  return { data, state }
}

export function useProcedureList(filter: () => ProcedureFilter | null): DeviceQuery<ProcedureSummary[]> {
  return useDeviceQuery(filter, async () => {
    const current = filter()
    return current ? listProcedures(await portalDb(), current) : null
  })
}

/** A procedure missing from a loaded catalogue makes the store check the catalogue is whole. */
export function useProcedure(code: () => string): DeviceQuery<Procedure> {
  const catalog = useCatalogStore()
  return useDeviceQuery(code, async () => {
    const procedure = await readProcedure(await portalDb(), code())
    if (!procedure && catalog.loaded) void catalog.verify()
    return procedure
  })
}

export function useAgencies(): DeviceQuery<AgencyDirectory> {
  return useDeviceQuery(() => null, async () => readAgencies(await portalDb()))
}
