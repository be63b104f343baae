import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDir, testApp } from '../testing/app.ts'

const INDEX = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Ứng dụng Dịch vụ công</title>
<link rel="manifest" href="/manifest.webmanifest"><script type="module" crossorigin src="/assets/app-abc123.js"></script>
<!--ssr-head--></head><body><div id="app"><!--ssr-body--></div></body></html>`
const SCRIPT = 'console.log("app");'.repeat(100)

let t: ReturnType<typeof testApp>
let web: ReturnType<typeof tempDir>

beforeEach(() => {
  web = tempDir('portal-web-')
  mkdirSync(join(web.dir, 'assets'))
  writeFileSync(join(web.dir, 'index.html'), INDEX)
  writeFileSync(join(web.dir, 'assets/app-abc123.js'), SCRIPT)
  writeFileSync(join(web.dir, 'assets/app-abc123.js.br'), brotliCompressSync(SCRIPT))
  writeFileSync(join(web.dir, 'assets/app-abc123.js.gz'), gzipSync(SCRIPT))
  writeFileSync(join(web.dir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  writeFileSync(join(web.dir, 'manifest.webmanifest'), '{"name":"Dịch vụ công","start_url":"/"}')
  t = testApp({ webDist: web.dir })
})
afterEach(() => {
  t.cleanup()
  web.cleanup()
})

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers })

describe('files of the web build', () => {
  it('hashed assets: precompressed when accepted, immutable for a year', async () => {
    const br = await get('/assets/app-abc123.js', { 'Accept-Encoding': 'gzip, br' })
    expect(br.status).toBe(200)
    expect(br.headers.get('Content-Encoding')).toBe('br')
    expect(br.headers.get('Content-Type')).toMatch(/javascript/)
    expect(br.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    const plain = await get('/assets/app-abc123.js')
    expect(plain.headers.get('Content-Encoding')).toBeNull()
    expect(await plain.text()).toBe(SCRIPT)
  })

  it('sw.js and the manifest: revalidated each time with an ETag', async () => {
    const sw = await get('/sw.js')
    expect(sw.headers.get('Cache-Control')).toBe('no-cache')
    const etag = sw.headers.get('ETag') ?? ''
    expect(etag).toMatch(/^"/)
    expect((await get('/sw.js', { 'If-None-Match': etag })).status).toBe(304)
    const manifest = await get('/manifest.webmanifest', { Accept: 'text/html' })
    expect(manifest.status).toBe(200)
    expect(manifest.headers.get('Content-Type')).toMatch(/manifest\+json/)
    expect(manifest.headers.get('Cache-Control')).toBe('no-cache')
  })

  it('a missing file is a 404, never the app shell', async () => {
    for (const path of ['/assets/missing.js', '/icons/none.png']) {
      const res = await get(path, { Accept: 'text/html' })
      expect(res.status, path).toBe(404)
      expect(await res.text()).toContain('<h1>Không tìm thấy trang</h1>')
    }
  })
})

describe('server pages use the built index.html', () => {
  it('the home page carries the app scripts and manifest with the server content', async () => {
    const body = await (await get('/', { Accept: 'text/html' })).text()
    expect(body).toContain('src="/assets/app-abc123.js"')
    expect(body).toContain('rel="manifest"')
    expect(body).toContain('<title>Cổng Dịch vụ công Thái Nguyên</title>')
    expect(body).not.toContain('Ứng dụng Dịch vụ công')
  })
})

describe('SPA fallback', () => {
  it('a navigation to a client route gets the app shell', async () => {
    for (const path of ['/ho-so', '/ho-so/6f1c0a4e-1b2c-4d5e-8f90-123456789abc', '/thu-tuc/1.001193/nop']) {
      const res = await get(path, { Accept: 'text/html,application/xhtml+xml' })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('no-cache')
      const body = await res.text()
      expect(body).toContain('<title>Ứng dụng Dịch vụ công</title>')
      expect(body).toContain('<div id="app"></div>')
      expect(body).not.toContain('ssr-')
    }
    const shell = await get('/index.html', { Accept: 'text/html' })
    expect(await shell.text()).not.toContain('<!--ssr-')
  })

  it('never answers API, auth, health, files, or non-HTML requests', async () => {
    const notShell = [
      ['/api/unknown', 'text/html', 404],
      ['/auth/unknown', 'text/html', 404],
      ['/healthz/x', 'text/html', 404],
      ['/ho-so', 'application/json', 404],
      ['/favicon.ico', 'text/html', 404],
    ] as const
    for (const [path, accept, status] of notShell) {
      const res = await get(path, { Accept: accept })
      expect(res.status, path).toBe(status)
      expect(await res.text(), path).not.toContain('Ứng dụng Dịch vụ công')
    }
    expect(await (await get('/robots.txt', { Accept: 'text/html' })).text()).toMatch(/^User-agent/)
    expect(await (await get('/sitemap.xml', { Accept: 'text/html' })).text()).toMatch(/^<\?xml/)
  })

  it('without a web build: manifest is a 404, pages still render', async () => {
    const bare = testApp()
    try {
      expect((await bare.app.request('/manifest.webmanifest', { headers: { Accept: 'text/html' } })).status).toBe(404)
      const home = await bare.app.request('/', { headers: { Accept: 'text/html' } })
      expect(home.status).toBe(200)
      expect(await home.text()).toContain('rel="manifest"')
    } finally {
      bare.cleanup()
    }
  })
})
