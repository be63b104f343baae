/**
 * The page of one procedure (/thu-tuc/{code}), as the app's ProcedureView renders it:
 * everything a citizen needs to prepare the dossier, readable with JavaScript off, plus
 * schema.org GovernmentService data for search engines.
 */
import type { Agency, Component, Fee, Procedure, ProcessingTime } from '@portal/shared/catalog/schema'
import { canStartOnline, hasElectronicForm } from '@portal/shared/forms/registry'
import type { CatalogSnapshot } from '../catalog/store.ts'
import { html, type Html } from './html.ts'
import { LEVEL_LABEL, LEVEL_SLUG, ONLINE_LABEL, feeSummary } from './labels.ts'
import { crumbs, renderPage, type PageContext } from './layout.ts'
import { fill, T, TD } from './texts.ts'

type TimeOption = ProcessingTime['options'][number]

const amount = (option: TimeOption) => fill(T.procedure.unit[option.unit], { n: option.amount })
const published = (text: string) => html`<p class="quote">${T.procedure.published} <q lang="vi">${text}</q></p>`
/** One collator for every page: localeCompare with a locale builds a new one on every call. */
const collator = new Intl.Collator('vi')

/**
 * StartDossier.vue: the same block the app shows, so its takeover moves nothing. Its button
 * needs the app (drafts live on the device); without JavaScript it does nothing, like the
 * language button.
 */
function startBlock(p: Procedure): Html | false {
  if (!canStartOnline(p)) return false
  const hint = hasElectronicForm(p.code) ? TD.drafts.startHint : TD.drafts.startFile
  return html`<section class="start" aria-labelledby="start-title"><h2 id="start-title" class="visually-hidden">${TD.drafts.start}</h2><p>${hint}</p><button type="button" class="button">${TD.drafts.start}</button></section>`
}

/** ProcedureFacts.vue. */
function facts(p: Procedure, fieldName: string, kindName: string): Html {
  return html`<dl class="facts">
<div><dt>${T.procedure.code}</dt><dd>${p.code}</dd></div>
<div><dt>${T.procedure.field}</dt><dd><a href="/linh-vuc/${p.field}">${fieldName}</a></dd></div>
<div><dt>${T.procedure.level}</dt><dd><a href="/cap/${LEVEL_SLUG[p.level]}">${T.level[p.level]}</a></dd></div>
<div><dt>${T.procedure.agency}</dt><dd><a href="/co-quan/${p.agencyKind}">${kindName}</a>${p.agencyText && p.agencyText !== kindName && html`<span class="item-meta" lang="vi">${p.agencyText}</span>`}</dd></div>
<div><dt>${T.procedure.online}</dt><dd>${T.procedure.onlineLevel[p.onlineService]}</dd></div>
<div><dt>${T.procedure.methods}</dt><dd>${p.submissionMethods.map((c) => T.procedure.channel[c]).join(', ')}</dd></div>
${p.decisionNumber && html`<div><dt>${T.procedure.decision}</dt><dd>${p.decisionNumber}</dd></div>`}
</dl>`
}

/** ProcessingTime.vue: one figure, or one per channel or case; then the text as published. */
function processingTime(time: ProcessingTime): Html {
  const detailed = time.options.length > 1 || time.options.some((o) => o.channel || o.condition)
  const first = time.options[0]
  return html`${detailed
    ? html`<ul class="plain">${time.options.map(
        (o) =>
          html`<li><strong>${o.channel ? T.procedure.channel[o.channel] : T.procedure.anyChannel}:</strong> ${amount(o)}${o.condition && html`<span lang="vi"> (${o.condition})</span>`}</li>`,
      )}</ul>`
    : first && html`<p><strong>${amount(first)}</strong></p>`}
${published(time.text)}
${time.ambiguity && html`<p class="note"><strong>${T.procedure.ambiguity}</strong> <span lang="vi">${time.ambiguity}</span></p>`}`
}

/** FeeDetails.vue. */
function fee(fee: Fee): Html {
  return html`<p>${T.procedure.feeKind[fee.kind]}</p>
${fee.items.length > 0 &&
  html`<ul class="plain">${fee.items.map(
    (item) =>
      html`<li>${item.channel && html`<strong>${T.procedure.channel[item.channel]}:</strong> `}${fill(T.procedure.amount, { amount: item.amountVnd })}${item.per && html`<span lang="vi"> / ${item.per}</span>`}${item.condition && html`<span lang="vi"> (${item.condition})</span>`}</li>`,
  )}</ul>`}
${fee.text && published(fee.text)}`
}

/**
 * ComponentList.vue: grouped by the case they apply to, groups in the order they first appear
 * and components in the source's order within each.
 */
function components(list: readonly Component[]): Html {
  const byGroup = new Map<string | undefined, Component[]>()
  for (const component of list) {
    const items = byGroup.get(component.group)
    if (items) items.push(component)
    else byGroup.set(component.group, [component])
  }
  return html`${[...byGroup].map(
    ([group, items]) => html`<div>${group && html`<h3 lang="vi">${group}</h3>`}<ol class="components">${items.map(
      (c) =>
        html`<li><span lang="vi">${c.name}</span><span class="tags">${c.originals > 0 && html`<span class="tag">${fill(T.procedure.originals, { n: c.originals })}</span>`}${c.copies > 0 && html`<span class="tag">${fill(T.procedure.copies, { n: c.copies })}</span>`}${c.presentOnly && html`<span class="tag tag-strong">${T.procedure.presentOnly}</span>`}</span></li>
`,
    )}</ol></div>
`,
  )}`
}

function agencyItem(a: Agency): Html {
  return html`<li><strong>${a.name}</strong>${a.address && html`<span lang="vi">${a.address}</span>`}${a.phone && html`<span>${T.procedure.phone}: <a href="tel:${a.phone.replace(/\s/g, '')}">${a.phone}</a></span>`}</li>`
}

/**
 * WhereToSubmit.vue: province-level procedures go to the department of their agency kind;
 * commune-level ones to the applicant's own commune, so the communes are listed (folded).
 */
function whereToSubmit(p: Procedure, snapshot: CatalogSnapshot, kindName: string): Html {
  const agencies = snapshot.agencies.agencies.filter((a) => a.kind === p.agencyKind).sort((a, b) => collator.compare(a.name, b.name))
  const commune = p.level === 'commune'
  return html`${commune && html`<p>${fill(T.procedure.whereCommune, { kind: kindName })}</p>`}
${agencies.length === 0
  ? html`<p>${T.procedure.whereUnknown}</p>`
  : commune
    ? html`<details class="agency-list"><summary>${fill(T.procedure.communeList, { n: agencies.length })}</summary><ul class="agencies">${agencies.map(
        (a) => html`<li>${a.name}</li>`,
      )}</ul></details>`
    : html`<ul class="agencies">${agencies.map(agencyItem)}</ul>`}`
}

function source(s: string): Html {
  return /^https?:\/\//.test(s) ? html`<li><a href="${s}" rel="noopener external">${s}</a></li>` : html`<li><span>${s}</span></li>`
}

const section = (id: string, title: string, content: Html) =>
  html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>
${content}
</section>
`

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
  const fieldName = ctx.snapshot.fields.find((f) => f.id === p.field)?.name ?? p.field
  const kindName = ctx.snapshot.agencyKinds.find((k) => k.id === p.agencyKind)?.name ?? p.agencyKind
  // The app's <h1> has lang="vi" for its English mode; here the whole page is Vietnamese already.
  const plain = (items: string[]) => html`<ul class="plain" lang="vi">${items.map((item) => html`<li>${item}</li>`)}</ul>`
  const main = html`<article class="procedure">
${crumbs([{ label: fieldName, href: `/linh-vuc/${p.field}` }, { label: p.code }])}
<h1>${p.name}</h1>
${facts(p, fieldName, kindName)}
${startBlock(p)}
${section('time', T.procedure.time, processingTime(p.processingTime))}
${section('fee', T.procedure.fee, fee(p.fee))}
${section('components', T.procedure.components, components(p.components))}
${p.notes.length > 0 && section('notes', T.procedure.notes, plain(p.notes))}
${section('result', T.procedure.result, html`<p lang="vi">${p.result}</p>`)}
${p.formName && section('form', T.procedure.form, html`<p lang="vi">${p.formName}</p>`)}
${section('where', T.procedure.where, whereToSubmit(p, ctx.snapshot, kindName))}
${p.legalBasis.length > 0 && section('legal', T.procedure.legalBasis, plain(p.legalBasis))}
${p.sources.length > 0 && section('sources', T.procedure.sources, html`<ul class="plain sources">${p.sources.map(source)}</ul>`)}
</article>`
  return renderPage(
    ctx,
    {
      title: p.name,
      description: describeProcedure(p, fieldName),
      path,
      jsonLd: governmentService(ctx, p, fieldName, path),
    },
    main,
  )
}
