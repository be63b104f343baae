/**
 * Which officer duty may cause which event (docs/lifecycle.md, "Who may do what"). Reception
 * takes the dossier in or turns it away; processing moves it between units and prepares the
 * decision; approval decides, returns it and answers for its date. `supplementReceived` and
 * `withdraw` are the applicant's, never an officer's: they come through the relay.
 */
import { ALLOWED } from '@portal/shared/lifecycle/machine'
import type { EventType } from '@portal/shared/lifecycle/types'
import type { DossierStatus } from '@portal/shared/dossiers/schema'
import type { OfficerAction } from '@portal/shared/onestop/api'
import type { Duty } from '../accounts/roles.ts'

export const DUTY_OF: Readonly<Record<OfficerAction['type'], Duty>> = {
  receive: 'reception',
  refuse: 'reception',
  requestSupplement: 'reception',
  startProcessing: 'processing',
  transfer: 'processing',
  recordOpinion: 'processing',
  requireFees: 'processing',
  feesPaid: 'processing',
  approve: 'approval',
  returnResult: 'approval',
  apologiseLate: 'approval',
  stop: 'approval',
}

/** Vietnamese names of the duties, for the 403 that says which one an action needs. */
export const DUTY_NAME: Readonly<Record<Duty, string>> = {
  reception: 'tiếp nhận',
  processing: 'xử lý',
  approval: 'phê duyệt',
}

const isOfficerEvent = (type: EventType): type is OfficerAction['type'] => type in DUTY_OF

/** The events the state machine allows in `status` that an officer with `duties` may cause. */
export function allowedFor(status: DossierStatus, duties: readonly Duty[]): OfficerAction['type'][] {
  return ALLOWED[status].filter(isOfficerEvent).filter((type) => duties.includes(DUTY_OF[type]))
}
