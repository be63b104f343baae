/**
 * Test helpers of the look-up: a dossier submitted through the real intake API, and its life
 * moved by the shared state machine and written to the portal's mirror (`dossiers.status`,
 * `dossiers.life`, `dossier_history`) as the relay's inbound handler writes it.
 */
import type { Hono } from 'hono'
import { HOLIDAYS_2025_2027 } from '@portal/shared/lifecycle/holidays'
import { registered, transition } from '@portal/shared/lifecycle/machine'
import type { DossierLifeState, LifeEvent } from '@portal/shared/lifecycle/types'
import type { TestPerson } from '../auth/testing/sessions.ts'
import { fileBytes, post, provinceSubmission, ref, upload } from '../dossiers/testing.ts'
import type { testApp } from '../testing/app.ts'

type TestApp = ReturnType<typeof testApp>

/** Submits a dossier (criminal record, Sở Tư pháp) for `person`; returns its id and code. */
export async function submitted(app: Hono, person: TestPerson, seed = 'a'): Promise<{ id: string; code: string }> {
  const bytes = fileBytes('image/jpeg', 3000, seed)
  const { res } = await upload(app, person, bytes, { name: `${seed}.jpg` })
  if (res.status !== 204) throw new Error(`upload: ${res.status}`)
  const submission = provinceSubmission([ref(bytes, 'image/jpeg', `${seed}.jpg`)])
  const answer = await post(app, person, submission)
  if (answer.status !== 201) throw new Error(`intake: ${answer.status} ${await answer.text()}`)
  const { code } = (await answer.json()) as { code: string }
  return { id: submission.id, code }
}

/** Applies `events` in order to the dossier's life and stores the result; returns the new life. */
export function advance(t: TestApp, dossierId: string, ...events: LifeEvent[]): DossierLifeState {
  const c = t.db.$client
  const row = c.prepare('SELECT submitted_at AS submittedAt, life FROM dossiers WHERE id = ?').get(dossierId) as { submittedAt: string; life: string | null }
  let state: DossierLifeState = row.life ? (JSON.parse(row.life) as DossierLifeState) : registered(row.submittedAt)
  const history = c.prepare('INSERT INTO dossier_history (dossier_id, status, at, event, unit, note) VALUES (?, ?, ?, ?, ?, ?)')
  for (const event of events) {
    const result = transition(state, event, { table: HOLIDAYS_2025_2027 })
    if (!result.ok) throw new Error(`${event.type} from ${state.status}: ${result.code}`)
    state = result.state
    const step = state.history.at(-1)!
    history.run(dossierId, state.status, event.at, event.type, step.unit ?? null, step.note ?? null)
  }
  c.prepare('UPDATE dossiers SET status = ?, life = ? WHERE id = ?').run(state.status, JSON.stringify(state), dossierId)
  return state
}
