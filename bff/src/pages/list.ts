/**
 * The one list renderer behind the field, agency-kind and level pages, as the app's
 * ProcedureListView renders them: breadcrumbs, the name as heading, a count and the procedures
 * in Vietnamese alphabetical order, each linking to its page.
 */
import type { Procedure } from '@portal/shared/catalog/schema'
import type { CatalogSnapshot } from '../catalog/store.ts'
import { html, type Html } from './html.ts'
import { crumbs, renderPage, type PageContext, type PageMeta } from './layout.ts'
import { fill, T } from './texts.ts'

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

export interface ListItem {
  code: string
  name: string
  /** The grey line under the name, e.g. "1.001193 · Cấp xã". */
  meta: string
}

/**
 * The app's `ol.items`: one full-width link per procedure, the same boxes and classes. One
 * difference, invisible: the link is named by the procedure alone and the grey line is its
 * description (in the app, the name includes the grey line), so a link reads "Thủ tục đăng ký
 * kết hôn", then "1.000894 · Cấp xã" (e2e/tests/server-pages.e2e.ts finds links by that name).
 */
export function itemList(items: readonly ListItem[]): Html {
  return html`<ol class="items">${items.map(
    (item) =>
      html`<li><a href="/thu-tuc/${item.code}" aria-describedby="meta-${item.code}"><span class="item-name">${item.name}</span><span class="item-meta" id="meta-${item.code}" aria-hidden="true">${item.meta}</span></a></li>
`,
  )}</ol>`
}

export interface ListPage extends PageMeta {
  /** The field, agency kind or level name: the heading and the last breadcrumb. */
  heading: string
  procedures: readonly Procedure[]
}

export function renderListPage(ctx: PageContext, page: ListPage): string {
  const count = page.procedures.length
  const main = html`${crumbs([{ label: page.heading }])}
<h1>${page.heading}</h1>
<p class="hint">${fill(T.status.count, { n: count })}</p>
${count > 0
  ? itemList(page.procedures.map((p) => ({ code: p.code, name: p.name, meta: `${p.code} · ${T.level[p.level]}` })))
  : html`<p>${T.list.empty}</p>`}`
  return renderPage(ctx, page, main)
}
