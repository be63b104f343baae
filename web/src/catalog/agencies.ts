/**
 * The agency directory (where to submit), cached in `meta` beside the catalogue. It is fetched
 * with the catalogue sync, conditionally on its ETag, and only a valid answer replaces the copy.
 */
import * as v from 'valibot'
import { AgencyDirectorySchema, type AgencyDirectory } from '@portal/shared/catalog/schema'
import type { PortalDb } from '../db.ts'
import { log } from '../log.ts'

const AGENCIES = 'agencies'
const StoredSchema = v.object({ etag: v.optional(v.string()), directory: AgencyDirectorySchema })

export async function readAgencies(db: PortalDb): Promise<AgencyDirectory | null> {
  const parsed = v.safeParse(StoredSchema, (await db.meta.get(AGENCIES))?.value)
  return parsed.success ? parsed.output.directory : null
}

/** Refreshes the cached directory. Failures are logged and leave the copy as it is. */
export async function syncAgencies(db: PortalDb, fetch = globalThis.fetch): Promise<void> {
  try {
    const stored = v.safeParse(StoredSchema, (await db.meta.get(AGENCIES))?.value)
    const etag = stored.success ? stored.output.etag : undefined
    const response = await fetch('/api/agencies', {
      headers: { accept: 'application/json', ...(etag ? { 'if-none-match': etag } : {}) },
    })
    if (response.status === 304) return
    if (!response.ok) throw new Error(`status ${response.status}`)
    const parsed = v.safeParse(AgencyDirectorySchema, await response.json())
    if (!parsed.success) throw new Error(v.summarize(parsed.issues))
    const value = { etag: response.headers.get('etag') ?? undefined, directory: parsed.output }
    await db.meta.put({ key: AGENCIES, value })
  } catch (error) {
    log.warn('agency directory not refreshed', error)
  }
}
