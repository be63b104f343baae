/**
 * Search without JavaScript (/tim-kiem?q=), with the app's own search (MiniSearch, from
 * `@portal/shared/catalog/search`) and the app's limit, so the results page is the one the app
 * shows when it takes over: same hits, same order. The index is built once per catalogue
 * version, at the first search.
 */
import { createProcedureIndex, type ProcedureHit, type ProcedureIndex } from '@portal/shared/catalog/search'
import type { CatalogSnapshot } from '../catalog/store.ts'
import { html, type Html } from './html.ts'
import { crumbs, renderPage, type PageContext } from './layout.ts'
import { itemList } from './list.ts'
import { fill, T } from './texts.ts'

/** Longer queries are cut: nobody types more, and it bounds the work. */
export const MAX_QUERY_LENGTH = 200
/** As many hits as the app shows (web/src/catalog/search.ts). */
export const MAX_RESULTS = 30

const indexCache = new WeakMap<CatalogSnapshot, ProcedureIndex>()

function indexFor(snapshot: CatalogSnapshot): ProcedureIndex {
  let index = indexCache.get(snapshot)
  if (!index) {
    index = createProcedureIndex(snapshot.procedures, snapshot.fields, snapshot.agencyKinds)
    indexCache.set(snapshot, index)
  }
  return index
}

/** @example searchProcedures(snapshot, 'dang ky khai sinh')[0]?.code === '1.001193' */
export function searchProcedures(snapshot: CatalogSnapshot, query: string): ProcedureHit[] {
  const q = query.slice(0, MAX_QUERY_LENGTH)
  return q.trim() ? indexFor(snapshot).search(q, MAX_RESULTS) : []
}

/**
 * The app's SearchPanel: the form, then the hint (the count of hits, or nothing before a
 * search) and the hits. `hits` is absent when nothing was searched.
 */
export function searchPanel(query = '', hits?: { items: Html; count: number }): Html {
  return html`<form class="search" role="search" action="/tim-kiem" method="get"><label for="q">${T.search.label}</label><div class="search-row"><input id="q" name="q" type="search" autocomplete="off" enterkeyhint="search" placeholder="${T.search.placeholder}"${query && html` value="${query}"`}><button class="button" type="submit">${T.search.submit}</button></div></form>
<p class="hint" aria-live="polite">${hits && (hits.count > 0 ? fill(T.search.results, { n: hits.count }) : T.search.none)}</p>
${hits && hits.count > 0 && hits.items}`
}

export function renderSearchPage(ctx: PageContext, query: string): string {
  const q = query.slice(0, MAX_QUERY_LENGTH)
  const shown = q.trim() ? fill(T.search.titleFor, { q: q.trim() }) : T.search.title
  const hits = searchProcedures(ctx.snapshot, q)
  const fieldNames = new Map(ctx.snapshot.fields.map((f) => [f.id, f.name]))
  const items = itemList(
    hits.map((hit) => ({ code: hit.code, name: hit.name, meta: `${hit.code} · ${fieldNames.get(hit.field) ?? hit.field} · ${T.level[hit.level]}` })),
  )
  const main = html`${crumbs([{ label: T.search.title }])}
<h1>${shown}</h1>
${searchPanel(q, q.trim() ? { items, count: hits.length } : undefined)}`
  return renderPage(ctx, { title: shown, description: 'Tìm thủ tục hành chính theo tên hoặc mã thủ tục.', path: '/tim-kiem', noindex: true }, main)
}
