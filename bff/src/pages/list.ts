/**
 * The one list renderer behind the field, agency-kind, level and search pages: a heading, a
 * count and the procedures in Vietnamese alphabetical order, each linking to its page.
 */
import type { Procedure } from '@portal/shared/catalog/schema'
import type { CatalogSnapshot } from '../catalog/store.ts'
import { html, type Html } from './html.ts'
import { LEVEL_LABEL, ONLINE_LABEL } from './labels.ts'
import { renderPage, type Crumb, type PageContext, type PageMeta } from './layout.ts'

const collator = new Intl.Collator('vi')
const sortedCache = new WeakMap<CatalogSnapshot, Procedure[]>()

/** The snapshot's procedures by name (computed once per catalogue version). */
export function proceduresByName(snapshot: CatalogSnapshot): Procedure[] {
  let sorted = sortedCache.get(snapshot)
  if (!sorted) {
    sorted = [...snapshot.procedures].sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code))
    sortedCache.set(snapshot, sorted)
  }
  return sorted
}

export function procedureList(procedures: readonly Procedure[]): Html {
  return html`<ul class="ssr-procedures">
${procedures.map(
  (p) => html`<li><a href="/thu-tuc/${p.code}">${p.name}</a> <small>${p.code} · ${LEVEL_LABEL[p.level]} · ${ONLINE_LABEL[p.onlineService]}</small></li>
`,
)}</ul>`
}

export interface ListPage extends PageMeta {
  crumbs: Crumb[]
  procedures: readonly Procedure[]
  /** Markup before the list (the search form on the search page). */
  before?: Html
  /** Said when the list is empty. */
  empty?: string
}

export function renderListPage(ctx: PageContext, page: ListPage): string {
  const count = page.procedures.length
  const main = html`<h1>${page.title}</h1>
${page.before}
${count > 0
  ? html`<p>${count} thủ tục.</p>
${procedureList(page.procedures)}`
  : html`<p>${page.empty ?? 'Chưa có thủ tục nào.'}</p>`}`
  return renderPage(ctx, page, page.crumbs, main)
}
