/**
 * The queue's filters live in the page's URL (`/can-bo?due=overdue&status=processing`), so a
 * reload, the back button or a shared link shows the same list. What comes from a URL is
 * checked: an unknown status or due value is dropped rather than sent to the server.
 *
 * The server orders the queue (overdue first, then soon due, then by due date, then by
 * registration) and pages it by cursor; pages are appended as they come. A dossier whose place
 * changed between two pages (it was acted on meanwhile) could come twice: it is kept once, in
 * its latest state, where it first appeared.
 */
import * as v from 'valibot'
import type { LocationQuery } from 'vue-router'
import { ProcedureCodeSchema } from '@portal/shared/catalog/schema'
import { DossierStatusSchema } from '@portal/shared/dossiers/schema'
import type { OfficerQueueItem, QueueFilter } from '@portal/shared/onestop/api'

const DueSchema = v.picklist(['overdue', 'soon', 'all'])

/** The filters of a queue URL; the agency only when it is one of the officer's. */
export function filterFromQuery(query: LocationQuery, agencies: readonly string[]): QueueFilter {
  const one = (key: string) => {
    const value = query[key]
    return typeof value === 'string' && value ? value : undefined
  }
  const status = v.safeParse(DossierStatusSchema, one('status'))
  const due = v.safeParse(DueSchema, one('due'))
  const procedure = v.safeParse(ProcedureCodeSchema, one('procedure'))
  const agency = one('agency')
  return {
    ...(agency && agencies.includes(agency) ? { agency } : {}),
    ...(procedure.success ? { procedure: procedure.output } : {}),
    ...(status.success ? { status: status.output } : {}),
    ...(due.success && due.output !== 'all' ? { due: due.output } : {}),
  }
}

/** The URL query of a filter: only what is set ('all' is the default and left out). */
export function filterToQuery(filter: QueueFilter): Record<string, string> {
  const query: Record<string, string> = {}
  if (filter.agency) query.agency = filter.agency
  if (filter.procedure) query.procedure = filter.procedure
  if (filter.status) query.status = filter.status
  if (filter.due && filter.due !== 'all') query.due = filter.due
  return query
}

/** How a dossier stands against its due date, for the highlight and the flag. */
export function dueState(item: Pick<OfficerQueueItem, 'overdue' | 'dueSoon' | 'dueAt'>): 'overdue' | 'soon' | 'onTime' | 'none' {
  if (item.overdue) return 'overdue'
  if (item.dueSoon) return 'soon'
  return item.dueAt ? 'onTime' : 'none'
}

/** `shown` then the new page, each dossier once (its latest state, at its first place). */
export function mergePages(shown: readonly OfficerQueueItem[], page: readonly OfficerQueueItem[]): OfficerQueueItem[] {
  const latest = new Map(page.map((item) => [item.id, item]))
  const merged = shown.map((item) => latest.get(item.id) ?? item)
  const seen = new Set(merged.map((item) => item.id))
  return [...merged, ...page.filter((item) => !seen.has(item.id))]
}
