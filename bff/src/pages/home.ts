/** The home page: search, and every field, agency kind and level with its procedure count. */
import type { ProcedureLevel } from '@portal/shared/catalog/schema'
import { html } from './html.ts'
import { LEVEL_LABEL, LEVEL_SLUG } from './labels.ts'
import { renderPage, siteName, type PageContext } from './layout.ts'
import { searchForm } from './search.ts'

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

export function renderHomePage(ctx: PageContext): string {
  const { snapshot, origin } = ctx
  const site = siteName(snapshot)
  const byField = countBy(snapshot.procedures.map((p) => p.field))
  const byKind = countBy(snapshot.procedures.map((p) => p.agencyKind))
  const byLevel = countBy(snapshot.procedures.map((p) => p.level))
  const levels: ProcedureLevel[] = ['province', 'commune']
  const main = html`<h1>${site}</h1>
<p>Tra cứu ${snapshot.procedures.length} thủ tục hành chính: giấy tờ cần chuẩn bị, thời hạn, lệ phí và nơi nộp hồ sơ.</p>
${searchForm()}
<section><h2>Theo lĩnh vực</h2><ul class="ssr-groups">${snapshot.fields.map(
    (f) => html`<li><a href="/linh-vuc/${f.id}">${f.name}</a> <small>(${byField.get(f.id) ?? 0})</small></li>`,
  )}</ul></section>
<section><h2>Theo cơ quan thực hiện</h2><ul class="ssr-groups">${snapshot.agencyKinds.map(
    (k) => html`<li><a href="/co-quan/${k.id}">${k.name}</a> <small>(${byKind.get(k.id) ?? 0})</small></li>`,
  )}</ul></section>
<section><h2>Theo cấp thực hiện</h2><ul class="ssr-groups">${levels.map(
    (level) => html`<li><a href="/cap/${LEVEL_SLUG[level]}">Thủ tục ${LEVEL_LABEL[level].toLowerCase()}</a> <small>(${byLevel.get(level) ?? 0})</small></li>`,
  )}</ul></section>`
  return renderPage(
    ctx,
    {
      title: site,
      description: `${site}: tra cứu thủ tục hành chính, chuẩn bị và nộp hồ sơ trực tuyến.`,
      path: '/',
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: site,
        url: `${origin}/`,
        inLanguage: 'vi',
        potentialAction: {
          '@type': 'SearchAction',
          target: `${origin}/tim-kiem?q={search_term_string}`,
          'query-input': 'required name=search_term_string',
        },
      },
    },
    [],
    main,
  )
}
