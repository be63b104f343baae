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
    expect(birthPage).toContain('<h1>Đăng ký khai sinh</h1>')
    expect(birthPage).toContain('<li><span lang="vi">Giấy chứng sinh</span><span class="tags"><span class="tag">1 bản chính</span></span></li>')
    expect(birthPage).toContain('<h3 lang="vi">Giấy tờ phải xuất trình</h3>')
    expect(birthPage).toMatch(/<span lang="vi">Căn cước của người yêu cầu<\/span><span class="tags"><span class="tag tag-strong">Chỉ xuất trình, không nộp<\/span><\/span>/)
    expect(birthPage).toContain('<h2 id="form">Mẫu đơn, tờ khai</h2>\n<p lang="vi">Tờ khai đăng ký khai sinh</p>')
    expect(birthPage).toContain('<p>Nộp tại Ủy ban nhân dân cấp xã nơi bạn cư trú.</p>')
    // The communes by name (Vietnamese collation: "Đại" after "Phan" would be wrong), folded.
    expect(birthPage).toContain(
      '<details class="agency-list"><summary>Danh sách 2 xã, phường</summary><ul class="agencies"><li>UBND phường Phan Đình Phùng</li><li>UBND xã Đại Phúc</li></ul></details>',
    )
    expect(birthPage).toContain('<p><strong>3 ngày làm việc</strong></p>')
    expect(birthPage).toContain('<p class="quote">Văn bản công bố ghi: <q lang="vi">3 ngày làm việc</q></p>')
    const record = await (await page('/thu-tuc/2.000488')).text()
    expect(record).toContain('<p class="note"><strong>Lưu ý:</strong> <span lang="vi">Không nói rõ ngày làm việc hay ngày lịch.</span></p>')
    expect(record).toContain('<li><strong>Mọi cách thức:</strong> 15 ngày<span lang="vi"> (phải xác minh)</span></li>')
    expect(record).toContain('<p>Theo mức dưới đây</p>')
    expect(record).toContain('<li>200.000 đồng<span lang="vi"> / lần</span></li>')
    expect(record).toContain('<ul class="agencies"><li><strong>Sở Tư pháp tỉnh Thái Nguyên</strong></li></ul>')
    expect(record).toContain('<div><dt>Dịch vụ công trực tuyến</dt><dd>Toàn trình</dd></div>')
    expect(record).toContain('<div><dt>Cách thức nộp</dt><dd>Trực tuyến, Trực tiếp</dd></div>')
  })

  it('has the app\'s frame and markup: skip link, header, empty status line, crumbs in the article, footer', async () => {
    const body = await (await page('/thu-tuc/2.000488')).text()
    expect(body).toContain('<div id="app"><a class="skip" href="#main">Bỏ qua, đến nội dung chính</a>')
    expect(body).toContain(
      '<header class="top"><div class="wrap top-bar"><a class="brand" href="/"><img src="/icons/icon.svg" alt="" width="40" height="40"><span><strong>Cổng Dịch vụ công</strong><span class="brand-sub">Thái Nguyên</span></span></a><button class="lang" type="button" lang="en">English</button></div><nav class="wrap top-nav" aria-label="Trình đơn chính"><a href="/ho-so">Hồ sơ của tôi</a><a href="/auth/login?next=%2Fthu-tuc%2F2.000488">Đăng nhập</a></nav></header>',
    )
    // The server cannot know what the device has: the app fills the status line and the storage note.
    expect(body).toContain('<div class="status" role="status"><p class="wrap"></p></div>')
    expect(body).toContain('<section class="storage" aria-labelledby="storage-title"><h2 id="storage-title">Bộ nhớ</h2><p></p></section>')
    expect(body).toMatch(/<main id="main" class="wrap" tabindex="-1">\n<article class="procedure">\n<nav class="crumbs" aria-label="Đường dẫn">/)
    expect(body).toContain(
      '<ol><li><a href="/">Trang chủ</a></li><li><a href="/linh-vuc/ho-tich">Hộ tịch</a></li><li><span aria-current="page">2.000488</span></li></ol>',
    )
    // Sections in the app's order.
    const order = [...body.matchAll(/<h2 id="([a-z-]+)">/g)].map((m) => m[1])
    expect(order).toEqual(['time', 'fee', 'components', 'result', 'where', 'legal', 'sources', 'storage-title'])
    expect(body).toContain('rel="noopener external"')
    expect(body).not.toContain('ssr-')
    expect(body).not.toMatch(/<script(?! type="application\/ld\+json")|style=/)
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
      expect(body).toContain('<p><a class="button" href="/">Về trang chủ</a></p>')
      expect(body).toContain('<meta name="robots" content="noindex">')
      expect(body).not.toContain('<script>')
    }
    const body = await (await page('/thu-tuc/%3Cscript%3E')).text()
    expect(body).toContain('<p>Không có thủ tục mã &lt;script&gt; trong danh mục.</p>')
  })
})

describe('list pages', () => {
  it('home links every field, agency kind and level with counts, and has a search form', async () => {
    const body = await (await page('/')).text()
    expect(body).toContain('<title>Cổng Dịch vụ công Thái Nguyên</title>')
    expect(body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}/">`)
    expect(body).toContain('<h1>Tra cứu thủ tục hành chính</h1>')
    expect(body).toContain('<form class="search" role="search" action="/tim-kiem" method="get"><label for="q">Tìm thủ tục</label>')
    expect(body).toContain('<input id="q" name="q" type="search" autocomplete="off" enterkeyhint="search" placeholder="Ví dụ: khai sinh, 1.001193">')
    expect(body).toContain('<a class="brand" href="/" aria-current="page">')
    const tiles = (id: string) =>
      [...(body.match(new RegExp(`<section class="browse" aria-labelledby="${id}">[\\s\\S]*?</section>`))?.[0] ?? '').matchAll(
        /<a href="([^"]+)"><span>([^<]+)<\/span><span class="count">(\d+)<\/span><\/a>/g,
      )].map((m) => `${m[1]} ${m[2]} ${m[3]}`)
    // By Vietnamese name ("Đất" before "Hộ"), only those with procedures; both levels always.
    expect(tiles('by-field')).toEqual(['/linh-vuc/dat-dai Đất đai 1', '/linh-vuc/ho-tich Hộ tịch 3'])
    expect(tiles('by-agency')).toEqual([
      '/co-quan/department-land Sở Nông nghiệp và Môi trường 1',
      '/co-quan/department-justice Sở Tư pháp 1',
      '/co-quan/commune-committee Ủy ban nhân dân cấp xã 2',
    ])
    expect(tiles('by-level')).toEqual(['/cap/tinh Cấp tỉnh 2', '/cap/xa Cấp xã 2'])
    expect(body).toContain('<h2 id="by-agency">Theo cơ quan thực hiện</h2>')
    expect((jsonLdBlocks(body)[0] as { '@type': string })['@type']).toBe('WebSite')
  })

  it('home hides a field or agency kind without procedures', async () => {
    t.store.publish(catalogInput([birth, criminalRecord, evil]))
    const body = await (await page('/')).text()
    expect(body).not.toContain('/linh-vuc/dat-dai')
    expect(body).not.toContain('/co-quan/department-land')
    expect(body).toContain('<a href="/cap/tinh"><span>Cấp tỉnh</span><span class="count">1</span></a>')
  })

  it.each([
    ['/linh-vuc/dat-dai', 'Thủ tục lĩnh vực Đất đai', 'Đất đai', ['1.012345']],
    ['/co-quan/commune-committee', 'Thủ tục do Ủy ban nhân dân cấp xã thực hiện', 'Ủy ban nhân dân cấp xã', ['1.000666', '1.001193']],
    ['/cap/tinh', 'Thủ tục cấp tỉnh', 'Cấp tỉnh', ['2.000488', '1.012345']],
    ['/cap/xa', 'Thủ tục cấp xã', 'Cấp xã', ['1.000666', '1.001193']],
  ])('%s lists its procedures', async (path, title, heading, codes) => {
    const body = await (await page(path)).text()
    expect(body).toContain(`<title>${title} | Cổng Dịch vụ công Thái Nguyên</title>`)
    expect(body).toContain(`<li><span aria-current="page">${heading}</span></li></ol></nav>\n<h1>${heading}</h1>\n<p class="hint">${codes.length} thủ tục</p>\n<ol class="items">`)
    expect(body).toContain(`<link rel="canonical" href="${TEST_ORIGIN}${path}">`)
    expect([...body.matchAll(/href="\/thu-tuc\/([\d.]+)"/g)].map((m) => m[1])).toEqual(codes)
  })

  it('a list item is named by the procedure, described by its code and level, escaped', async () => {
    const body = await (await page('/cap/xa')).text()
    expect(body).toContain(
      '<li><a href="/thu-tuc/1.001193" aria-describedby="meta-1.001193"><span class="item-name">Đăng ký khai sinh</span><span class="item-meta" id="meta-1.001193" aria-hidden="true">1.001193 · Cấp xã</span></a></li>',
    )
    expect(body).toContain('<span class="item-name">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Thủ tục &lt;/script&gt;</span>')
    expect(body).not.toContain('<script>alert')
  })

  it('unknown field, agency kind or level: 404 page', async () => {
    for (const path of ['/linh-vuc/khong-co', '/co-quan/khong-co', '/cap/huyen']) {
      expect((await page(path)).status, path).toBe(404)
    }
  })
})

describe('search without JavaScript', () => {
  const codes = async (q: string) => {
    const body = await (await page(`/tim-kiem?q=${encodeURIComponent(q)}`)).text()
    return [...body.matchAll(/href="\/thu-tuc\/([\d.]+)"/g)].map((m) => m[1])
  }

  it('finds what the app finds: folded words of the name, or the code, best first', async () => {
    expect((await codes('dang ky khai sinh'))[0]).toBe('1.001193')
    expect((await codes('ĐĂNG KÝ')).sort()).toEqual(['1.001193', '1.012345'])
    expect(await codes('ly lich tu phap')).toEqual(['2.000488'])
    expect(await codes('2.000488')).toEqual(['2.000488'])
    expect(await codes('xyzw qqqq')).toEqual([])
  })

  it('is the app\'s search page: crumbs, heading with the query, form, count, items with field and level', async () => {
    const body = await (await page('/tim-kiem?q=ly+lich+tu+phap')).text()
    expect(body).toContain('<li><span aria-current="page">Tìm kiếm</span></li>')
    expect(body).toContain('<h1>Kết quả tìm “ly lich tu phap”</h1>')
    expect(body).toContain('<title>Kết quả tìm “ly lich tu phap” | Cổng Dịch vụ công Thái Nguyên</title>')
    expect(body).toContain('value="ly lich tu phap"><button class="button" type="submit">Tìm</button>')
    expect(body).toContain('<p class="hint" aria-live="polite">1 kết quả</p>')
    expect(body).toContain('<span class="item-meta" id="meta-2.000488" aria-hidden="true">2.000488 · Hộ tịch · Cấp tỉnh</span>')
    const none = await (await page('/tim-kiem?q=xyzw+qqqq')).text()
    expect(none).toContain('<p class="hint" aria-live="polite">Không tìm thấy thủ tục nào. Hãy thử từ khác hoặc ít từ hơn.</p>')
    expect(none).not.toContain('class="items"')
    const empty = await (await page('/tim-kiem')).text()
    expect(empty).toContain('<h1>Tìm kiếm</h1>')
    expect(empty).toContain('<p class="hint" aria-live="polite"></p>')
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
