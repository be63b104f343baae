/**
 * A dossier's life through the real app for the applicant-side tests: real intake, officers
 * acting through the embedded one-stop-shop's routes, and the relay's outbox delivered to the
 * embedded connector the way the worker does it (`due` heads in order, `message`, `delivered`),
 * so a supplement or a withdrawal goes out exactly as stored, and its status event comes back
 * through the relay's inbound handler into the portal's mirror.
 */
import { expect } from 'vitest'
import * as v from 'valibot'
import { DossierViewSchema, type DossierView } from '@portal/shared/dossiers/schema'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { JUSTICE, officer, oneStopCatalog, oneStopOn } from '../onestop/testing.ts'
import { RelayOutbox } from '../relay/outbox.ts'
import { testApp } from '../testing/app.ts'

export function lifeHarness() {
  const t = testApp({ catalog: oneStopCatalog() })
  const relayed = oneStopOn(t)
  const people = {
    citizen: signedIn(t, { sub: 'citizen', profile: { name: 'Nguyễn Văn An' } }),
    stranger: signedIn(t, { sub: 'stranger' }),
    reception: officer(t, 'le-tan', JUSTICE, ['reception'], 'Đỗ Thị Mai'),
    processing: officer(t, 'xu-ly', JUSTICE, ['processing'], 'Ngô Văn Thành'),
    approval: officer(t, 'lanh-dao', JUSTICE, ['approval'], 'Lê Văn Bình'),
  }
  const outbox = new RelayOutbox(t.db, t.clock)

  /** Moves the clock; everybody signs in again (sessions idle out after 15 minutes; roles stay). */
  function later(iso: string): void {
    t.clock.set(iso)
    for (const [name, p] of Object.entries(people) as [keyof typeof people, TestPerson][]) {
      people[name] = signedIn(t, { sub: p.sub, mfa: name !== 'citizen' && name !== 'stranger' })
    }
  }

  async function act(person: TestPerson, id: string, body: unknown): Promise<void> {
    const res = await t.app.request(`/api/officer/dossiers/${id}/actions`, { method: 'POST', headers: person.headers, body: JSON.stringify(body) })
    expect(res.status, await res.clone().text()).toBe(200)
  }

  /** Delivers every relay message due, in order per dossier, as the worker would; returns the kinds delivered. */
  async function relay(): Promise<string[]> {
    const kinds: string[] = []
    for (;;) {
      const due = outbox.due(Number.MAX_SAFE_INTEGER, [], 50)
      if (due.length === 0) return kinds
      for (const row of due) {
        const ack = await relayed.connector.deliver(outbox.message(row), new AbortController().signal)
        await outbox.delivered(row, ack)
        kinds.push(row.kind)
      }
    }
  }

  async function view(person: TestPerson, id: string): Promise<DossierView> {
    const res = await t.app.request(`/api/dossiers/${id}`, { headers: person.headers })
    expect(res.status, await res.clone().text()).toBe(200)
    return v.parse(DossierViewSchema, await res.json())
  }

  const post = (person: TestPerson, path: string, body: unknown) =>
    t.app.request(path, { method: 'POST', headers: person.headers, body: typeof body === 'string' ? body : JSON.stringify(body) })

  /** What must not move when a step is refused: the dossier row, its history, its relay messages, its steps, the audit log's length. */
  const snapshot = (id: string) => ({
    dossier: t.db.$client.prepare('SELECT * FROM dossiers WHERE id = ?').get(id),
    history: t.db.$client.prepare('SELECT * FROM dossier_history WHERE dossier_id = ? ORDER BY id').all(id),
    outbox: t.db.$client.prepare('SELECT id, message, payload FROM relay_outbox WHERE dossier_id = ? ORDER BY id').all(id),
    steps: t.db.$client.prepare('SELECT * FROM dossier_steps WHERE dossier_id = ?').all(id),
    audit: (t.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  })

  return { t, relayed, people, later, act, relay, view, post, snapshot }
}

interface ProblemBody {
  type: string
  title: string
  detail?: string
  errors?: { path: string; message: string }[]
}

export async function problem(res: Response, status: number, type: string): Promise<ProblemBody> {
  const body = (await res.json()) as ProblemBody
  expect(res.status, JSON.stringify(body)).toBe(status)
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  expect(body.type).toMatch(new RegExp(`/${type}$`))
  return body
}
