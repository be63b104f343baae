/**
 * Test helpers of the look-up: a dossier submitted through the real intake API, and moved
 * through its life by status events applied by the relay's real inbound handler (as if the
 * one-stop-shop had sent them), which writes the portal's mirror the look-up reads.
 */
import type { Hono } from 'hono'
import type { LifeEvent } from '@portal/shared/lifecycle/types'
import { AuditLog } from '../audit/log.ts'
import type { TestPerson } from '../auth/testing/sessions.ts'
import { fileBytes, post, provinceSubmission, ref, upload } from '../dossiers/testing.ts'
import { createLogger } from '../log.ts'
import { RelayInbound } from '../relay/inbound.ts'
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

/** Applies `events` in order, as the one-stop-shop's next status events for the dossier. */
export function advance(t: TestApp, dossierId: string, ...events: LifeEvent[]): void {
  const logger = createLogger('silent')
  const inbound = new RelayInbound({ db: t.db, clock: t.clock, logger, audit: new AuditLog(t.db, t.clock, logger) })
  const last = () => (t.db.$client.prepare('SELECT last_event_seq AS seq FROM dossiers WHERE id = ?').get(dossierId) as { seq: number }).seq
  for (const event of events) {
    const outcome = inbound.accept({ dossierId, seq: last() + 1, event })
    if (outcome.outcome !== 'applied') throw new Error(`${event.type}: ${JSON.stringify(outcome)}`)
  }
}
