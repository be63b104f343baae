/**
 * The agency directory's admin API on a real app and SQLite file: who may call it, the rules of
 * edits.ts as answers (400/404/409), each edit as a new catalogue version that the app's
 * conditional requests pick up, deactivation as intake sees it, the audit log, and the seed file
 * no longer replacing an edited directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DirectoryEdit, DirectoryView } from '@portal/shared/catalog/directory'
import type { AgencyDirectory } from '@portal/shared/catalog/schema'
import { AuditLog } from '../../audit/log.ts'
import { signedIn, type TestPerson } from '../../auth/testing/sessions.ts'
import { communeSubmission, intakeCatalog, post, ref, fileBytes, upload } from '../../dossiers/testing.ts'
import { createLogger } from '../../log.ts'
import { TEST_ORIGIN, testApp } from '../../testing/app.ts'
import { agencyKinds, directory as seededDirectory, fields } from '../../testing/fixtures.ts'
import { seedCatalog } from '../seed.ts'

let t: ReturnType<typeof testApp>
let admin: TestPerson
beforeEach(() => {
  t = testApp({ catalog: intakeCatalog() })
  admin = signedIn(t, { sub: 'admin', roles: [{ role: 'administrator' }] })
})
afterEach(() => t.cleanup())

const JUSTICE = '000.00.01.H55'
const PHUNG = '000.01.01.H55'
const DAI_PHUC = '000.02.01.H55'
const civilStatusUnit = { code: '001.00.01.H55', name: 'Phòng Hành chính tư pháp', nameEn: 'Civil Administration Division', kind: 'department-justice', parent: JUSTICE, unit: true }

const audit = () => [...new AuditLog(t.db, t.clock, createLogger('silent')).entries()].filter((e) => e.action.startsWith('agency.'))

function call(method: string, path: string, body?: unknown, person: TestPerson = admin) {
  if (body === undefined) {
    const headers = { ...person.headers }
    delete headers['Content-Type']
    return t.app.request(path, { method, headers })
  }
  return t.app.request(path, { method, headers: person.headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
}

async function problem(res: Response, status: number): Promise<{ type: string; detail?: string; errors?: { path: string }[] }> {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  return (await res.json()) as { type: string; detail?: string; errors?: { path: string }[] }
}

async function edited(res: Response, status = 200): Promise<DirectoryEdit> {
  expect(res.status).toBe(status)
  return (await res.json()) as DirectoryEdit
}

const adminView = async () => (await (await call('GET', '/api/admin/agencies')).json()) as DirectoryView
const publicCodes = async () => ((await (await t.app.request('/api/agencies')).json()) as AgencyDirectory).agencies.map((a) => a.code)

describe('who may edit the directory', () => {
  it('strangers get 401 (even with bad input); citizens and officers 403; an administrator without a second factor 403', async () => {
    const routes = [
      ['GET', '/api/admin/agencies'],
      ['POST', '/api/admin/agencies'],
      ['PATCH', `/api/admin/agencies/${JUSTICE}`],
      ['POST', `/api/admin/agencies/${JUSTICE}/deactivate`],
      ['POST', `/api/admin/agencies/${JUSTICE}/reactivate`],
      ['DELETE', `/api/admin/agencies/${JUSTICE}`],
    ] as const
    const write = { Origin: TEST_ORIGIN, 'X-Requested-With': 'portal', 'Content-Type': 'application/json' }
    const citizen = signedIn(t, { sub: 'citizen' })
    const officer = signedIn(t, { sub: 'officer', roles: [{ role: 'officer', duty: 'approval', agencyCode: JUSTICE }] })
    const weakAdmin = signedIn(t, { sub: 'weak-admin', roles: [{ role: 'administrator' }], mfa: false })
    for (const [method, path] of routes) {
      expect((await t.app.request(path, { method, headers: write, body: method === 'GET' ? null : '{"code":' })).status, `${method} ${path}`).toBe(401)
      const body = method === 'GET' || !path.endsWith('agencies') ? (method === 'PATCH' ? { name: 'x' } : undefined) : civilStatusUnit
      for (const person of [citizen, officer]) expect((await call(method, path, body, person)).status, `${method} ${path} ${person.sub}`).toBe(403)
      expect((await problem(await call(method, path, body, weakAdmin), 403)).type).toMatch(/mfa-required$/)
    }
    expect(audit()).toEqual([])
    expect(await publicCodes()).toEqual(seededDirectory.agencies.map((a) => a.code))
  })
})

describe('editing', () => {
  it('lists every entry with what names it', async () => {
    signedIn(t, { sub: 'officer', roles: [{ role: 'officer', duty: 'reception', agencyCode: PHUNG }] })
    const view = await adminView()
    expect(view.version).toBe(t.store.version())
    expect(view.edited).toBeNull()
    expect(view.kinds.map((k) => k.id)).toEqual(agencyKinds.map((k) => k.id))
    expect(view.agencies.map((a) => [a.code, a.references])).toEqual([
      [JUSTICE, { dossiers: 0, roles: 0, units: 0 }],
      [PHUNG, { dossiers: 0, roles: 1, units: 0 }],
      [DAI_PHUC, { dossiers: 0, roles: 0, units: 0 }],
    ])
  })

  it('adds a unit under a department: a new version, in the admin list, not in the public directory', async () => {
    const before = t.store.version()
    const result = await edited(await call('POST', '/api/admin/agencies', { ...civilStatusUnit, name: ' Phòng Hành chính tư pháp ' }), 201)
    expect(result.agency).toEqual(civilStatusUnit)
    expect(result.version).not.toBe(before)
    expect(t.store.version()).toBe(result.version)
    expect((await adminView()).agencies.find((a) => a.code === JUSTICE)?.references.units).toBe(1)
    expect(await publicCodes()).not.toContain(civilStatusUnit.code)
    expect(t.store.snapshot().directory.agencies.map((a) => a.code)).toContain(civilStatusUnit.code)
    expect(audit().map((e) => `${e.actor} ${e.action} ${e.target}`)).toEqual([`admin agency.added ${civilStatusUnit.code}`])
    expect(audit()[0]?.details).toMatchObject({ before: null, after: civilStatusUnit, version: result.version })
  })

  it('adds a commune agency that the public directory carries at once', async () => {
    const ward = { code: '000.03.01.H55', name: 'UBND phường Quyết Thắng', nameEn: 'Quyet Thang Ward', kind: 'commune-committee', communeCode: '05446', address: 'Phường Quyết Thắng', phone: '0208 3855 000' }
    expect((await edited(await call('POST', '/api/admin/agencies', ward), 201)).agency).toEqual(ward)
    expect(await publicCodes()).toContain(ward.code)
  })

  it('renames and moves an agency; a change that changes nothing publishes nothing', async () => {
    const renamed = await edited(await call('PATCH', `/api/admin/agencies/${PHUNG}`, { name: 'UBND phường Phan Đình Phùng (mới)', address: 'Số 1 đường Hoàng Văn Thụ' }))
    expect(renamed.agency).toMatchObject({ code: PHUNG, name: 'UBND phường Phan Đình Phùng (mới)', address: 'Số 1 đường Hoàng Văn Thụ' })
    const cleared = await edited(await call('PATCH', `/api/admin/agencies/${PHUNG}`, { address: null }))
    expect(cleared.agency).not.toHaveProperty('address')
    const same = await edited(await call('PATCH', `/api/admin/agencies/${PHUNG}`, { name: 'UBND phường Phan Đình Phùng (mới)' }))
    expect(same.version).toBe(cleared.version)
    expect(audit().map((e) => e.action)).toEqual(['agency.changed', 'agency.changed'])

    await edited(await call('POST', '/api/admin/agencies', civilStatusUnit), 201)
    const moved = await edited(await call('PATCH', `/api/admin/agencies/${civilStatusUnit.code}`, { parent: PHUNG, kind: 'commune-committee' }))
    expect(moved.agency).toMatchObject({ parent: PHUNG, unit: true })
    const notUnit = await edited(await call('PATCH', `/api/admin/agencies/${civilStatusUnit.code}`, { unit: false, parent: null }))
    expect(notUnit.agency).not.toHaveProperty('unit')
    expect(notUnit.agency).not.toHaveProperty('parent')
  })

  it('deactivates rather than removes what dossiers name; intake then refuses that commune', async () => {
    const citizen = signedIn(t, { sub: 'citizen' })
    const bytes = fileBytes('image/jpeg', 2048, 'directory')
    expect((await upload(t.app, citizen, bytes)).res.status).toBe(204)
    expect((await post(t.app, citizen, communeSubmission([ref(bytes)], '05443'))).status).toBe(201)
    expect((await adminView()).agencies.find((a) => a.code === DAI_PHUC)?.references.dossiers).toBe(1)

    const refused = await problem(await call('DELETE', `/api/admin/agencies/${DAI_PHUC}`), 409)
    expect(refused.type).toMatch(/agency-referenced$/)
    expect(refused.detail).toContain('1 hồ sơ')

    const off = await edited(await call('POST', `/api/admin/agencies/${DAI_PHUC}/deactivate`))
    expect(off.agency.inactive).toBe(true)
    expect(await publicCodes()).not.toContain(DAI_PHUC)
    expect((await adminView()).agencies.find((a) => a.code === DAI_PHUC)).toMatchObject({ inactive: true, references: { dossiers: 1 } })
    expect((await problem(await call('POST', `/api/admin/agencies/${DAI_PHUC}/deactivate`), 409)).type).toMatch(/agency-state$/)

    const again = fileBytes('image/jpeg', 2048, 'directory-2')
    await upload(t.app, citizen, again)
    expect((await post(t.app, citizen, communeSubmission([ref(again)], '05443'))).status).toBe(422)

    const on = await edited(await call('POST', `/api/admin/agencies/${DAI_PHUC}/reactivate`))
    expect(on.agency).not.toHaveProperty('inactive')
    expect(await publicCodes()).toContain(DAI_PHUC)
    expect((await problem(await call('POST', `/api/admin/agencies/${DAI_PHUC}/reactivate`), 409)).type).toMatch(/agency-state$/)
    expect(audit().map((e) => e.action)).toEqual(['agency.deactivated', 'agency.reactivated'])
  })

  it('removes an entry nothing names; refuses one named by a role or by a unit', async () => {
    signedIn(t, { sub: 'officer', roles: [{ role: 'officer', duty: 'reception', agencyCode: PHUNG }] })
    expect((await problem(await call('DELETE', `/api/admin/agencies/${PHUNG}`), 409)).detail).toContain('1 vai trò cán bộ')
    await edited(await call('POST', '/api/admin/agencies', civilStatusUnit), 201)
    expect((await problem(await call('DELETE', `/api/admin/agencies/${JUSTICE}`), 409)).detail).toContain('1 đơn vị trực thuộc')
    const deactivateParent = await problem(await call('POST', `/api/admin/agencies/${JUSTICE}/deactivate`), 409)
    expect(deactivateParent.detail).toContain(civilStatusUnit.code)

    expect((await call('DELETE', `/api/admin/agencies/${civilStatusUnit.code}`)).status).toBe(204)
    expect((await adminView()).agencies.map((a) => a.code)).not.toContain(civilStatusUnit.code)
    expect(audit().map((e) => e.action)).toEqual(['agency.added', 'agency.removed'])
    expect(audit()[1]?.details).toMatchObject({ before: civilStatusUnit, after: null })
  })

  it('a unit cannot be reactivated under a deactivated parent', async () => {
    await edited(await call('POST', '/api/admin/agencies', civilStatusUnit), 201)
    await edited(await call('POST', `/api/admin/agencies/${civilStatusUnit.code}/deactivate`))
    await edited(await call('POST', `/api/admin/agencies/${JUSTICE}/deactivate`))
    expect((await problem(await call('POST', `/api/admin/agencies/${civilStatusUnit.code}/reactivate`), 409)).detail).toContain(JUSTICE)
  })
})

describe('bad input', () => {
  const unit = civilStatusUnit
  const badAdds: [string, unknown, number, string][] = [
    ['a code not shaped per TT 10/2016', { ...unit, code: 'H55.242' }, 400, 'code'],
    ['a code of another province', { ...unit, code: '001.00.01.H56' }, 400, 'code'],
    ['an unknown kind', { ...unit, kind: 'department-magic' }, 400, 'kind'],
    ['a kind that is not an id', { ...unit, kind: 'Sở Tư pháp' }, 400, 'kind'],
    ['an unknown parent', { ...unit, parent: '000.00.99.H55' }, 400, 'parent'],
    ['a unit without a parent', { ...unit, parent: undefined }, 400, 'parent'],
    ['an empty name', { ...unit, name: ' ' }, 400, 'name'],
    ['no English name', { ...unit, nameEn: undefined }, 400, 'nameEn'],
    ['a commune code of 4 digits', { ...unit, communeCode: '5443' }, 400, 'communeCode'],
    ['a phone that is not one', { ...unit, phone: 'call me' }, 400, 'phone'],
    ['unit that is not a boolean', { ...unit, unit: 'yes' }, 400, 'unit'],
    ['an unknown field', { ...unit, inactive: true }, 400, 'inactive'],
  ]
  for (const [what, body, status, path] of badAdds) {
    it(`POST refuses ${what} (${status} naming ${path})`, async () => {
      const p = await problem(await call('POST', '/api/admin/agencies', body), status)
      expect(p.type).toMatch(/invalid-input$/)
      expect(p.errors?.map((e) => e.path)).toContain(path)
    })
  }

  it('POST refuses a code that is taken (409), also by a deactivated entry', async () => {
    expect((await problem(await call('POST', '/api/admin/agencies', { ...unit, code: JUSTICE }), 409)).type).toMatch(/agency-exists$/)
    await call('POST', `/api/admin/agencies/${DAI_PHUC}/deactivate`)
    expect((await problem(await call('POST', '/api/admin/agencies', { ...unit, code: DAI_PHUC }), 409)).detail).toContain('kích hoạt lại')
  })

  it('POST refuses a second active agency of one kind for one commune (409)', async () => {
    const twin = { code: '000.09.01.H55', name: 'UBND xã Đại Phúc (trùng)', nameEn: 'Twin', kind: 'commune-committee', communeCode: '05443' }
    expect((await problem(await call('POST', '/api/admin/agencies', twin), 409)).type).toMatch(/agency-commune-taken$/)
  })

  it('POST refuses malformed JSON and a body that is not an object', async () => {
    await problem(await call('POST', '/api/admin/agencies', '{"code":'), 400)
    await problem(await call('POST', '/api/admin/agencies', '[]'), 400)
  })

  it('PATCH refuses an empty change, a new code, a parent that makes a cycle or is itself, a bad path code; 404 for an unknown one', async () => {
    await call('POST', '/api/admin/agencies', unit)
    await problem(await call('PATCH', `/api/admin/agencies/${JUSTICE}`, {}), 400)
    expect((await problem(await call('PATCH', `/api/admin/agencies/${JUSTICE}`, { code: '000.00.09.H55' }), 400)).errors?.map((e) => e.path)).toContain('code')
    expect((await problem(await call('PATCH', `/api/admin/agencies/${JUSTICE}`, { parent: unit.code }), 400)).errors?.map((e) => e.path)).toContain('parent')
    expect((await problem(await call('PATCH', `/api/admin/agencies/${JUSTICE}`, { parent: JUSTICE }), 400)).errors?.map((e) => e.path)).toContain('parent')
    expect((await problem(await call('PATCH', `/api/admin/agencies/${unit.code}`, { parent: null }), 400)).errors?.map((e) => e.path)).toContain('parent')
    await problem(await call('PATCH', `/api/admin/agencies/${JUSTICE}`, { name: null }), 400)
    await problem(await call('PATCH', '/api/admin/agencies/not-a-code', { name: 'x' }), 400)
    expect((await problem(await call('PATCH', '/api/admin/agencies/000.00.99.H55', { name: 'x' }), 404)).type).toMatch(/not-found$/)
    expect((await problem(await call('PATCH', `/api/admin/agencies/${DAI_PHUC}`, { communeCode: '05440' }), 409)).type).toMatch(/agency-commune-taken$/)
  })

  it('deactivate, reactivate and remove answer 404 for an unknown code and 400 for a malformed one', async () => {
    for (const action of ['deactivate', 'reactivate']) {
      await problem(await call('POST', `/api/admin/agencies/000.00.99.H55/${action}`), 404)
      await problem(await call('POST', `/api/admin/agencies/nope/${action}`), 400)
    }
    await problem(await call('DELETE', '/api/admin/agencies/000.00.99.H55'), 404)
    await problem(await call('DELETE', '/api/admin/agencies/nope'), 400)
  })

  it('changes nothing on a refused request', async () => {
    const version = t.store.version()
    await call('POST', '/api/admin/agencies', { ...unit, kind: 'department-magic' })
    await call('PATCH', `/api/admin/agencies/${JUSTICE}`, { parent: JUSTICE })
    await call('DELETE', '/api/admin/agencies/000.00.99.H55')
    expect(t.store.version()).toBe(version)
    expect(audit()).toEqual([])
  })
})

describe('devices pick an edit up', () => {
  it('the conditional GET /api/agencies answers 304 before the edit and 200 with it after; the catalogue version moves', async () => {
    const first = await t.app.request('/api/agencies', { headers: { 'Accept-Encoding': 'br' } })
    const etag = first.headers.get('ETag') ?? ''
    expect(etag).not.toBe('')
    const again = await t.app.request('/api/agencies', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    const since = t.store.version()

    const { version } = await edited(await call('PATCH', `/api/admin/agencies/${JUSTICE}`, { name: 'Sở Tư pháp tỉnh Thái Nguyên (trụ sở mới)' }))

    const after = await t.app.request('/api/agencies', { headers: { 'If-None-Match': etag } })
    expect(after.status).toBe(200)
    expect(after.headers.get('ETag')).not.toBe(etag)
    const directory = (await after.json()) as AgencyDirectory
    expect(directory.agencies.find((a) => a.code === JUSTICE)?.name).toBe('Sở Tư pháp tỉnh Thái Nguyên (trụ sở mới)')
    const changes = await t.app.request(`/api/catalog/changes?since=${since}`)
    expect(((await changes.json()) as { version: string }).version).toBe(version)
  })
})

describe('the seed file and an edited directory', () => {
  function seedDir(agencies: AgencyDirectory): string {
    const dir = join(t.dir, 'seed')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'agencies.json'), JSON.stringify(agencies))
    writeFileSync(join(dir, 'fields.json'), JSON.stringify(fields))
    writeFileSync(join(dir, 'agency-kinds.json'), JSON.stringify(agencyKinds))
    return dir
  }
  const renamedInFile: AgencyDirectory = { ...seededDirectory, agencies: seededDirectory.agencies.map((a) => (a.code === JUSTICE ? { ...a, name: 'Tên trong tệp' } : a)) }

  it('applies the file until an administrator edits the directory, then keeps the edits across restarts', async () => {
    const logger = createLogger('silent')
    seedCatalog(t.store, { dir: seedDir(renamedInFile), syntheticSize: 0 }, logger)
    expect(t.store.snapshot().directory.agencies.find((a) => a.code === JUSTICE)?.name).toBe('Tên trong tệp')

    await edited(await call('PATCH', `/api/admin/agencies/${JUSTICE}`, { name: 'Tên do quản trị viên sửa' }))
    seedCatalog(t.store, { dir: seedDir(seededDirectory), syntheticSize: 0 }, logger)
    expect(t.store.snapshot().directory.agencies.find((a) => a.code === JUSTICE)?.name).toBe('Tên do quản trị viên sửa')
    expect((await adminView()).edited).toEqual({ at: t.clock.now().toISOString(), by: 'admin' })
  })
})
