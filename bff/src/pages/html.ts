/**
 * A small auto-escaping HTML builder for server pages: every interpolated string is escaped;
 * only values already built by `html` (or explicitly trusted with `raw`) pass as markup. So a
 * procedure named `<script>…` is shown as text, never run.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[]

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** @example escapeHtml('<b>"x"</b>') === '&lt;b&gt;&quot;x&quot;&lt;/b&gt;' */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch)
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === null || value === undefined || value === false || value === true) return ''
  return escapeHtml(String(value))
}

/**
 * Tagged template: `html\`<p>${name}</p>\`` escapes `name`; arrays are joined; null, undefined
 * and booleans render nothing (so `${cond && html\`…\`}` works).
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? ''
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '')
  })
  return new Html(out)
}

/** Trusted markup, inserted as is. Only for text this code produced itself. */
export function raw(markup: string): Html {
  return new Html(markup)
}

/** JSON for a script element: `<` is written as \u003c so no string can close it or open a comment. */
function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** A JSON-LD block. */
export function jsonLd(data: unknown): Html {
  return raw(`<script type="application/ld+json">${scriptJson(data)}</script>`)
}

/**
 * What the page shows, as data for the app (web/src/ui/page-data.ts): the view that takes the
 * server page over renders from it instead of asking again, so the page never flashes "loading".
 */
export function pageData(data: unknown): Html {
  return raw(`<script type="application/json" id="page-data">${scriptJson(data)}</script>`)
}
