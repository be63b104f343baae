import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { catalogInput, criminalRecord, landUse, birth, procedure } from '../testing/fixtures.ts'
import { TEST_ORIGIN, testApp } from '../testing/app.ts'

let t: ReturnType<typeof testApp>
const evil = procedure({ code: '1.000666', name: '<script>alert("x")</script> Thủ tục </script>' })

beforeEach(() => {
  t = testApp({ catalog: catalogInput([birth, criminalRecord, landUse, evil]) })
})
afterEach(() => t.cleanup())

const page = (path: string) => t.app.request(path, { headers: { Accept: 'text/html' } })

function jsonLdBlocks(body: string): unknown[] {
  return [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? ''))
}

describe('procedure page /thu-tuc/{code}', () => {
  it('has the title, canonical URL, description and Open Graph tags', async () => {
    const res = await page('/thu-tuc/1.001193')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    const body = await res.text()
    expect(body).toContain('<html lang="vi">')
    expect(body).toContain('<title>Đăng ký khai sinh | Cổng Dịch vụ công Thái Nguyên</title>')
    expect(body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}/thu-tuc/1.001193">`)
    expect(body).toMatch(/<meta name="description" content="Đăng ký khai sinh: thủ tục cấp xã, lĩnh vực Hộ tịch/)
    expect(body).toContain(`<meta property="og:url" content="${TEST_ORIGIN}/thu-tuc/1.001193">`)
  })

  it('carries GovernmentService JSON-LD', async () => {
    const [data] = jsonLdBlocks(await (await page('/thu-tuc/2.000488')).text())
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'GovernmentService',
      name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
      serviceType: 'Hộ tịch',
      url: `${TEST_ORIGIN}/thu-tuc/2.000488`,
      provider: { '@type': 'GovernmentOrganization', name: 'Sở Tư pháp tỉnh Thái Nguyên', identifier: '000.00.01.H55' },
      areaServed: { '@type': 'AdministrativeArea', name: 'Thái Nguyên' },
    })
  })

  it('shows what a dossier needs: components, present-only papers, time with ambiguity, fee, form, result', async () => {
    const birthPage = await (await page('/thu-tuc/1.001193')).text()
    expect(birthPage).toMatch(/<h1>Đăng ký khai sinh<\/h1>/)
    expect(birthPage).toContain('Giấy chứng sinh <small>(1 bản chính)</small>')
    expect(birthPage).toContain('<h3>Giấy tờ phải xuất trình</h3>')
    expect(birthPage).toMatch(/Căn cước của người yêu cầu[^<]*<small>[^<]*<\/small> <strong class="ssr-badge">Xuất trình<\/strong>/)
    expect(birthPage).toContain('Tờ khai đăng ký khai sinh</p>')
    expect(birthPage).toContain('Ủy ban nhân dân cấp xã nơi người yêu cầu cư trú')
    expect(birthPage).toMatch(/<details><summary>Các xã, phường Thái Nguyên \(2\)<\/summary>[\s\S]*UBND xã Đại Phúc <small>\(mã 000.02.01.H55\)/)
    const record = await (await page('/thu-tuc/2.000488')).text()
    expect(record).toContain('Không nói rõ ngày làm việc hay ngày lịch.')
    expect(record).toContain('15 ngày (phải xác minh)')
    expect(record).toContain('200.000 đồng / lần')
    expect(record).toContain('Sở Tư pháp tỉnh Thái Nguyên <small>(mã 000.00.01.H55)</small>')
    expect(record).toMatch(/<nav aria-label="Đường dẫn"[\s\S]*<main id="noi-dung">[\s\S]*<\/main>/)
  })

  it('escapes names: a <script> in the data is text, also inside JSON-LD', async () => {
    const body = await (await page('/thu-tuc/1.000666')).text()
    expect(body).not.toContain('<script>alert')
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Thủ tục &lt;/script&gt;')
    const [data] = jsonLdBlocks(body) as [{ name: string }]
    expect(data.name).toBe(evil.name)
  })

  it('404 page for an unknown or malformed code', async () => {
    for (const path of ['/thu-tuc/9.999999', '/thu-tuc/abc', '/thu-tuc/%3Cscript%3E']) {
      const res = await page(path)
      expect(res.status, path).toBe(404)
      const body = await res.text()
      expect(body).toContain('<h1>Không tìm thấy trang</h1>')
      expect(body).toContain('<meta name="robots" content="noindex">')
      expect(body).not.toContain('<script>')
    }
  })
})

describe('list pages', () => {
  it('home links every field, agency kind and level with counts, and has a search form', async () => {
    const body = await (await page('/')).text()
    expect(body).toContain('<title>Cổng Dịch vụ công Thái Nguyên</title>')
    expect(body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}/">`)
    expect(body).toContain('<form action="/tim-kiem" method="get" role="search"')
    expect(body).toContain('<a href="/linh-vuc/ho-tich">Hộ tịch</a> <small>(3)</small>')
    expect(body).toContain('<a href="/linh-vuc/dat-dai">Đất đai</a> <small>(1)</small>')
    expect(body).toContain('<a href="/co-quan/department-justice">Sở Tư pháp</a> <small>(1)</small>')
    expect(body).toContain('<a href="/cap/tinh">Thủ tục cấp tỉnh</a> <small>(2)</small>')
    expect(body).toContain('<a href="/cap/xa">Thủ tục cấp xã</a> <small>(2)</small>')
    expect((jsonLdBlocks(body)[0] as { '@type': string })['@type']).toBe('WebSite')
  })

  it.each([
    ['/linh-vuc/dat-dai', 'Thủ tục lĩnh vực Đất đai', ['1.012345']],
    ['/co-quan/commune-committee', 'Thủ tục do Ủy ban nhân dân cấp xã thực hiện', ['1.000666', '1.001193']],
    ['/cap/tinh', 'Thủ tục cấp tỉnh', ['2.000488', '1.012345']],
    ['/cap/xa', 'Thủ tục cấp xã', ['1.000666', '1.001193']],
  ])('%s lists its procedures', async (path, title, codes) => {
    const body = await (await page(path)).text()
    expect(body).toContain(`<h1>${title}</h1>`)
    expect(body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}${path}">`)
    expect([...body.matchAll(/href="\/thu-tuc\/([\d.]+)"/g)].map((m) => m[1])).toEqual(codes)
  })

  it('unknown field, agency kind or level: 404 page', async () => {
    for (const path of ['/linh-vuc/khong-co', '/co-quan/khong-co', '/cap/huyen']) {
      expect((await page(path)).status, path).toBe(404)
    }
  })
})

describe('search without JavaScript', () => {
  it('matches folded words of the name, or the code', async () => {
    const codes = async (q: string) => {
      const body = await (await page(`/tim-kiem?q=${encodeURIComponent(q)}`)).text()
      return [...body.matchAll(/href="\/thu-tuc\/([\d.]+)"/g)].map((m) => m[1])
    }
    expect(await codes('dang ky khai sinh')).toEqual(['1.001193'])
    expect(await codes('ĐĂNG KÝ')).toEqual(['1.012345', '1.001193']) // by name: "đất" before "khai"
    expect(await codes('ly lich tu phap')).toEqual(['2.000488'])
    expect(await codes('2.000488')).toEqual(['2.000488'])
    expect(await codes('không có gì')).toEqual([])
  })

  it('is not indexed, keeps the query in the form, escaped', async () => {
    const body = await (await page('/tim-kiem?q=%22%3E%3Cscript%3E')).text()
    expect(body).toContain('<meta name="robots" content="noindex">')
    expect(body).toContain('value="&quot;&gt;&lt;script&gt;"')
    expect(body).not.toContain('"><script>')
    expect((await page('/tim-kiem')).status).toBe(200)
  })
})

describe('page caching', () => {
  it('weak ETag, no-cache, 304 on revalidation, gzip when accepted', async () => {
    const first = await page('/thu-tuc/1.001193')
    const etag = first.headers.get('ETag') ?? ''
    expect(etag).toMatch(/^W\/"/)
    expect(first.headers.get('Cache-Control')).toBe('no-cache')
    const again = await t.app.request('/thu-tuc/1.001193', { headers: { Accept: 'text/html', 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    const gz = await t.app.request('/thu-tuc/1.001193', { headers: { Accept: 'text/html', 'Accept-Encoding': 'gzip' } })
    expect(gz.headers.get('Content-Encoding')).toBe('gzip')
    expect(gz.headers.get('Vary')).toContain('Accept-Encoding')
  })

  it('a catalogue change changes the page ETag', async () => {
    const before = (await page('/thu-tuc/1.001193')).headers.get('ETag')
    t.store.publish(catalogInput([{ ...birth, result: 'Giấy khai sinh bản chính' }, criminalRecord, landUse, evil]))
    expect((await page('/thu-tuc/1.001193')).headers.get('ETag')).not.toBe(before)
  })
})
