/**
 * Catalogue sync: keeps the device's copy of the procedure catalogue current at the cost of one
 * small request when nothing changed.
 *
 * - No catalogue on the device: `GET /api/catalog`, stored whole with its ETag.
 * - A catalogue of version V: `GET /api/catalog/changes?since=V`, a diff (or `reset: true` with
 *   everything, when V is of another server epoch) applied in one transaction.
 * - A server that cannot diff from V (a 4xx on the changes URL, e.g. an older BFF): the full
 *   catalogue again, conditional on the stored ETag, so an unchanged one costs a 304.
 *
 * Both answers travel packed (shared/src/catalog/wire.ts: repeated long texts once in a table,
 * referenced by index). Each is unpacked (an index naming no text makes it invalid), then
 * validated with the schema of the stored model — in slices, so the page stays responsive —
 * before anything is written; an invalid one is logged and dropped. The device stores the plain model only, so
 * a catalogue stored before the packed format keeps working and takes diffs as before. Failures never touch the stored catalogue. They come back as a
 * `SyncFailure` reason — `network` (no answer), `http` (an error status), `invalid` (not the
 * schema), `storage` (IndexedDB refused the write) — for the store to show.
 */
import * as v from 'valibot'
import { CatalogChangesSchema, CatalogSchema } from '@portal/shared/catalog/schema'
import { unpackCatalog, unpackCatalogChanges } from '@portal/shared/catalog/wire'
import type { PortalDb } from '../db.ts'
import { log } from '../log.ts'
import { applyCatalogChanges, markChecked, readCatalogMeta, replaceCatalog, type CatalogMeta } from './local.ts'

export type SyncFailure = 'network' | 'http' | 'invalid' | 'storage'
export type SyncResult =
  | { ok: true; outcome: 'replaced' | 'updated' | 'unchanged' }
  | { ok: false; reason: SyncFailure }

export interface SyncDeps {
  db: PortalDb
  fetch?: typeof globalThis.fetch
  now?: () => number
}

/** A slow rural connection gets this long for the whole catalogue before the attempt is dropped. */
const TIMEOUT_MS = 30_000

class SyncError extends Error {
  constructor(
    readonly reason: SyncFailure,
    detail: string,
  ) {
    super(detail)
  }
}

/** Brings the device's catalogue up to date. Never throws: failures come back as a reason. */
export async function syncCatalog({ db, fetch = globalThis.fetch, now = Date.now }: SyncDeps): Promise<SyncResult> {
  const get = async (url: string, headers: Record<string, string> = {}): Promise<Response> => {
    try {
      return await fetch(url, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(TIMEOUT_MS) })
    } catch (error) {
      throw new SyncError('network', String(error))
    }
  }
  try {
    const meta = await readCatalogMeta(db)
    if (meta) {
      const response = await get(`/api/catalog/changes?since=${encodeURIComponent(meta.version)}`)
      if (response.ok) return await applyChanges(db, meta, response, now())
      if (response.status < 400 || response.status >= 500 || response.status === 429) {
        throw new SyncError('http', `changes: ${response.status}`)
      }
    }
    const response = await get('/api/catalog', meta?.etag ? { 'if-none-match': meta.etag } : {})
    if (response.status === 304 && meta) {
      await write(() => markChecked(db, now()))
      return { ok: true, outcome: 'unchanged' }
    }
    if (!response.ok) throw new SyncError('http', `catalog: ${response.status}`)
    const catalog = await parse(response, unpackCatalog, CatalogSchema, 'procedures')
    await write(() => replaceCatalog(db, catalog, response.headers.get('etag') ?? undefined, now()))
    return { ok: true, outcome: 'replaced' }
  } catch (error) {
    if (!(error instanceof SyncError)) throw error
    log.warn(`catalogue sync failed (${error.reason})`, error.message)
    return { ok: false, reason: error.reason }
  }
}

async function applyChanges(db: PortalDb, meta: CatalogMeta, response: Response, at: number): Promise<SyncResult> {
  const changes = await parse(response, unpackCatalogChanges, CatalogChangesSchema, 'changed')
  const nothing = !changes.reset && changes.version === meta.version && changes.changed.length === 0 && changes.removed.length === 0
  if (nothing) {
    await write(() => markChecked(db, at))
    return { ok: true, outcome: 'unchanged' }
  }
  await write(() => applyCatalogChanges(db, changes, at))
  return { ok: true, outcome: changes.reset ? 'replaced' : 'updated' }
}

/** Items checked between two yields to the page: a slice stays well under a 50 ms task on a slow phone. */
const SLICE = 25
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * The body checked and unpacked. Checking a whole catalogue at once is one long task of a few
 * hundred ms on a cheap phone (it blocked the first visit), so the envelope is checked first,
 * then the unpacked list item by item in slices, yielding to the page between slices. The wire
 * envelope is checked shallowly: unpacking rejects any index that names no text, and the
 * stored model's schema checks everything else.
 */
async function parse<W, S extends v.ObjectSchema<v.ObjectEntries, undefined>>(
  response: Response,
  unpack: (packed: W) => unknown,
  schema: S,
  list: 'procedures' | 'changed',
): Promise<v.InferOutput<S>> {
  let body: unknown
  try {
    body = await response.json()
  } catch (error) {
    throw new SyncError(error instanceof SyntaxError ? 'invalid' : 'network', `${response.url}: ${String(error)}`)
  }
  const invalid = (detail: string) => new SyncError('invalid', `${response.url}: ${detail}`)
  const check = <T extends v.GenericSchema>(s: T, input: unknown, at = '') => {
    const parsed = v.safeParse(s, input)
    if (!parsed.success) throw invalid(`${at}${v.summarize(parsed.issues)}`)
    return parsed.output
  }
  const envelope = v.object({ texts: v.array(v.string()), [list]: v.array(v.unknown()) })
  check(envelope, body)
  let plain: Record<string, unknown>
  try {
    plain = unpack(body as W) as Record<string, unknown>
  } catch (error) {
    // CatalogWireError (an index that names no text) or a shape unpacking cannot walk.
    throw invalid(String(error))
  }
  const items = plain[list] as unknown[]
  const head = check(v.object({ ...schema.entries, [list]: v.array(v.unknown()) }), plain)
  const itemSchema = (schema.entries[list] as v.ArraySchema<v.GenericSchema, undefined>).item
  const checked: unknown[] = []
  for (let i = 0; i < items.length; i += SLICE) {
    if (i > 0) await yieldToPage()
    for (let j = i; j < Math.min(i + SLICE, items.length); j++) checked.push(check(itemSchema, items[j], `${list}.${j}: `))
  }
  return { ...head, [list]: checked } as v.InferOutput<S>
}

async function write(run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (error) {
    throw new SyncError('storage', String(error))
  }
}
