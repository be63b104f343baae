/**
 * Search without JavaScript (/tim-kiem?q=): every word of the query, folded, must occur in the
 * folded name, or the query is a procedure code. Deliberately small: the app's own search
 * (shared/src/catalog/search) replaces it as soon as scripts run.
 */
import type { Procedure } from '@portal/shared/catalog/schema'
import { fold } from '@portal/shared/text/fold'
import type { CatalogSnapshot } from '../catalog/store.ts'
import { html, type Html } from './html.ts'
import { proceduresByName, renderListPage } from './list.ts'
import type { PageContext } from './layout.ts'

/** Longer queries are cut: nobody types more, and it bounds the work. */
export const MAX_QUERY_LENGTH = 200
const MAX_RESULTS = 100

const foldedCache = new WeakMap<CatalogSnapshot, string[]>()

/** @example searchProcedures(snapshot, 'dang ky khai sinh') → [Đăng ký khai sinh, …] */
export function searchProcedures(snapshot: CatalogSnapshot, query: string): Procedure[] {
  const words = fold(query.slice(0, MAX_QUERY_LENGTH)).split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  const byName = proceduresByName(snapshot)
  let folded = foldedCache.get(snapshot)
  if (!folded) {
    folded = byName.map((p) => fold(p.name))
    foldedCache.set(snapshot, folded)
  }
  const code = query.trim()
  return byName.filter((p, i) => p.code === code || words.every((w) => folded[i]?.includes(w)))
}

export function searchForm(query = ''): Html {
  return html`<form action="/tim-kiem" method="get" role="search" class="ssr-search">
<label for="ssr-q">Tìm thủ tục hành chính</label>
<input id="ssr-q" name="q" type="search" value="${query}" maxlength="${MAX_QUERY_LENGTH}" placeholder="Ví dụ: đăng ký khai sinh">
<button type="submit">Tìm kiếm</button>
</form>`
}

export function renderSearchPage(ctx: PageContext, query: string): string {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH)
  const results = q ? searchProcedures(ctx.snapshot, q) : []
  const shown = results.slice(0, MAX_RESULTS)
  return renderListPage(ctx, {
    title: q ? `Kết quả tìm kiếm: ${q}` : 'Tìm kiếm thủ tục',
    description: 'Tìm thủ tục hành chính theo tên hoặc mã thủ tục.',
    path: '/tim-kiem',
    noindex: true,
    crumbs: [{ label: 'Tìm kiếm' }],
    before: html`${searchForm(q)}${results.length > shown.length && html`<p>Hiển thị ${shown.length} trên ${results.length} kết quả; hãy thêm từ khóa để thu hẹp.</p>`}`,
    procedures: shown,
    empty: q ? `Không tìm thấy thủ tục nào với "${q}".` : 'Nhập tên hoặc mã thủ tục để tìm.',
  })
}
