/**
 * The embedded notifier: each account's inbox in SQLite, and what the inbox routes read.
 * Notices are listed newest first by `seq`; a page ends where `seq` < the cursor.
 */
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm'
import type { DossierStatus } from '@portal/shared/dossiers/schema'
import type { Notice, NoticeContent, NoticeKind } from '@portal/shared/notices/schema'
import type { Db } from '../db/open.ts'
import type { Notifier, OutgoingNotice } from './notifier.ts'
import { notices } from './table.ts'

type NoticeRow = typeof notices.$inferSelect

function toNotice(row: NoticeRow): Notice {
  return {
    id: row.id,
    dossierId: row.dossierId,
    dossierCode: row.dossierCode,
    kind: row.kind as NoticeKind,
    status: row.status as DossierStatus,
    ...(JSON.parse(row.content) as NoticeContent),
    createdAt: row.createdAt,
    ...(row.readAt ? { readAt: row.readAt } : {}),
  }
}

export class Inbox implements Notifier {
  readonly name = 'embedded'

  constructor(private readonly db: Db) {}

  deliver(n: OutgoingNotice): boolean {
    const inserted = this.db
      .insert(notices)
      .values({
        id: n.id,
        userId: n.userId,
        dossierId: n.dossierId,
        dossierCode: n.dossierCode,
        step: n.step,
        kind: n.kind,
        status: n.status,
        content: JSON.stringify(n.content),
        createdAt: n.createdAt.toISOString(),
      })
      .onConflictDoNothing({ target: [notices.dossierId, notices.step] })
      .run()
    return inserted.changes === 1
  }

  /** The account's notices older than `before` (all when absent), newest first; one more than `limit` tells whether more follow. */
  page(userId: number, before: number | undefined, limit: number): { notices: Notice[]; next?: number } {
    const rows = this.db
      .select()
      .from(notices)
      .where(and(eq(notices.userId, userId), before === undefined ? undefined : lt(notices.seq, before)))
      .orderBy(desc(notices.seq))
      .limit(limit + 1)
      .all()
    const shown = rows.slice(0, limit)
    return { notices: shown.map(toNotice), ...(rows.length > limit ? { next: shown.at(-1)!.seq } : {}) }
  }

  unread(userId: number): number {
    const row = this.db
      .select({ n: sql<number>`count(*)` })
      .from(notices)
      .where(and(eq(notices.userId, userId), isNull(notices.readAt)))
      .get()
    return row?.n ?? 0
  }

  /** Marks one of the account's notices read (keeping the first time); undefined when it is not theirs. */
  markRead(userId: number, id: string, at: Date): Notice | undefined {
    const mine = and(eq(notices.id, id), eq(notices.userId, userId))
    this.db
      .update(notices)
      .set({ readAt: at.toISOString() })
      .where(and(mine, isNull(notices.readAt)))
      .run()
    const row = this.db.select().from(notices).where(mine).get()
    return row && toNotice(row)
  }
}
