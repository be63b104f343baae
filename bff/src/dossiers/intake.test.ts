import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { DOSSIER_CODE, DossierReceiptSchema, DossierViewSchema, type DossierReceipt } from '@portal/shared/dossiers/schema'
import { createApp } from '../app.ts'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { tryOthersIds } from '../auth/testing/idor.ts'
import { AuditLog } from '../audit/log.ts'
import { createLogger } from '../log.ts'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'
import { birth } from '../testing/fixtures.ts'
import { communeSubmission, fileBytes, intakeCatalog, post, provinceSubmission, ref, upload, type FileRef } from './testing.ts'

let t: ReturnType<typeof testApp>
beforeEach(() => {
  t = testApp({ catalog: intakeCatalog() })
})
afterEach(() => t.cleanup())

const TABLES = ['dossiers', 'dossier_files', 'dossier_history', 'relay_outbox', 'dossier_code_counters', 'dossier_sequence'] as const
const counts = () => Object.fromEntries(TABLES.map((table) => [table, (t.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]))
const NOTHING = Object.fromEntries(TABLES.map((table) => [table, 0]))

const alicesProfile = { name: 'Nguyễn Văn An', identity_number: '019085004127' }

/** Uploads one JPEG for `person` and returns its reference. */
async function uploaded(person: TestPerson, seed = 'a', size = 3000): Promise<FileRef> {
  const bytes = fileBytes('image/jpeg', size, seed)
  const { res } = await upload(t.app, person, bytes, { name: `${seed}.jpg` })
  expect(res.status).toBe(204)
  return ref(bytes, 'image/jpeg', `${seed}.jpg`)
}

interface ProblemBody {
  type: string
  status: number
  detail?: string
  errors?: { path: string; message: string }[]
  dossier?: unknown
}
async function problem(res: Response, status: number, type: string): Promise<ProblemBody> {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  const body = (await res.json()) as ProblemBody
  expect(body.type).toMatch(new RegExp(`/${type}$`))
  return body
}

describe('POST /api/dossiers', () => {
  it('takes a dossier whose files were uploaded: 201, a receipt with a server code, everything stored in one go', async () => {
    const alice = signedIn(t, { sub: 'alice', profile: alicesProfile })
    const file = await uploaded(alice)
    const submission = provinceSubmission([file])
    const res = await post(t.app, alice, submission)
    expect(res.status).toBe(201)
    expect(res.headers.get('Location')).toBe(`/api/dossiers/${submission.id}`)
    const receipt = v.parse(DossierReceiptSchema, await res.json())
    expect(receipt).toEqual({
      id: submission.id,
      code: '000.00.01.H55-260701-0001',
      procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' },
      agency: { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' },
      applicant: { name: 'Nguyễn Văn An', identityNumber: '019085004127' },
      receivedAt: '2026-07-01T15:00:00+07:00',
      components: [{ componentId: 'c1', label: 'Tờ khai theo mẫu', files: [{ name: 'a.jpg', sha256: file.sha256, size: 3000 }] }],
      resultDelivery: { method: 'at-agency' },
    })
    expect(counts()).toEqual({ dossiers: 1, dossier_files: 1, dossier_history: 1, relay_outbox: 1, dossier_code_counters: 1, dossier_sequence: 1 })
    const outbox = t.db.$client.prepare('SELECT dossier_id AS id, message FROM relay_outbox').get()
    expect(outbox).toEqual({ id: submission.id, message: 'submitted' })
    const audit = t.db.$client.prepare("SELECT actor, target, details FROM audit_log WHERE action = 'dossier.submitted'").all() as { actor: string; target: string; details: string }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor: 'alice', target: submission.id })
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ code: receipt.code, files: 1 })
  })

  it('writes the audit entry in the intake transaction: if it cannot be written, nothing is stored', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const file = await uploaded(alice)
    t.db.$client.exec("CREATE TEMP TRIGGER audit_refuses BEFORE INSERT ON audit_log WHEN NEW.action = 'dossier.submitted' BEGIN SELECT RAISE(ABORT, 'audit refused'); END")
    const before = counts()
    const res = await post(t.app, alice, provinceSubmission([file]))
    expect(res.status).toBe(500)
    expect(counts()).toEqual(before)
    t.db.$client.exec('DROP TRIGGER audit_refuses')
    const again = await post(t.app, alice, provinceSubmission([file]))
    expect(again.status).toBe(201)
    expect(((await again.json()) as DossierReceipt).code).toBe('000.00.01.H55-260701-0001')
    const chain = t.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }
    expect(chain.n).toBeGreaterThan(0)
  })

  it('answers a replay with the same receipt (200, same code), however the JSON is spelled', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const submission = provinceSubmission([await uploaded(alice)])
    const first = (await (await post(t.app, alice, submission)).json()) as DossierReceipt
    const before = counts()
    t.clock.set('2026-07-01T08:05:00.000Z')
    const again = await post(t.app, alice, submission)
    expect(again.status).toBe(200)
    expect(again.headers.get('Location')).toBe(`/api/dossiers/${submission.id}`)
    expect(await again.json()).toEqual(first)
    // Keys in another order, whitespace: the same content.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(submission).reverse()), null, 2)
    const third = await post(t.app, alice, reordered)
    expect(third.status).toBe(200)
    expect(((await third.json()) as DossierReceipt).code).toBe(first.code)
    expect(counts()).toEqual(before)
  })

  it('answers the same id with other content 409 dossier-conflict, carrying the dossier the server holds', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const file = await uploaded(alice)
    const submission = provinceSubmission([file])
    const receipt = (await (await post(t.app, alice, submission)).json()) as DossierReceipt
    const before = counts()
    const changed = { ...submission, resultDelivery: { method: 'online' as const } }
    const body = await problem(await post(t.app, alice, changed), 409, 'dossier-conflict')
    const dossier = v.parse(DossierViewSchema, body.dossier)
    expect(dossier).toMatchObject({ id: submission.id, code: receipt.code, status: 'registered', receipt })
    expect(counts()).toEqual(before)
  })

  it("answers another person's id 409 without showing their dossier", async () => {
    const alice = signedIn(t, { sub: 'alice', profile: alicesProfile })
    const bob = signedIn(t, { sub: 'bob' })
    const submission = provinceSubmission([await uploaded(alice)])
    const receipt = (await (await post(t.app, alice, submission)).json()) as DossierReceipt
    const bobsFile = await uploaded(bob, 'bob')
    for (const attempt of [submission, provinceSubmission([bobsFile], { id: submission.id })]) {
      const res = await post(t.app, bob, attempt)
      const text = await res.clone().text()
      const body = await problem(res, 409, 'dossier-id-taken')
      expect(body.dossier).toBeUndefined()
      expect(text).not.toContain(receipt.code)
      expect(text).not.toContain('Nguyễn Văn An')
    }
    expect(counts().dossiers).toBe(1)
  })

  it('numbers 200 concurrent dossiers across 3 agencies uniquely and without gaps', async () => {
    const people = Array.from({ length: 10 }, (_, i) => signedIn(t, { sub: `p${i}` }))
    const files = await Promise.all(people.map((p, i) => uploaded(p, `f${i}`)))
    const submissions = Array.from({ length: 200 }, (_, i) => {
      const who = i % people.length
      const file = files[who]!
      const which = i % 3
      const sub = which === 0 ? provinceSubmission([file]) : communeSubmission([file], which === 1 ? '05440' : '05443')
      return { person: people[who]!, sub }
    })
    const answers = await Promise.all(submissions.map(({ person, sub }) => post(t.app, person, sub)))
    expect(answers.map((r) => r.status)).toEqual(Array(200).fill(201))
    const codes = await Promise.all(answers.map(async (r) => ((await r.json()) as DossierReceipt).code))
    expect(new Set(codes).size).toBe(200)
    const byAgency = new Map<string, number[]>()
    for (const code of codes) {
      expect(code).toMatch(DOSSIER_CODE)
      const [agency, day, n] = code.split('-') as [string, string, string]
      expect(day).toBe('260701')
      byAgency.set(agency, [...(byAgency.get(agency) ?? []), Number(n)])
    }
    expect([...byAgency.keys()].sort()).toEqual(['000.00.01.H55', '000.01.01.H55', '000.02.01.H55'])
    for (const numbers of byAgency.values()) {
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1))
    }
    const seqs = (t.db.$client.prepare('SELECT seq FROM dossiers ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq)
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
    // Each with its audit entry, the chain whole.
    const audited = t.db.$client.prepare("SELECT count(DISTINCT target) AS n FROM audit_log WHERE action = 'dossier.submitted'").get() as { n: number }
    expect(audited.n).toBe(200)
    expect(new AuditLog(t.db, t.clock, createLogger('silent')).verify().ok).toBe(true)
  })

  it('answers the same id twice in one group commit exactly: the second sees the first (same receipt, or a conflict)', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const file = await uploaded(alice)
    const submission = provinceSubmission([file])
    const [a, b] = await Promise.all([post(t.app, alice, submission), post(t.app, alice, submission)])
    expect([a.status, b.status].sort()).toEqual([200, 201])
    const [ra, rb] = (await Promise.all([a.json(), b.json()])) as DossierReceipt[]
    expect(ra).toEqual(rb)
    const other = provinceSubmission([file])
    const renamed = { ...other, components: other.components.map((c) => ({ ...c, files: c.files.map((f) => ({ ...f, name: 'ten-khac.jpg' })) })) }
    const [c1, c2] = await Promise.all([post(t.app, alice, other), post(t.app, alice, renamed)])
    expect([c1.status, c2.status].sort()).toEqual([201, 409])
    expect(counts().dossiers).toBe(2)
    expect(new AuditLog(t.db, t.clock, createLogger('silent')).verify()).toEqual({ ok: true, count: expect.any(Number) as number })
  })

  it('starts each agency at 0001 on each Vietnam day (midnight is 17:00 UTC)', async () => {
    const file = await uploaded(signedIn(t, { sub: 'alice' }))
    // A fresh session at each time (sessions end after 15 idle minutes).
    const code = async () => ((await (await post(t.app, signedIn(t, { sub: 'alice' }), provinceSubmission([file]))).json()) as DossierReceipt)
    t.clock.set('2026-07-01T16:59:59.000Z')
    const late = await code()
    expect(late.code).toBe('000.00.01.H55-260701-0001')
    expect(late.receivedAt).toBe('2026-07-01T23:59:59+07:00')
    expect((await code()).code).toBe('000.00.01.H55-260701-0002')
    t.clock.set('2026-07-01T17:00:00.000Z')
    const next = await code()
    expect(next.code).toBe('000.00.01.H55-260702-0001')
    expect(next.receivedAt).toBe('2026-07-02T00:00:00+07:00')
  })

  it('widens the number past 9,999 in a day and logs a warning, never refusing', async () => {
    const lines: string[] = []
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) })
    const app = createApp({ db: t.db, clock: t.clock, config: t.config, logger: createLogger('warn', sink) })
    const alice = signedIn(t, { sub: 'alice' })
    const file = await uploaded(alice)
    t.db.$client.prepare("INSERT INTO dossier_code_counters (agency_code, day, last) VALUES ('000.00.01.H55', '260701', 9999)").run()
    const res = await post(app, alice, provinceSubmission([file]))
    expect(res.status).toBe(201)
    const { code } = (await res.json()) as DossierReceipt
    expect(code).toBe('000.00.01.H55-260701-10000')
    expect(code).toMatch(DOSSIER_CODE)
    const warning = lines.map((l) => JSON.parse(l) as { level: number; msg: string; number?: number }).find((l) => l.number === 10000)
    expect(warning).toMatchObject({ level: 40 })
  })
})

describe('POST /api/dossiers refuses, and stores nothing', () => {
  it('refuses a stranger 401 before looking at the body', async () => {
    for (const body of ['{}', 'not json', JSON.stringify(provinceSubmission([]))]) {
      const res = await t.app.request('/api/dossiers', { method: 'POST', headers: { Origin: TEST_ORIGIN, 'X-Requested-With': 'portal', 'Content-Type': 'application/json' }, body })
      expect(res.status).toBe(401)
    }
    const noHeader = await t.app.request('/api/dossiers', { method: 'POST', headers: { ...signedIn(t, { sub: 'x' }).headers, 'X-Requested-With': '' }, body: '{}' })
    expect(noHeader.status).toBe(403)
    expect(counts()).toEqual(NOTHING)
  })

  it('answers malformed input 400 with the paths: a malformed UUID, a bad hash', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const file = await uploaded(alice)
    const body = await problem(await post(t.app, alice, { ...provinceSubmission([{ ...file, sha256: 'XYZ' }]), id: 'not-a-uuid' }), 400, 'invalid-input')
    expect(body.errors?.map((e) => e.path)).toEqual(['id', 'components.0.files.0.sha256'])
    await problem(await post(t.app, alice, '{"id":'), 400, 'invalid-input')
    expect(counts()).toEqual(NOTHING)
  })

  it('answers a body over 256 KB 413 problem+json', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const big = provinceSubmission([await uploaded(alice)], { form: { note: 'x'.repeat(300 * 1024) } })
    await problem(await post(t.app, alice, big), 413, 'payload-too-large')
    expect(counts()).toEqual(NOTHING)
  })

  it("refuses a reference to another person's upload exactly as one to bytes nobody uploaded (422)", async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const mallory = signedIn(t, { sub: 'mallory' })
    const alicesFile = await uploaded(alice, 'secret')
    const nobodys = ref(fileBytes('image/jpeg', 3000, 'nobody'), 'image/jpeg', 'secret.jpg')
    const messages: string[] = []
    for (const file of [alicesFile, { ...nobodys, name: alicesFile.name }]) {
      const body = await problem(await post(t.app, mallory, provinceSubmission([file])), 422, 'dossier-invalid')
      expect(body.errors).toHaveLength(1)
      expect(body.errors![0]!.path).toBe('components.c1')
      messages.push(body.errors![0]!.message)
    }
    expect(messages[0]).toBe(messages[1])
    // Her own file with another size or type is not hers either.
    const body = await problem(await post(t.app, alice, provinceSubmission([{ ...alicesFile, size: alicesFile.size + 1 }])), 422, 'dossier-invalid')
    expect(body.errors![0]!.message).toBe(messages[0])
    expect(counts()).toEqual(NOTHING)
  })

  it('lists missing required components, too many files, unknown components and types not accepted', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const file = await uploaded(alice)
    const missing = await problem(await post(t.app, alice, provinceSubmission([], { components: [] })), 422, 'dossier-invalid')
    expect(missing.errors).toEqual([{ path: 'components.c1', message: 'Thiếu thành phần bắt buộc "Tờ khai theo mẫu": cần ít nhất 1 tệp.' }])
    const many = await problem(
      await post(t.app, alice, provinceSubmission([], { components: [{ componentId: 'c1', files: Array(6).fill(file) }, { componentId: 'zz', files: [file] }] })),
      422,
      'dossier-invalid',
    )
    expect(many.errors?.map((e) => e.path)).toEqual(['components.c1', 'components.zz'])
    expect(many.errors?.[0]?.message).toMatch(/nhiều nhất 5 tệp/)
    expect(counts()).toEqual(NOTHING)
  })

  it('lists every form fault with its path and Vietnamese message, and the missing commune (422)', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const body = await problem(
      await post(t.app, alice, provinceSubmission([], { procedureCode: birth.code, form: { childName: 'Bình', childBirthDate: '31/02/2026', birthCase: 'normal' }, components: [] })),
      422,
      'dossier-invalid',
    )
    const paths = body.errors!.map((e) => e.path)
    expect(paths).toContain('form.childBirthDate')
    expect(paths).toContain('form.birthPlace')
    expect(paths).not.toContain('form.birthCase')
    // The birth case makes the birth certificate (c6) required.
    expect(paths).toContain('components.c6')
    expect(paths).toContain('communeCode')
    expect(body.errors!.find((e) => e.path === 'form.birthPlace')!.message).toMatch(/^Vui lòng/)
    expect(counts()).toEqual(NOTHING)
  })

  it('refuses an unknown procedure, one not taken online, and a commune without its agency', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const file = await uploaded(alice)
    const unknown = await problem(await post(t.app, alice, provinceSubmission([file], { procedureCode: '9.999999' })), 422, 'dossier-invalid')
    expect(unknown.errors?.[0]?.path).toBe('procedureCode')
    const noAgency = await problem(await post(t.app, alice, communeSubmission([file], '05440', { communeCode: '99999' })), 422, 'dossier-invalid')
    expect(noAgency.errors?.map((e) => e.path)).toEqual(['communeCode'])
    expect(counts()).toEqual(NOTHING)
  })
})

describe('GET /api/dossiers/…', () => {
  it('refuses a stranger 401 on every route, before validating', async () => {
    const headers = { Origin: TEST_ORIGIN }
    for (const path of ['/api/dossiers/changes?cursor=abc', '/api/dossiers/changes', '/api/dossiers/not-a-uuid', `/api/dossiers/${randomUUID()}`, `/api/dossiers/${randomUUID()}/receipt.pdf`]) {
      expect((await t.app.request(path, { headers })).status, path).toBe(401)
    }
  })

  it("shows a dossier to its owner only (others' ids are 404)", async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const mallory = signedIn(t, { sub: 'mallory' })
    const submission = provinceSubmission([await uploaded(alice)])
    const receipt = (await (await post(t.app, alice, submission)).json()) as DossierReceipt
    const res = await t.app.request(`/api/dossiers/${submission.id}`, { headers: alice.headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const view = v.parse(DossierViewSchema, await res.json())
    expect(view).toEqual({
      id: submission.id,
      code: receipt.code,
      procedureCode: '2.000488',
      status: 'registered',
      submittedAt: receipt.receivedAt,
      updatedAt: receipt.receivedAt,
      seq: 1,
      receipt,
      history: [{ status: 'registered', at: receipt.receivedAt }],
      // Just registered: nothing received, due or issued yet.
      progress: { slips: [] },
    })
    const leaks = await tryOthersIds(t.app, mallory, [
      { method: 'GET', path: `/api/dossiers/${submission.id}` },
      { method: 'GET', path: `/api/dossiers/${submission.id}/receipt.pdf` },
    ])
    expect(leaks).toEqual([])
    expect((await t.app.request(`/api/dossiers/${randomUUID()}`, { headers: alice.headers })).status).toBe(404)
    expect((await t.app.request('/api/dossiers/not-a-uuid', { headers: alice.headers })).status).toBe(400)
  })

  it('gives my changes after a cursor, and nobody else’s', async () => {
    const alice = signedIn(t, { sub: 'alice' })
    const bob = signedIn(t, { sub: 'bob' })
    const aliceFile = await uploaded(alice)
    const bobFile = await uploaded(bob, 'b')
    const a1 = provinceSubmission([aliceFile])
    const b1 = provinceSubmission([bobFile])
    const a2 = provinceSubmission([aliceFile])
    for (const [who, sub] of [[alice, a1], [bob, b1], [alice, a2]] as const) expect((await post(t.app, who, sub)).status).toBe(201)

    const changes = async (person: TestPerson, query: string) => t.app.request(`/api/dossiers/changes${query}`, { headers: person.headers })
    const all = (await (await changes(alice, '?cursor=0')).json()) as { cursor: number; dossiers: { id: string; seq: number }[]; more: boolean }
    expect(all.dossiers.map((d) => d.id)).toEqual([a1.id, a2.id])
    expect(all.cursor).toBe(3)
    expect(all.more).toBe(false)
    const after = (await (await changes(alice, '?cursor=1')).json()) as typeof all
    expect(after.dossiers.map((d) => d.id)).toEqual([a2.id])
    const none = (await (await changes(alice, `?cursor=${all.cursor}`)).json()) as typeof all
    expect(none).toEqual({ cursor: 3, dossiers: [], more: false })
    expect(((await (await changes(alice, '')).json()) as typeof all).dossiers).toHaveLength(2)
    const bobs = (await (await changes(bob, '?cursor=0')).json()) as typeof all
    expect(bobs.dossiers.map((d) => d.id)).toEqual([b1.id])
    for (const bad of ['?cursor=-1', '?cursor=abc', '?cursor=1.5']) await problem(await changes(alice, bad), 400, 'invalid-input')

    // Gzipped for a client that asks (phones catching up after days offline), the same JSON inside.
    const zipped = await t.app.request('/api/dossiers/changes?cursor=0', { headers: { ...alice.headers, 'Accept-Encoding': 'gzip' } })
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip')
    expect(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'))).toEqual(all)
  })
})
