/** Whether administrators have edited the agency directory: the seed file then no longer replaces it. */
import { eq } from 'drizzle-orm'
import type { Queryable } from '../../db/open.ts'
import { agencyDirectoryEdits } from './table.ts'

/** When and by whom the directory was last edited, or undefined while it is the seed's. */
export function directoryEdit(db: Queryable): { at: string; by: string } | undefined {
  const row = db.select().from(agencyDirectoryEdits).where(eq(agencyDirectoryEdits.id, 1)).get()
  return row ? { at: row.editedAt, by: row.editedBy } : undefined
}
