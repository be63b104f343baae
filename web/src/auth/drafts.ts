/**
 * Drafts and accounts on one device. Drafts are written signed out as well (offline first);
 * signing in gives the drafts that have no owner yet to that person, and signing out on a
 * shared device can remove that person's drafts (with their files) from it. Loaded lazily.
 */
import { portalDb } from '../db.ts'
import { deleteDraft } from '../drafts/repository.ts'

/** Gives ownerless drafts to `sub`; returns how many. */
export async function attachDrafts(sub: string): Promise<number> {
  const db = await portalDb()
  return db.drafts.filter((d) => d.ownerSub === undefined).modify({ ownerSub: sub })
}

export async function ownedDraftIds(sub: string): Promise<string[]> {
  const db = await portalDb()
  return (await db.drafts.filter((d) => d.ownerSub === sub).primaryKeys()) as string[]
}

export async function removeOwnedDrafts(sub: string): Promise<void> {
  const db = await portalDb()
  for (const id of await ownedDraftIds(sub)) await deleteDraft(db, id)
}
