import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'

let t: ReturnType<typeof testApp>
beforeEach(() => {
  t = testApp()
})
afterEach(() => t.cleanup())

describe('sitemap and robots', () => {
  it('the sitemap lists every page with absolute URLs and lastmod', async () => {
    const res = await t.app.request('/sitemap.xml', { headers: { Accept: 'text/html,application/xml' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    const xml = await res.text()
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/)
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc><lastmod>(\d{4}-\d{2}-\d{2})<\/lastmod>/g)].map((m) => m[1])
    expect(locs).toEqual([
      `${TEST_ORIGIN}/`,
      `${TEST_ORIGIN}/tra-cuu`,
      `${TEST_ORIGIN}/thong-ke`,
      `${TEST_ORIGIN}/linh-vuc/ho-tich`,
      `${TEST_ORIGIN}/linh-vuc/dat-dai`,
      `${TEST_ORIGIN}/co-quan/commune-committee`,
      `${TEST_ORIGIN}/co-quan/department-justice`,
      `${TEST_ORIGIN}/co-quan/department-land`,
      `${TEST_ORIGIN}/cap/tinh`,
      `${TEST_ORIGIN}/cap/xa`,
      `${TEST_ORIGIN}/thu-tuc/1.001193`,
      `${TEST_ORIGIN}/thu-tuc/1.012345`,
      `${TEST_ORIGIN}/thu-tuc/2.000488`,
    ])
    expect(xml).toContain('<lastmod>2026-07-01</lastmod>')
  })

  it('robots.txt allows all and points to the sitemap', async () => {
    const res = await t.app.request('/robots.txt', { headers: { Accept: 'text/html' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/plain/)
    expect(await res.text()).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${TEST_ORIGIN}/sitemap.xml\n`)
  })
})
