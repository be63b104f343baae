/**
 * Catalogue state for the UI: what is on the device (version, fields, kinds, counts), when it
 * was last checked, and whether a sync is running or failed. Views read this; only sync writes
 * the catalogue.
 *
 * Sync runs on start (after the first render) and when the device comes back online, and when
 * the page becomes visible again at most once per SYNC_THROTTLE_MS (phones switch apps often).
 * Every start checks: it is the one moment the user is sure to look, and an unchanged catalogue
 * costs one small answer. The sync code and its schemas load on first use, off the first
 * render's critical path.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AgencyKind, Field } from '@portal/shared/catalog/schema'
import { portalDb } from '../db.ts'
import { log } from '../log.ts'
import { reportReachable } from '../offline/online.ts'
import { readCatalogMeta, readCheckedAt, readCounts, type CatalogCounts } from './local.ts'
import type { SyncFailure } from './sync.ts'

const SYNC_THROTTLE_MS = 5 * 60_000

const NO_COUNTS: CatalogCounts = { field: {}, agencyKind: {}, level: {} }

export const useCatalogStore = defineStore('catalog', () => {
  const version = ref<string | null>(null)
  const lastChecked = ref<number | null>(null)
  const fields = shallowRef<Field[]>([])
  const agencyKinds = shallowRef<AgencyKind[]>([])
  const counts = shallowRef<CatalogCounts>(NO_COUNTS)
  const total = ref(0)
  const syncing = ref(false)
  const error = ref<SyncFailure | null>(null)
  const loaded = computed(() => version.value !== null)

  let lastAttempt = 0
  let attempted = false
  let running: Promise<void> | null = null

  /** Reads the state of the catalogue on the device. */
  async function refresh(): Promise<void> {
    try {
      const db = await portalDb()
      const meta = await readCatalogMeta(db)
      const [checkedAt, indexCounts] = await Promise.all([readCheckedAt(db), readCounts(db)])
      version.value = meta?.version ?? null
      fields.value = meta?.fields ?? []
      agencyKinds.value = meta?.agencyKinds ?? []
      total.value = meta?.count ?? 0
      counts.value = meta ? indexCounts : NO_COUNTS
      lastChecked.value = checkedAt
      lastAttempt = Math.max(lastAttempt, checkedAt ?? 0)
    } catch (failure) {
      log.warn('catalogue could not be read from the device', failure)
      error.value = 'storage'
    }
  }

  async function run(): Promise<void> {
    syncing.value = true
    try {
      const db = await portalDb()
      const [{ syncCatalog }, { syncAgencies }] = await Promise.all([import('./sync.ts'), import('./agencies.ts')])
      const result = await syncCatalog({ db })
      error.value = result.ok ? null : result.reason
      reportReachable(result.ok || result.reason !== 'network')
      if (result.ok) await syncAgencies(db)
    } catch (failure) {
      log.warn('catalogue sync could not run', failure)
      error.value = 'storage'
    } finally {
      await refresh()
      syncing.value = false
    }
  }

  /** Checks the server for a newer catalogue; throttled unless forced; one run at a time. */
  function sync({ force = false } = {}): Promise<void> {
    if (running) return running
    if (!force && Date.now() - lastAttempt < SYNC_THROTTLE_MS) return Promise.resolve()
    lastAttempt = Date.now()
    attempted = true
    running = run().finally(() => {
      running = null
    })
    return running
  }

  /** After a read found nothing: re-reads the device and fetches again if the catalogue was lost. */
  async function verify(): Promise<void> {
    await refresh()
    if (!loaded.value) await sync({ force: true })
  }

  /** Listens for the moments to check; checks now unless start-up already did. */
  function startAutoSync(): void {
    window.addEventListener('online', () => void sync({ force: true }))
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void sync()
    })
    if (!attempted) void sync({ force: true })
  }

  return { version, lastChecked, fields, agencyKinds, counts, total, syncing, error, loaded, refresh, sync, verify, startAutoSync }
})
