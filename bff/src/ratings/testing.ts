/**
 * Test helpers of the ratings and the statistics: dossiers driven through their life by real
 * intake and the embedded one-stop-shop's officer actions (as bff/src/slips/routes.test.ts does),
 * so what is rated and counted is what the portal really mirrors.
 */
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { fileBytes, sha256, upload } from '../dossiers/testing.ts'
import { JUSTICE, officer, oneStopOn, submitted } from '../onestop/testing.ts'
import type { testApp } from '../testing/app.ts'

type TestApp = ReturnType<typeof testApp>

export interface Desk {
  agency: string
  reception: TestPerson
  processing: TestPerson
  approval: TestPerson
}

/** Officers of `agency` with the three duties (a second factor, as officer roles need). */
export function desk(t: TestApp, agency = JUSTICE): Desk {
  const suffix = agency.replace(/\W/g, '')
  return {
    agency,
    reception: officer(t, `le-tan-${suffix}`, agency, ['reception']),
    processing: officer(t, `xu-ly-${suffix}`, agency, ['processing']),
    approval: officer(t, `lanh-dao-${suffix}`, agency, ['approval']),
  }
}

/** Sessions idle out after 15 minutes: everyone signs in again after the clock moved (roles stay). */
export function again(t: TestApp, person: TestPerson, mfa = false): TestPerson {
  return signedIn(t, { sub: person.sub, mfa })
}

export function deskAgain(t: TestApp, d: Desk): Desk {
  return { agency: d.agency, reception: again(t, d.reception, true), processing: again(t, d.processing, true), approval: again(t, d.approval, true) }
}

export async function act(t: TestApp, person: TestPerson, id: string, body: unknown): Promise<void> {
  const res = await t.app.request(`/api/officer/dossiers/${id}/actions`, { method: 'POST', headers: person.headers, body: JSON.stringify(body) })
  if (res.status !== 200) throw new Error(`${JSON.stringify(body)} answered ${res.status}: ${await res.text()}`)
}

/** Approves the dossier and returns its result (a PDF uploaded by tus first). */
export async function returnResult(t: TestApp, d: Desk, id: string): Promise<void> {
  await act(t, d.approval, id, { type: 'approve' })
  const result = fileBytes('application/pdf', 3000, `ket-qua-${id}`)
  const { res } = await upload(t.app, d.approval, result, { type: 'application/pdf', name: 'ket-qua.pdf' })
  if (res.status !== 204) throw new Error(`result upload answered ${res.status}`)
  await act(t, d.approval, id, { type: 'returnResult', resultSha256: sha256(result) })
}

/** A dossier of `citizen` submitted, received, processed and returned at the clock's time. */
export async function returnedDossier(t: TestApp, relayed: ReturnType<typeof oneStopOn>, citizen: TestPerson, d: Desk, options: Parameters<typeof submitted>[3] = {}) {
  const dossier = await submitted(t, relayed, citizen, options)
  await act(t, d.reception, dossier.id, { type: 'receive' })
  await act(t, d.processing, dossier.id, { type: 'startProcessing', unit: d.agency })
  await returnResult(t, d, dossier.id)
  return dossier
}
