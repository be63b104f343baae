import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../log.ts'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'
import { errorHandlers } from './errors.ts'
import { originCheck } from './origin.ts'

describe('security headers', () => {
  let t: ReturnType<typeof testApp>
  beforeEach(() => {
    t = testApp()
  })
  afterEach(() => t.cleanup())

  it('are on every kind of answer: API, page, problem, 404 page', async () => {
    for (const [path, accept] of [['/api/catalog', '*/*'], ['/', 'text/html'], ['/api/nope', '*/*'], ['/nope.txt', 'text/html']] as const) {
      const res = await t.app.request(path, { headers: { Accept: accept } })
      const csp = res.headers.get('Content-Security-Policy') ?? ''
      expect(csp, path).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("img-src 'self' data: blob:")
      expect(csp).not.toContain('unsafe-inline')
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(res.headers.get('X-Frame-Options')).toBe('DENY')
      expect(res.headers.get('Strict-Transport-Security')).toMatch(/max-age=\d+/)
    }
  })

  it('the app refuses a cross-site write before routing', async () => {
    const res = await t.app.request('/api/catalog', { method: 'POST', headers: { Origin: 'https://evil.example' } })
    expect(res.status).toBe(403)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
  })
})

describe('Origin check on state-changing requests', () => {
  // A dummy write route: the app has none yet.
  const app = new Hono()
  const handlers = errorHandlers(createLogger('silent'), () => '<p>error</p>')
  app.onError(handlers.onError)
  app.use(originCheck([TEST_ORIGIN]))
  app.post('/write', (c) => c.json({ written: true }))
  app.get('/read', (c) => c.json({ read: true }))
  const post = (headers: Record<string, string>) => app.request('/write', { method: 'POST', headers })

  it('lets our own origin write', async () => {
    expect((await post({ Origin: TEST_ORIGIN })).status).toBe(200)
  })

  it('refuses another origin, or "null", with a 403 problem', async () => {
    for (const origin of ['https://evil.example', 'null', `${TEST_ORIGIN}:8443`, 'http://dichvucong.thainguyen.example']) {
      const res = await post({ Origin: origin })
      expect(res.status, origin).toBe(403)
      expect(((await res.json()) as { type: string }).type).toMatch(/forbidden-origin$/)
    }
  })

  it('refuses a request the browser marks cross-site even without Origin', async () => {
    expect((await post({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
  })

  it('lets non-browser clients (no Origin) and reads through', async () => {
    expect((await post({})).status).toBe(200)
    expect((await app.request('/read', { headers: { Origin: 'https://evil.example' } })).status).toBe(200)
  })
})
