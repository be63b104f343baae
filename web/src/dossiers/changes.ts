/**
 * Status changes of the signed-in person's dossiers, pulled by the server's cursor (a monotonic
 * sequence, never the device's clock): `GET /api/dossiers/changes?cursor=N`, page after page
 * while the server says `more`. The cursor is kept in `meta` per account, so two people on one
 * device each pull their own from where they stopped.
 */
import type { PortalDb } from '../db.ts'
import { isChanges } from './shape.ts'
import { storeViews } from './store.ts'

const MAX_PAGES = 50

export const cursorKey = (sub: string) => `dossiersCursor:${sub}`

const running = new Map<string, Promise<number>>()

/**
 * Pulls and stores every change after the stored cursor; returns how many dossiers changed. A
 * pull asked for while one runs for the same person joins it (the app's start and the page that
 * opens with it both ask): the same pages are not fetched twice.
 */
export function pullChanges(db: PortalDb, sub: string, fetch = globalThis.fetch, origin = location.origin): Promise<number> {
  const key = `${db.name}\n${sub}`
  let pull = running.get(key)
  if (!pull) {
    pull = pullPages(db, sub, fetch, origin).finally(() => running.delete(key))
    running.set(key, pull)
  }
  return pull
}

async function pullPages(db: PortalDb, sub: string, fetch: typeof globalThis.fetch, origin: string): Promise<number> {
  let changed = 0
  for (let page = 0; page < MAX_PAGES; page++) {
    const stored = (await db.meta.get(cursorKey(sub)))?.value
    const cursor = typeof stored === 'number' ? stored : 0
    const res = await fetch(new URL(`/api/dossiers/changes?cursor=${cursor}`, origin), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    if (!res.ok) throw new Error(`changes: status ${res.status}`)
    const answer: unknown = await res.json()
    if (!isChanges(answer)) throw new Error('changes: an answer of another shape')
    await db.transaction('rw', db.dossiers, db.meta, async () => {
      await storeViews(db, sub, answer.dossiers)
      await db.meta.put({ key: cursorKey(sub), value: answer.cursor })
    })
    changed += answer.dossiers.length
    if (!answer.more) break
  }
  return changed
}
