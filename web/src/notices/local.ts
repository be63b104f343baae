/**
 * The inbox kept on the device: the newest page of a person's notices as last read from the
 * server, so that "Thông báo" opens with no network (issue 7: everything works over a connection
 * that comes and goes). The server stays the source: each successful read replaces that person's
 * kept notices, and a notice marked read is updated here too. Each row carries its account: on a
 * shared device each person sees only their own.
 */
import type { Notice } from '@portal/shared/notices/schema'
import type { PortalDb } from '../db.ts'

export type NoticeRow = Notice & { accountSub: string }

/** Replaces what the device keeps of `sub`'s notices with `notices` (the newest page). */
export async function keepNotices(db: PortalDb, sub: string, notices: readonly Notice[]): Promise<void> {
  await db.transaction('rw', db.notices, async () => {
    await db.notices.where('accountSub').equals(sub).delete()
    await db.notices.bulkPut(notices.map((notice) => ({ ...notice, accountSub: sub })))
  })
}

/** `sub`'s kept notices, newest first. */
export async function keptNotices(db: PortalDb, sub: string): Promise<Notice[]> {
  const rows = await db.notices.where('accountSub').equals(sub).toArray()
  return rows.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).map(({ accountSub: _, ...notice }) => notice)
}

/** Keeps a notice as the server now has it (marked read), if the device keeps it. */
export async function keepChanged(db: PortalDb, sub: string, notice: Notice): Promise<void> {
  await db.notices
    .where('id')
    .equals(notice.id)
    .and((row) => row.accountSub === sub)
    .modify((row) => {
      Object.assign(row, notice)
    })
}
