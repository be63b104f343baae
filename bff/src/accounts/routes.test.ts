/**
 * Administration of roles and the officer's agency view: who may call them (401 before 400,
 * 403 for the wrong role or no second factor), what they change, and what the audit log says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuditLog } from '../audit/log.ts'
import { tryOthersIds } from '../auth/testing/idor.ts'
import { signedIn } from '../auth/testing/sessions.ts'
import { createLogger } from '../log.ts'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'
import { directory } from '../testing/fixtures.ts'

let t: ReturnType<typeof testApp>
beforeEach(() => {
  t = testApp()
})
afterEach(() => t.cleanup())

const [AGENCY_A, AGENCY_B] = directory.agencies.map((a) => a.code)
const actions = () => [...new AuditLog(t.db, t.clock, createLogger('silent')).entries()].map((e) => `${e.action} ${e.target}`)

describe('admin API', () => {
  it('refuses strangers (401, even with bad input), citizens and officers (403), and an admin without MFA (403)', async () => {
    const write = { Origin: TEST_ORIGIN, 'X-Requested-With': 'portal', 'Content-Type': 'application/json' }
    expect((await t.app.request('/api/admin/users')).status).toBe(401)
    expect((await t.app.request('/api/admin/users/x/roles', { method: 'POST', headers: write, body: '{' })).status).toBe(401)
    const citizen = signedIn(t, { sub: 'citizen' })
    const officer = signedIn(t, { sub: 'officer', roles: [{ role: 'officer', duty: 'reception', agencyCode: AGENCY_A ?? '' }] })
    const weakAdmin = signedIn(t, { sub: 'weak-admin', roles: [{ role: 'administrator' }], mfa: false })
    for (const person of [citizen, officer]) expect((await t.app.request('/api/admin/users', { headers: person.headers })).status).toBe(403)
    const res = await t.app.request('/api/admin/users', { headers: weakAdmin.headers })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { type: string }).type).toMatch(/mfa-required$/)
  })

  it('lists users, grants and revokes a role, each in the audit log', async () => {
    const admin = signedIn(t, { sub: 'admin', roles: [{ role: 'administrator' }] })
    const bob = signedIn(t, { sub: 'bob' })
    const list = (await (await t.app.request('/api/admin/users', { headers: admin.headers })).json()) as { users: { id: number; sub: string; roles: unknown[] }[] }
    expect(list.users.map((u) => u.sub)).toEqual(['admin', 'bob'])

    const grant = await t.app.request(`/api/admin/users/${bob.userId}/roles`, {
      method: 'POST',
      headers: admin.headers,
      body: JSON.stringify({ role: 'officer', duty: 'processing', agencyCode: AGENCY_B }),
    })
    expect(grant.status).toBe(201)
    const role = (await grant.json()) as { id: number }
    // Bob's existing session sees the role at once (a role change empties the session cache), but as an
    // officer only with a second factor: his session has none.
    expect((await t.app.request(`/api/officer/agencies/${AGENCY_B}`, { headers: bob.headers })).status).toBe(403)

    const bad = await t.app.request(`/api/admin/users/${bob.userId}/roles`, { method: 'POST', headers: admin.headers, body: JSON.stringify({ role: 'officer', duty: 'boss', agencyCode: 'NOPE' }) })
    expect(bad.status).toBe(400)
    const unknownAgency = await t.app.request(`/api/admin/users/${bob.userId}/roles`, { method: 'POST', headers: admin.headers, body: JSON.stringify({ role: 'officer', duty: 'approval', agencyCode: '999.99.99.H55' }) })
    expect(unknownAgency.status).toBe(400)

    expect((await t.app.request(`/api/admin/users/${bob.userId}/roles/${role.id}`, { method: 'DELETE', headers: admin.headers })).status).toBe(204)
    expect((await t.app.request(`/api/admin/users/${bob.userId}/roles/${role.id}`, { method: 'DELETE', headers: admin.headers })).status).toBe(404)
    expect(actions()).toEqual(['role.granted bob', 'role.revoked bob'])
  })

  it('an administrator cannot remove their own administrator role', async () => {
    const admin = signedIn(t, { sub: 'admin', roles: [{ role: 'administrator' }] })
    const list = (await (await t.app.request('/api/admin/users', { headers: admin.headers })).json()) as { users: { roles: { id: number }[] }[] }
    const roleId = list.users[0]?.roles[0]?.id
    expect((await t.app.request(`/api/admin/users/${admin.userId}/roles/${roleId}`, { method: 'DELETE', headers: admin.headers })).status).toBe(409)
  })

  it('unlocks an account at the embedded provider, recorded with the administrator', async () => {
    const admin = signedIn(t, { sub: 'admin', roles: [{ role: 'administrator' }] })
    const bob = signedIn(t, { sub: 'bob' })
    t.db.$client.prepare("INSERT INTO idp_account_state (sub, failed_attempts, locked_at, updated_at) VALUES ('bob', 5, '2026-07-01T07:00:00Z', '2026-07-01T07:00:00Z')").run()
    const users = (await (await t.app.request('/api/admin/users', { headers: admin.headers })).json()) as { users: { sub: string; locked: boolean }[] }
    expect(users.users.find((u) => u.sub === 'bob')?.locked).toBe(true)
    const res = await t.app.request(`/api/admin/users/${bob.userId}/unlock`, { method: 'POST', headers: admin.headers })
    expect(await res.json()).toEqual({ unlocked: true })
  })
})

describe('officer of one agency', () => {
  it("reaches their agency and not another's (API), with IDOR probes", async () => {
    const a = signedIn(t, { sub: 'officer-a', roles: [{ role: 'officer', duty: 'reception', agencyCode: AGENCY_A ?? '' }] })
    const res = await t.app.request(`/api/officer/agencies/${AGENCY_A}`, { headers: a.headers })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ agency: { code: AGENCY_A }, duties: ['reception'] })
    expect(await tryOthersIds(t.app, a, [{ method: 'GET', path: `/api/officer/agencies/${AGENCY_B}` }])).toEqual([])
    const citizen = signedIn(t, { sub: 'citizen' })
    expect((await t.app.request(`/api/officer/agencies/${AGENCY_A}`, { headers: citizen.headers })).status).toBe(403)
  })
})
