import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { DossierLookupSchema } from '@portal/shared/lookup/schema'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { intakeCatalog } from '../dossiers/testing.ts'
import { testApp } from '../testing/app.ts'
import { LOOKUP_LIMIT, LOOKUP_WINDOW_MS } from './routes.ts'
import { advance, submitted } from './testing.ts'

let t: ReturnType<typeof testApp>
let alice: TestPerson
let dossier: { id: string; code: string }
beforeEach(async () => {
  t = testApp({ catalog: intakeCatalog() })
  alice = signedIn(t, { sub: 'alice', profile: { name: 'Nguyễn Văn An', identity_number: '019085004127' } })
  dossier = await submitted(t.app, alice)
})
afterEach(() => t.cleanup())

const lookup = (code: string, headers: Record<string, string> = {}) => t.app.request(`/api/lookup/${encodeURIComponent(code)}`, { headers })

async function problem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status)
  expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  expect(res.headers.get('Cache-Control')).toBe('no-store')
  const body = (await res.json()) as { type: string; title: string; detail?: string }
  expect(body.type).toMatch(new RegExp(`/${type}$`))
  return body
}

/** Received Thu 2/7/2026 09:00 for 5 working days (due Thu 9/7 17:00), processed, returned late on 10/7. */
const receivedThenReturnedLate = () => [
  { type: 'receive', at: '2026-07-02T09:00:00+07:00', unit: '000.00.01.H55', processingTime: { amount: 5, unit: 'working-days' } },
  { type: 'startProcessing', at: '2026-07-02T10:00:00+07:00', unit: 'H55.242' },
  { type: 'approve', at: '2026-07-09T16:00:00+07:00' },
  { type: 'returnResult', at: '2026-07-10T09:30:00+07:00', resultFile: 'a'.repeat(64) },
] as const

describe('GET /api/lookup/{dossierCode}', () => {
  it('tells anyone only the procedure, the status and the dates: nothing about the applicant', async () => {
    const res = await lookup(dossier.code)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toEqual({
      code: '000.00.01.H55-260701-0001',
      procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' },
      status: { code: 1, key: 'registered', name: 'Mới đăng ký' },
      submittedAt: '2026-07-01T15:00:00+07:00',
    })
    v.parse(DossierLookupSchema, body)
    const text = JSON.stringify(body)
    for (const secret of ['Nguyễn Văn An', '019085004127', dossier.id, 'a.jpg', 'Sở Tư pháp']) expect(text).not.toContain(secret)
  })

  it('gives the dates of receipt, appointment and return as the dossier moves (from its life)', async () => {
    advance(t, dossier.id, ...receivedThenReturnedLate())
    const body = (await (await lookup(dossier.code)).json()) as Record<string, unknown>
    expect(body).toEqual({
      code: dossier.code,
      procedure: { code: '2.000488', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam' },
      status: { code: 10, key: 'returned', name: 'Đã trả kết quả' },
      submittedAt: '2026-07-01T15:00:00+07:00',
      receivedAt: '2026-07-02T09:00:00+07:00',
      dueAt: '2026-07-09T17:00:00+07:00',
      returnedAt: '2026-07-10T09:30:00+07:00',
    })
  })

  it('accepts a code typed with spaces around it and small letters', async () => {
    const res = await lookup(`  ${dossier.code.toLowerCase()} `)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { code: string }).code).toBe(dossier.code)
  })

  it('gives the signed-in owner the agency, the unit and the history as well', async () => {
    advance(t, dossier.id, ...receivedThenReturnedLate().slice(0, 2))
    const body = v.parse(DossierLookupSchema, await (await lookup(dossier.code, alice.headers)).json())
    expect(body.status.key).toBe('processing')
    expect(body.owner).toEqual({
      id: dossier.id,
      agency: { code: '000.00.01.H55', name: 'Sở Tư pháp tỉnh Thái Nguyên' },
      unit: 'H55.242',
      history: [
        { status: 'registered', at: '2026-07-01T15:00:00+07:00' },
        { status: 'accepted', at: '2026-07-02T09:00:00+07:00', unit: '000.00.01.H55' },
        { status: 'processing', at: '2026-07-02T10:00:00+07:00', unit: 'H55.242' },
      ],
    })
  })

  it('gives another signed-in person only the public answer', async () => {
    const bob = signedIn(t, { sub: 'bob' })
    const [anonymous, asBob] = await Promise.all([lookup(dossier.code), lookup(dossier.code, bob.headers)])
    expect(await asBob.json()).toEqual(await anonymous.json())
  })

  it('answers an unknown code 404 with the same problem whatever the code', async () => {
    const bodies = []
    for (const code of ['000.00.01.H55-260701-0002', '000.00.00.H24-251127-9999', '000.00.01.H55-260701-00001']) bodies.push(await problem(await lookup(code), 404, 'not-found'))
    expect(new Set(bodies.map((b) => JSON.stringify({ ...b, instance: undefined }))).size).toBe(1)
    expect(bodies[0]!.detail).toBe('Không có hồ sơ nào mang mã này. Hãy kiểm tra lại mã trên giấy tiếp nhận.')
  })

  it.each([
    ['<script>', 'markup'],
    ['000.00.01.H55-260701', 'no number'],
    ['000.00.01.X55-260701-0001', 'not a province or ministry'],
    ['1.001193', 'a procedure code'],
    [`000.00.01.H55-260701-${'1'.repeat(40)}`, 'far too long'],
  ])('answers a malformed code (%s: %s) 400 invalid-input', async (code) => {
    await problem(await lookup(code), 400, 'invalid-input')
  })

  it(`refuses the ${LOOKUP_LIMIT + 1}st look-up within a minute with 429 and Retry-After, then lets the caller in again`, async () => {
    for (let i = 0; i < LOOKUP_LIMIT; i++) {
      const res = await lookup(i % 3 === 0 ? dossier.code : i % 3 === 1 ? `000.00.01.H55-260701-${String(i + 2).padStart(4, '0')}` : 'bad')
      expect([200, 404, 400]).toContain(res.status)
    }
    const refused = await lookup(dossier.code)
    const body = await problem(refused, 429, 'too-many-lookups')
    expect(body.title).toBe('Quá nhiều lượt tra cứu')
    expect(refused.headers.get('Retry-After')).toBe('60')

    t.clock.set(new Date(t.clock.now().getTime() + 20_000).toISOString())
    expect((await lookup(dossier.code)).headers.get('Retry-After')).toBe('40')
    t.clock.set(new Date(t.clock.now().getTime() + LOOKUP_WINDOW_MS - 20_000).toISOString())
    expect((await lookup(dossier.code)).status).toBe(200)
  })

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, { get?: { responses: Record<string, unknown> } }> }
    expect(Object.keys(doc.paths['/api/lookup/{dossierCode}']?.get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '404', '429']))
  })
})

describe('GET /tra-cuu (server page)', () => {
  const page = (query = '') => t.app.request(`/tra-cuu${query}`, { headers: { Accept: 'text/html' } })

  it('shows the form, for search engines too', async () => {
    const res = await page()
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>Tra cứu hồ sơ</h1>')
    expect(html).toContain('<form class="search" role="search" action="/tra-cuu" method="get"><label for="ma">Mã hồ sơ</label>')
    expect(html).toContain('<link rel="canonical" href="https://dichvucong.thainguyen.example/tra-cuu">')
    expect(html).not.toContain('noindex')
  })

  it('shows the public answer without JavaScript, and never the applicant', async () => {
    advance(t, dossier.id, ...receivedThenReturnedLate().slice(0, 1))
    const res = await page(`?ma=${encodeURIComponent(dossier.code)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain(`<h2 id="lookup-result">Hồ sơ ${dossier.code}</h2>`)
    expect(html).toContain('<div><dt>Tình trạng</dt><dd>Đã được tiếp nhận</dd></div>')
    expect(html).toContain('<div><dt>Ngày tiếp nhận</dt><dd>09:00 02/07/2026</dd></div>')
    expect(html).toContain('<div><dt>Ngày hẹn trả kết quả</dt><dd>17:00 09/07/2026</dd></div>')
    expect(html).toContain('<meta name="robots" content="noindex">')
    for (const secret of ['Nguyễn Văn An', '019085004127', dossier.id]) expect(html).not.toContain(secret)
  })

  it('says in plain Vietnamese what is wrong, keeping what was typed', async () => {
    const invalid = await page('?ma=%3Cb%3Eabc')
    expect(invalid.status).toBe(400)
    const html = await invalid.text()
    expect(html).toContain('<p class="problem" role="alert">Mã hồ sơ chưa đúng.')
    expect(html).toContain('value="&lt;b&gt;abc"')

    const unknown = await page('?ma=000.00.01.H55-260701-0009')
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain('Không tìm thấy hồ sơ mang mã này.')
  })

  it('shares the look-up limit with the API', async () => {
    for (let i = 0; i < LOOKUP_LIMIT; i++) await lookup(dossier.code)
    const res = await page(`?ma=${dossier.code}`)
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('60')
    expect(await res.text()).toContain('Bạn đã tra cứu quá nhiều lần trong một phút. Hãy thử lại sau 60 giây.')
    expect((await page()).status).toBe(200)
  })
})
