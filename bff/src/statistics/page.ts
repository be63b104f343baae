/**
 * The statistics page without JavaScript (/thong-ke?groupBy=&from=&to=), for search engines and
 * phones with scripts off: the app's StatisticsView markup (web/src/statistics/StatisticsView.vue)
 * with the same figures, also as page data for the view, so the app takes it over without a jump
 * and without asking again. The bars' colours live in the app's lazy stylesheet; here the
 * written numbers carry the page.
 */
import { GROUP_BYS, type Statistics, type StatisticsGroup, type StatisticsGroupBy } from '@portal/shared/statistics/schema'
import { formatDateTime } from '../lookup/texts.ts'
import { html, raw, type Html } from '../pages/html.ts'
import { crumbs, renderPage, type PageContext } from '../pages/layout.ts'
import { fill } from '../pages/texts.ts'
import { TS } from './texts.ts'

const S = TS.statistics
const INDICES = ['totalTime', 'unitTime', 'contacts', 'agencies', 'oneStop', 'publication', 'attitude', 'feedback', 'online'] as const
const COUNTS = ['received', 'processed', 'early', 'onTime', 'late', 'inProgress'] as const
const BARS = ['received', 'processed', 'inProgress'] as const
const SPLIT = ['early', 'onTime', 'late'] as const

const numbers = new Intl.NumberFormat('vi-VN')
const n = (value: number) => numbers.format(value)
const share = (part: number, whole: number) => `${whole ? (100 * part) / whole : 0}%`

/** What the filters hold: the query as typed (empty when not given), as the app's form shows it. */
export interface Typed {
  groupBy: StatisticsGroupBy
  from: string
  to: string
}

function form(groupBy: StatisticsGroupBy, from: string, to: string): Html {
  const month = (id: 'from' | 'to', value: string) =>
    html`<div><label for="${id}">${S[id]}</label><input id="${id}" name="${id}" type="month" pattern="\\d{4}-\\d{2}" placeholder="${S.monthHint}"${value && html` value="${value}"`}></div>`
  return html`<form class="stats-filters" action="/thong-ke" method="get"><fieldset><legend>${S.filters}</legend><div><label for="groupBy">${S.groupBy}</label><select id="groupBy" name="groupBy">${GROUP_BYS.map(
    (g) => html`<option value="${g}"${g === groupBy && raw(' selected')}>${S.by[g]}</option>`,
  )}</select></div>${month('from', from)}${month('to', to)}<button class="button" type="submit">${S.show}</button></fieldset></form>`
}

function title(g: StatisticsGroup): string {
  if (g.month) return `${g.agency.name} · ${g.month}`
  if (g.field) return `${g.agency.name} · ${g.field.name}`
  return g.agency.name
}

function card(g: StatisticsGroup, biggest: number): Html {
  return html`<li><h2 lang="vi">${title(g)}</h2><div class="stats-bars" aria-hidden="true">${BARS.map(
    (key) =>
      html`<div class="stats-bar"><span class="stats-label">${S[key]}</span><span class="stats-track"><span class="stats-fill stats-${key}" style="width: ${share(g[key], biggest)};"></span></span><span class="stats-value">${n(g[key])}</span></div>`,
  )}</div><dl class="stats-numbers">${BARS.map((key) => html`<div><dt>${S[key]}</dt><dd>${n(g[key])}</dd></div>`)}</dl>${
    g.processed > 0 &&
    html`<div class="stats-split" aria-hidden="true">${SPLIT.map((key) => html`<span class="stats-${key}" style="width: ${share(g[key], g.processed)};"></span>`)}</div><p class="stats-legend">${SPLIT.map(
      (key) => html`<span><span class="stats-dot stats-${key}"></span>${S[key]}: ${n(g[key])}</span>`,
    )}</p><p>${fill(S.onTimeShare, { percent: `${Math.round((100 * (g.early + g.onTime)) / g.processed)}%` })}</p>`
  }${
    g.total !== null && g.grade
      ? html`<p><strong>${fill(S.score, { total: n(g.total), grade: S.grade[g.grade] })}</strong></p>`
      : html`<p class="hint">${S.noScore}</p>`
  }<p>${fill(S.ratings, { veryS: n(g.ratings['very-satisfied']), s: n(g.ratings.satisfied), u: n(g.ratings.unsatisfied) })}</p>${
    g.total !== null &&
    html`<details><summary>${S.indices}</summary><ol class="stats-indices">${INDICES.map(
      (key) => html`<li><span>${S.index[key]}</span><strong>${g.indices[key] === null ? S.notJudged : n(g.indices[key])}</strong></li>`,
    )}</ol></details>`
  }</li>`
}

function figures(s: Statistics): Html {
  const query = new URLSearchParams({ groupBy: s.groupBy, from: s.from, to: s.to }).toString()
  const biggest = Math.max(1, ...s.groups.map((g) => Math.max(g.received, g.processed, g.inProgress)))
  return html`<p class="hint">${fill(S.period, { from: s.from, to: s.to, at: formatDateTime(s.computedAt) })}</p>
<p><a class="button" href="/api/statistics.csv?${query}" download>${S.csv}</a></p>
<section aria-labelledby="stats-totals"><h2 id="stats-totals">${S.totals}</h2><dl class="stats-totals">${COUNTS.map((key) => html`<div><dt>${S[key]}</dt><dd>${n(s.totals[key])}</dd></div>`)}</dl></section>
${s.groups.length === 0 && html`<p class="hint">${S.empty}</p>`}
<ul class="stats-groups">${s.groups.map((g) => card(g, biggest))}</ul>`
}

/** The page with the figures, or with the message for a wrong period (`statistics` undefined). */
export function renderStatisticsPage(ctx: PageContext, typed: Typed, statistics: Statistics | undefined): string {
  const main = html`${crumbs([{ label: S.title }])}
<h1>${S.title}</h1>
<p class="lead">${S.lead}</p>
${form(typed.groupBy, typed.from, typed.to)}
${statistics ? figures(statistics) : html`<p class="problem" role="alert">${S.errors.invalid}</p>`}`
  return renderPage(ctx, { title: S.title, description: S.lead, path: '/thong-ke', data: statistics }, main)
}
