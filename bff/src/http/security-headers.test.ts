import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testApp, tempDir } from '../testing/app.ts'

describe('security headers on an API answer, a page and a static file', () => {
  let web: ReturnType<typeof tempDir>
  let t: ReturnType<typeof testApp>
  beforeEach(() => {
    web = tempDir()
    mkdirSync(join(web.dir, 'assets'))
    writeFileSync(join(web.dir, 'index.html'), '<!doctype html><html><head><!--ssr-head--></head><body><div id="app"><!--ssr-body--></div></body></html>')
    writeFileSync(join(web.dir, 'assets', 'app-1234abcd.js'), 'console.log(1)')
    t = testApp({ webDist: web.dir })
  })
  afterEach(() => {
    t.cleanup()
    web.cleanup()
  })

  it.each([
    ['/api/session', '*/*'],
    ['/api/me', '*/*'],
    ['/', 'text/html'],
    ['/assets/app-1234abcd.js', '*/*'],
    ['/auth/logout', 'text/html'],
  ])('%s', async (path, accept) => {
    const res = await t.app.request(path, { headers: { Accept: accept } })
    expect(res.status, path).toBeLessThan(500)
    const h = res.headers
    const maxAge = Number(/max-age=(\d+)/.exec(h.get('Strict-Transport-Security') ?? '')?.[1])
    expect(maxAge).toBeGreaterThanOrEqual(31_536_000)
    const csp = h.get('Content-Security-Policy') ?? ''
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(h.get('X-Content-Type-Options')).toBe('nosniff')
    expect(h.get('Referrer-Policy')).toBe('same-origin')
    expect(h.get('Permissions-Policy')).toContain('camera=(self)')
    expect(h.get('Permissions-Policy')).toContain('microphone=()')
  })
})
