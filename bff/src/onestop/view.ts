/**
 * What officers see of a dossier (shared/src/onestop/api.ts): a queue line, and the dossier page
 * with its history, supplement requests (each with what the applicant sent to answer it), slips
 * issued and the actions they may take now.
 * Overdue and soon-due are computed at read time from the clock and the holiday table, and only
 * for open dossiers (a closed one keeps its due date as a fact, with no flag).
 */
import type { DossierReceipt, DossierSubmission } from '@portal/shared/dossiers/schema'
import type { HolidayTable } from '@portal/shared/lifecycle/holidays'
import type { HistoryEntry } from '@portal/shared/lifecycle/types'
import { dueSoon, isOverdue } from '@portal/shared/lifecycle/working-days'
import type { OfficerDossier, OfficerQueueItem, OfficerSupplement } from '@portal/shared/onestop/api'
import type { Duty } from '../accounts/roles.ts'
import { allowedFor } from './duties.ts'
import { OneStopRepository, type OneStopRow, type Recorded, type SuppliedRow } from './repository.ts'

type SlipForm = OfficerDossier['slips'][number]

/** The slip (Mẫu 01–05) each step issues; a supplement answered before receipt issues none. */
function slipOf(entry: HistoryEntry): SlipForm | undefined {
  switch (entry.event) {
    case 'receive':
      return 1
    case 'supplementReceived':
      return entry.to === 'registered' ? undefined : 1
    case 'requestSupplement':
      return 2
    case 'refuse':
      return 3
    case 'apologiseLate':
      return 4
    case 'startProcessing':
    case 'transfer':
      return 5
    default:
      return undefined
  }
}

export function queueItem(row: OneStopRow, now: Date, table: HolidayTable): OfficerQueueItem {
  const state = OneStopRepository.state(row)
  const open = row.rank === 0 && state.dueAt !== undefined
  return {
    id: row.id,
    code: row.code,
    procedure: { code: row.procedureCode, name: row.procedureName },
    agencyCode: row.agencyCode,
    applicantName: row.applicantName,
    status: state.status,
    registeredAt: row.registeredAt,
    ...(state.dueAt ? { dueAt: state.dueAt } : {}),
    overdue: open && isOverdue(now, state.dueAt!),
    dueSoon: open && dueSoon(now, state.dueAt!, table),
    ...(state.unit ? { unit: state.unit } : {}),
  }
}

/**
 * What a supplement brought, as the page shows it: each component with the receipt's label for
 * it (a supplement only names components of the dossier) and its files in the order sent.
 */
function supplied(found: SuppliedRow, receipt: DossierReceipt): Pick<OfficerSupplement, 'components' | 'note' | 'form'> {
  const labels = new Map(receipt.components.map((c) => [c.componentId, c.label]))
  return {
    components: found.components.map((c) => {
      const label = labels.get(c.componentId)
      return { componentId: c.componentId, ...(label ? { label } : {}), files: c.files.map((f) => ({ sha256: f.sha256, name: f.name, type: f.type, size: f.size })) }
    }),
    ...(found.note ? { note: found.note } : {}),
    ...(found.form ? { form: found.form } : {}),
  }
}

/** The dossier page; `recorded` names who caused each event and what each supplement brought, `duties` are the reader's at the dossier's agency. */
export function officerDossier(row: OneStopRow, recorded: Recorded, duties: readonly Duty[], now: Date, table: HolidayTable): OfficerDossier {
  const state = OneStopRepository.state(row)
  const receipt = JSON.parse(row.receipt) as DossierReceipt
  const slips = new Set<SlipForm>()
  for (const entry of state.history) {
    const slip = slipOf(entry)
    if (slip) slips.add(slip)
  }
  return {
    ...queueItem(row, now, table),
    submission: JSON.parse(row.submission) as DossierSubmission,
    receipt,
    // One history entry per applied event, in order: entry i is event i + 1.
    history: state.history.map((entry, i) => {
      const actor = recorded.actors.get(i + 1)
      return { ...entry, ...(actor ? { actor } : {}) }
    }),
    supplements: state.supplements.map((s, i) => {
      const found = recorded.supplied.get(i)
      return { requestedAt: s.requestedAt, items: s.items, ...(s.receivedAt ? { receivedAt: s.receivedAt } : {}), ...(found ? supplied(found, receipt) : {}) }
    }),
    apologyUsed: state.apologyUsed,
    ...(state.resultFile ? { resultSha256: state.resultFile } : {}),
    allowed: allowedFor(state.status, duties),
    slips: [...slips].sort(),
  }
}
