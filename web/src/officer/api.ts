/**
 * The officers' API of the embedded one-stop-shop (contract: shared/src/onestop/api.ts). Every
 * answer is checked against the shared schemas before a screen shows it: a BFF of another
 * version fails here, with a clear message, rather than half-rendering a dossier.
 *
 * @example const queue = await fetchQueue({ due: 'overdue' })
 * @example const dossier = await postAction(id, { type: 'approve' })
 */
import * as v from 'valibot'
import {
  OfficerDossierSchema,
  OfficerQueueSchema,
  OfficerUnitSchema,
  type OfficerAction,
  type OfficerDossier,
  type OfficerQueue,
  type OfficerUnit,
  type QueueFilter,
} from '@portal/shared/onestop/api'
import { api } from '../auth/api.ts'

/** The BFF answered something the contract does not allow. */
export class AnswerError extends Error {
  override name = 'AnswerError'
}

function checked<S extends v.GenericSchema>(schema: S, body: unknown, what: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, body)
  if (!parsed.success) throw new AnswerError(`${what}: ${v.summarize(parsed.issues)}`)
  return parsed.output
}

const UnitsSchema = v.array(OfficerUnitSchema)

/** The query string of a queue request: only the filters that are set, in a stable order. */
export function queueQuery(filter: QueueFilter): string {
  const params = new URLSearchParams()
  for (const key of ['agency', 'procedure', 'status', 'due', 'cursor'] as const) {
    const value = filter[key]
    if (value) params.set(key, value)
  }
  const query = params.toString()
  return query ? `?${query}` : ''
}

export async function fetchQueue(filter: QueueFilter): Promise<OfficerQueue> {
  return checked(OfficerQueueSchema, await api(`/api/officer/dossiers${queueQuery(filter)}`), 'queue')
}

export async function fetchDossier(id: string): Promise<OfficerDossier> {
  return checked(OfficerDossierSchema, await api(`/api/officer/dossiers/${encodeURIComponent(id)}`), 'dossier')
}

export async function fetchUnits(agency: string): Promise<OfficerUnit[]> {
  return checked(UnitsSchema, await api(`/api/officer/units?agency=${encodeURIComponent(agency)}`), 'units')
}

/** Carries out an action; the answer is the dossier after it. */
export async function postAction(id: string, action: OfficerAction): Promise<OfficerDossier> {
  const body = await api(`/api/officer/dossiers/${encodeURIComponent(id)}/actions`, { method: 'POST', json: action })
  return checked(OfficerDossierSchema, body, 'action')
}

/** A submitted file, as the officer's browser loads it (same origin: the session cookie goes along). */
export const fileUrl = (id: string, sha256: string) => `/api/officer/dossiers/${encodeURIComponent(id)}/files/${sha256}`

/** A slip (Mẫu 01–05) of a dossier, as an A5 PDF. */
export const slipUrl = (id: string, form: number) => `/api/dossiers/${encodeURIComponent(id)}/slips/${form}`

/** The register (Sổ theo dõi hồ sơ, Mẫu 06) of an agency for a date range (yyyy-mm-dd), as an A4 PDF. */
export const registerUrl = (agency: string, from: string, to: string) =>
  `/api/officer/register.pdf?${new URLSearchParams({ agency, from, to }).toString()}`
