/**
 * Search as the user types, over the catalogue on the device. The index (MiniSearch, from
 * `@portal/shared/catalog/search`) is imported dynamically and built once per catalogue version,
 * when the user first focuses or types in the search box, so neither the library nor the
 * index cost anything on the first render.
 */
import { ref, shallowRef, watch, type Ref } from 'vue'
import type { ProcedureHit, ProcedureIndex } from '@portal/shared/catalog/search'
import { portalDb } from '../db.ts'
import { log } from '../log.ts'
import { readAllProcedures, readCatalogMeta } from './local.ts'
import { useCatalogStore } from './store.ts'

const DEBOUNCE_MS = 100
const LIMIT = 30

let built: { version: string; index: Promise<ProcedureIndex> } | undefined

function indexFor(version: string): Promise<ProcedureIndex> {
  if (built?.version !== version) {
    const index = (async () => {
      const db = await portalDb()
      const [{ createProcedureIndex }, procedures, meta] = await Promise.all([
        import('@portal/shared/catalog/search'),
        readAllProcedures(db),
        readCatalogMeta(db),
      ])
      return createProcedureIndex(procedures, meta?.fields ?? [], meta?.agencyKinds ?? [])
    })()
    built = { version, index }
    // A failed build is dropped, so the next keystroke tries again.
    index.catch(() => {
      if (built?.index === index) built = undefined
    })
  }
  return built.index
}

/** `idle`: no query; `loading`: the index is being built; `done`: `hits` answer `query`. */
export type SearchState = 'idle' | 'loading' | 'done'

export function useProcedureSearch(query: Ref<string>) {
  const catalog = useCatalogStore()
  const hits = shallowRef<ProcedureHit[]>([])
  const state = ref<SearchState>('idle')
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0

  /** Starts building the index (on focus), so the first keystroke finds it ready. */
  function prepare(): void {
    if (catalog.version) void indexFor(catalog.version).catch(() => undefined)
  }

  async function run(text: string): Promise<void> {
    const ticket = ++latest
    if (!text.trim() || !catalog.version) {
      hits.value = []
      state.value = 'idle'
      return
    }
    if (state.value === 'idle') state.value = 'loading'
    try {
      const index = await indexFor(catalog.version)
      if (ticket !== latest) return
      hits.value = index.search(text, LIMIT)
      state.value = 'done'
    } catch (error) {
      log.warn('search index could not be built', error)
      if (ticket === latest) state.value = 'idle'
    }
  }

  watch(
    [query, () => catalog.version],
    ([text], [previous]) => {
      clearTimeout(timer)
      // The first query (e.g. from the URL) runs at once; typing is debounced.
      if (previous === undefined) void run(text)
      else timer = setTimeout(() => void run(text), DEBOUNCE_MS)
    },
    { immediate: true },
  )

  return { hits, state, prepare }
}
