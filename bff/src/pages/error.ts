/**
 * The HTML error page a browser gets for an unknown page (404) or a failure (5xx). A 404 is the
 * app's NotFoundView: the heading, what is missing (the error's detail, e.g. an unknown
 * procedure code, or the generic text) and the way home.
 */
import type { HttpError } from '../http/problem.ts'
import { html } from './html.ts'
import { renderPage, type PageContext } from './layout.ts'
import { T } from './texts.ts'

export function renderErrorPage(ctx: PageContext, error: HttpError): string {
  const missing = error.status === 404
  const title = missing ? T.notFound.title : error.status >= 500 ? 'Hệ thống đang gặp sự cố' : error.title
  const explanation = missing
    ? (error.detail ?? T.notFound.text)
    : error.status >= 500
      ? 'Xin lỗi, máy chủ chưa xử lý được yêu cầu. Vui lòng thử lại sau ít phút.'
      : (error.detail ?? error.title)
  const main = html`<h1>${title}</h1>
<p>${explanation}</p>
<p><a class="button" href="/">${T.notFound.back}</a></p>`
  return renderPage(ctx, { title, description: explanation, noindex: true }, main)
}
