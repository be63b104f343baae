/**
 * The look-up answer from a stored dossier: the public tier for anyone, plus `owner` for the
 * signed-in owner (shared/src/lookup/schema.ts says what each tier holds and why). Built from
 * an explicit list of fields, never by removing fields from a fuller object, so nothing new
 * added to a dossier can leak into the public answer by accident.
 */
import { DOSSIER_STATUS } from '@portal/shared/dossiers/schema'
import type { DossierLookup } from '@portal/shared/lookup/schema'
import type { LookupHistoryRow, LookupRow } from './repository.ts'
import { STATUS_NAMES } from './texts.ts'

/** When the result was returned: the step of the life that returned it. */
function returnedAt(row: LookupRow): string | undefined {
  if (row.status !== 'returned') return undefined
  return row.life?.history.filter((step) => step.event === 'returnResult').at(-1)?.at
}

/** The public tier: procedure, status, dates (TT 01/2018 Art. 16). */
export function publicAnswer(row: LookupRow): DossierLookup {
  const received = row.life?.receivedAt
  const due = row.life?.dueAt
  const returned = returnedAt(row)
  return {
    code: row.code,
    procedure: { code: row.procedure.code, name: row.procedure.name },
    status: { code: DOSSIER_STATUS[row.status], key: row.status, name: STATUS_NAMES[row.status] },
    submittedAt: row.submittedAt,
    ...(received ? { receivedAt: received } : {}),
    ...(due ? { dueAt: due } : {}),
    ...(returned ? { returnedAt: returned } : {}),
  }
}

/** The owner's tier: the public one with the agency, the unit holding it and its history. */
export function ownerAnswer(row: LookupRow, history: LookupHistoryRow[]): DossierLookup {
  const unit = row.life?.unit
  return {
    ...publicAnswer(row),
    owner: {
      id: row.id,
      agency: { code: row.agency.code, name: row.agency.name },
      ...(unit ? { unit } : {}),
      history: history.map((step) => ({
        status: step.status,
        at: step.at,
        ...(step.unit ? { unit: step.unit } : {}),
        ...(step.note ? { note: step.note } : {}),
      })),
    },
  }
}
