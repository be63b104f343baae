/**
 * The page of one procedure (/thu-tuc/{code}): everything a citizen needs to prepare the
 * dossier, readable with JavaScript off, plus schema.org GovernmentService data for search
 * engines.
 */
import type { Agency, Component, Fee, Procedure, ProcessingTime } from '@portal/shared/catalog/schema'
import type { CatalogSnapshot } from '../catalog/store.ts'
import { html, type Html } from './html.ts'
import { CHANNEL_LABEL, LEVEL_LABEL, LEVEL_SLUG, ONLINE_LABEL, feeSummary, formatDuration, formatVnd } from './labels.ts'
import { renderPage, type PageContext } from './layout.ts'

function processingTime(time: ProcessingTime): Html {
  // The structured list only when it says more than the published text (cases, channels).
  const detailed = time.options.length > 1 || time.options.some((o) => o.channel || o.condition)
  return html`<p>${time.text}</p>
${detailed &&
  html`<ul>${time.options.map(
    (o) => html`<li>${o.channel ? `${CHANNEL_LABEL[o.channel]}: ` : ''}${formatDuration(o)}${o.condition ? ` (${o.condition})` : ''}</li>`,
  )}</ul>`}
${time.ambiguity && html`<p class="ssr-note"><strong>Lưu ý:</strong> ${time.ambiguity}</p>`}`
}

function fee(fee: Fee): Html {
  return html`<p>${feeSummary(fee)}</p>
${fee.items.length > 0 &&
  html`<ul>${fee.items.map(
    (item) =>
      html`<li>${formatVnd(item.amountVnd)}${item.per ? ` / ${item.per}` : ''}${item.channel ? ` (${CHANNEL_LABEL[item.channel]})` : ''}${item.condition ? `: ${item.condition}` : ''}</li>`,
  )}</ul>`}
${fee.text && fee.text !== feeSummary(fee) && html`<p>Theo công bố: ${fee.text}</p>`}`
}

function copies(c: Component): string {
  const parts = [c.originals > 0 && `${c.originals} bản chính`, c.copies > 0 && `${c.copies} bản sao`].filter(Boolean)
  return parts.length > 0 ? parts.join(', ') : 'Số lượng không quy định'
}

/** Components in their source order, under a heading per group (the case they belong to). */
function components(list: readonly Component[]): Html {
  if (list.length === 0) return html`<p>Không yêu cầu giấy tờ.</p>`
  const groups: { group: string | undefined; items: Component[] }[] = []
  for (const c of list) {
    const last = groups.at(-1)
    if (last && last.group === c.group) last.items.push(c)
    else groups.push({ group: c.group, items: [c] })
  }
  return html`${groups.map(
    ({ group, items }) => html`${group && html`<h3>${group}</h3>`}
<ol class="ssr-components">${items.map(
      (c) =>
        html`<li>${c.name} <small>(${copies(c)})</small>${c.presentOnly && html` <strong class="ssr-badge">Xuất trình</strong>`}</li>`,
    )}</ol>`,
  )}`
}

function agencyItem(a: Agency): Html {
  return html`<li>${a.name} <small>(mã ${a.code})</small>${a.address && html`<br>${a.address}`}${a.phone && html`<br>Điện thoại: ${a.phone}`}</li>`
}

/** Where to submit: the province department by name and code, or the applicant's commune. */
function whereToSubmit(p: Procedure, snapshot: CatalogSnapshot): Html {
  const kind = snapshot.agencyKinds.find((k) => k.id === p.agencyKind)
  const agencies = snapshot.agencies.agencies.filter((a) => a.kind === p.agencyKind)
  const kindName = kind?.name ?? p.agencyText ?? p.agencyKind
  const published = p.agencyText && p.agencyText !== kindName && html`<p>Cơ quan thực hiện theo công bố: ${p.agencyText}</p>`
  if (p.level === 'commune') {
    return html`<p>${kindName} nơi người yêu cầu cư trú (xã, phường).</p>
${published}
${agencies.length > 0 &&
  html`<details><summary>Các xã, phường ${snapshot.agencies.province.name} (${agencies.length})</summary>
<ul>${agencies.map(agencyItem)}</ul></details>`}`
  }
  return html`${agencies.length > 0 ? html`<ul>${agencies.map(agencyItem)}</ul>` : html`<p>${kindName}</p>`}
${published}`
}

function source(s: string): Html {
  return /^https?:\/\//.test(s) ? html`<li><a href="${s}" rel="noopener">${s}</a></li>` : html`<li>${s}</li>`
}

export function describeProcedure(p: Procedure, fieldName: string): string {
  return `${p.name}: thủ tục ${LEVEL_LABEL[p.level].toLowerCase()}, lĩnh vực ${fieldName}. ${ONLINE_LABEL[p.onlineService]}. Thời hạn giải quyết: ${p.processingTime.text}. Phí, lệ phí: ${feeSummary(p.fee)}.`
}

function governmentService(ctx: PageContext, p: Procedure, fieldName: string, path: string) {
  const kind = ctx.snapshot.agencyKinds.find((k) => k.id === p.agencyKind)
  const agency = p.level === 'province' ? ctx.snapshot.agencies.agencies.find((a) => a.kind === p.agencyKind) : undefined
  const province = ctx.snapshot.agencies.province
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: p.name,
    identifier: p.code,
    serviceType: fieldName,
    description: describeProcedure(p, fieldName),
    url: ctx.origin + path,
    provider: {
      '@type': 'GovernmentOrganization',
      name: agency?.name ?? kind?.name ?? p.agencyText ?? p.agencyKind,
      ...(agency ? { identifier: agency.code } : {}),
    },
    ...(province.name ? { areaServed: { '@type': 'AdministrativeArea', name: province.name } } : {}),
  }
}

export function renderProcedurePage(ctx: PageContext, p: Procedure): string {
  const path = `/thu-tuc/${p.code}`
  const field = ctx.snapshot.fields.find((f) => f.id === p.field)
  const fieldName = field?.name ?? p.field
  const kind = ctx.snapshot.agencyKinds.find((k) => k.id === p.agencyKind)
  const main = html`<article class="ssr-procedure">
<h1>${p.name}</h1>
<dl class="ssr-facts">
<dt>Mã thủ tục</dt><dd>${p.code}</dd>
<dt>Lĩnh vực</dt><dd><a href="/linh-vuc/${p.field}">${fieldName}</a></dd>
<dt>Cấp thực hiện</dt><dd><a href="/cap/${LEVEL_SLUG[p.level]}">${LEVEL_LABEL[p.level]}</a></dd>
<dt>Cơ quan thực hiện</dt><dd><a href="/co-quan/${p.agencyKind}">${kind?.name ?? p.agencyText ?? p.agencyKind}</a></dd>
<dt>Mức độ dịch vụ</dt><dd>${ONLINE_LABEL[p.onlineService]}</dd>
<dt>Cách thức nộp</dt><dd>${p.submissionMethods.map((m) => CHANNEL_LABEL[m]).join(', ') || 'Không có thông tin'}</dd>
${p.decisionNumber && html`<dt>Quyết định công bố</dt><dd>${p.decisionNumber}</dd>`}
</dl>
<section><h2>Thời hạn giải quyết</h2>${processingTime(p.processingTime)}</section>
<section><h2>Phí, lệ phí</h2>${fee(p.fee)}</section>
<section><h2>Thành phần hồ sơ</h2>${components(p.components)}</section>
${p.notes.length > 0 && html`<section><h2>Lưu ý</h2><ul>${p.notes.map((n) => html`<li>${n}</li>`)}</ul></section>`}
<section><h2>Mẫu đơn, tờ khai</h2><p>${p.formName ?? 'Không có mẫu đơn, tờ khai.'}</p></section>
<section><h2>Nơi nộp hồ sơ</h2>${whereToSubmit(p, ctx.snapshot)}</section>
<section><h2>Kết quả</h2><p>${p.result}</p></section>
${p.legalBasis.length > 0 && html`<section><h2>Căn cứ pháp lý</h2><ul>${p.legalBasis.map((b) => html`<li>${b}</li>`)}</ul></section>`}
${p.sources.length > 0 && html`<section><h2>Nguồn</h2><ul>${p.sources.map(source)}</ul></section>`}
</article>`
  return renderPage(
    ctx,
    {
      title: p.name,
      description: describeProcedure(p, fieldName),
      path,
      jsonLd: governmentService(ctx, p, fieldName, path),
    },
    [{ label: fieldName, href: `/linh-vuc/${p.field}` }, { label: p.name }],
    main,
  )
}
