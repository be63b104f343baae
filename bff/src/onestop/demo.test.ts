/**
 * The embedded defaults with the demo data: the real seed catalogue and agency directory, the
 * demo staff's roles as seeded at start (accounts/seed.ts), intake, the relay worker delivering
 * to the embedded one-stop-shop. The demo officers see and act on the dossiers submitted to
 * their agencies, and on no others.
 */
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, expect, it } from 'vitest'
import * as v from 'valibot'
import { canStartOnline, dossierDefinitionFor, hasElectronicForm } from '@portal/shared/forms/registry'
import type { Procedure } from '@portal/shared/catalog/schema'
import type { DossierSubmission } from '@portal/shared/dossiers/schema'
import { OfficerQueueSchema } from '@portal/shared/onestop/api'
import { Accounts } from '../accounts/repository.ts'
import { seedStaffRoles } from '../accounts/seed.ts'
import { AuditLog } from '../audit/log.ts'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { seedCatalog } from '../catalog/seed.ts'
import { fileBytes, post, ref, upload } from '../dossiers/testing.ts'
import { demoStaff } from '../idp/demo-accounts.ts'
import { createLogger } from '../log.ts'
import { relayFeature, type Relay } from '../relay/feature.ts'
import { fixedClock, testApp } from '../testing/app.ts'
import { oneStopOn } from './testing.ts'

const SEED_DIR = fileURLToPath(new URL('../catalog/seed', import.meta.url))
// Ủy ban nhân dân phường Phan Đình Phùng: canbo.pdp1 (reception), canbo.pdp2 (processing, approval).
// Sở Tư pháp (000.00.01.H55): canbo.stp1 (reception), canbo.stp2.
const WARD = '000.00.D8.H55'

let t: ReturnType<typeof testApp>
let relay: Relay
beforeEach(() => {
  // Wednesday 1 July 2026, 09:00 in Vietnam.
  t = testApp({ catalog: null })
  t.clock.set('2026-07-01T02:00:00.000Z')
  const logger = createLogger('silent')
  seedCatalog(t.store, { dir: SEED_DIR, syntheticSize: 0 }, logger)
  seedStaffRoles(new Accounts(t.db), new AuditLog(t.db, t.clock, logger), t.config.oidc.issuer, demoStaff, t.clock.now())
  // The relay as server.ts starts it, delivering to the embedded one-stop-shop on the same database.
  relay = relayFeature({ db: t.db, clock: fixedClock('2026-07-01T02:00:00.000Z'), config: t.config, logger, worker: { idleCheckMs: 50 } })
  relay.attach(oneStopOn(t, relay.inbound).connector)
  relay.start()
})
afterEach(async () => {
  await relay.stop()
  t.cleanup()
})

const staff = (username: string): TestPerson => {
  const s = demoStaff.find((d) => d.username === username)!
  return signedIn(t, { sub: s.sub, mfa: true, profile: { name: s.name } })
}

/** A procedure of `kind` submitted online without an electronic form, with a file for every component. */
async function submit(citizen: TestPerson, kind: string, communeCode?: string): Promise<string> {
  const procedure = t.store
    .snapshot()
    .procedures.find((p: Procedure) => p.agencyKind === kind && canStartOnline(p) && !hasElectronicForm(p.code) && p.processingTime.options.length > 0)!
  const definition = await dossierDefinitionFor(procedure)
  const components: DossierSubmission['components'] = []
  for (const rule of definition.components) {
    const bytes = fileBytes('image/jpeg', 1200, `${rule.id}-${randomUUID()}`)
    expect((await upload(t.app, citizen, bytes)).res.status).toBe(204)
    components.push({ componentId: rule.id, files: [ref(bytes)] })
  }
  const submission: DossierSubmission = {
    id: randomUUID(),
    procedureCode: procedure.code,
    ...(communeCode ? { communeCode } : {}),
    form: {},
    components,
    resultDelivery: { method: 'online' },
  }
  const res = await post(t.app, citizen, submission)
  expect(res.status, await res.clone().text()).toBe(201)
  return submission.id
}

async function relayed(id: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (t.db.$client.prepare('SELECT 1 FROM onestop_dossiers WHERE id = ?').get(id)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`dossier ${id} never reached the one-stop-shop`)
}

const queueIds = async (person: TestPerson) => {
  const res = await t.app.request('/api/officer/dossiers', { headers: person.headers })
  expect(res.status).toBe(200)
  return v.parse(OfficerQueueSchema, await res.json()).items.map((i) => i.id)
}
const act = (person: TestPerson, id: string, body: unknown) => t.app.request(`/api/officer/dossiers/${id}/actions`, { method: 'POST', headers: person.headers, body: JSON.stringify(body) })

it('the demo officers see and act on the dossiers submitted to their agencies, and only those', async () => {
  const citizen = signedIn(t, { sub: 'citizen', profile: { name: 'Nguyễn Văn An' } })
  const wardCommune = t.store.snapshot().agencies.agencies.find((a) => a.code === WARD)!.communeCode!
  const atWard = await submit(citizen, 'commune-committee', wardCommune)
  const atJustice = await submit(citizen, 'department-justice')
  await relayed(atWard)
  await relayed(atJustice)

  const pdp1 = staff('canbo.pdp1')
  const pdp2 = staff('canbo.pdp2')
  const stp1 = staff('canbo.stp1')
  expect(await queueIds(pdp1)).toEqual([atWard])
  expect(await queueIds(stp1)).toEqual([atJustice])
  expect((await t.app.request(`/api/officer/dossiers/${atJustice}`, { headers: pdp1.headers })).status).toBe(404)

  expect((await act(pdp1, atWard, { type: 'receive' })).status).toBe(200)
  expect((await act(pdp2, atWard, { type: 'startProcessing', unit: WARD })).status).toBe(200)
  expect((await act(stp1, atJustice, { type: 'receive' })).status).toBe(200)
  expect((await act(stp1, atWard, { type: 'refuse', reasons: ['Không thuộc thẩm quyền'] })).status).toBe(404)

  // The applicant's copy follows (the relay's inbound applied the events).
  const view = async (id: string) => ((await (await t.app.request(`/api/dossiers/${id}`, { headers: citizen.headers })).json()) as { status: string }).status
  expect(await view(atWard)).toBe('processing')
  expect(await view(atJustice)).toBe('accepted')
})
