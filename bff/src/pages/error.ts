/** The HTML error page a browser gets for an unknown page (404) or a failure (5xx). */
import type { HttpError } from '../http/problem.ts'
import { html } from './html.ts'
import { renderPage, type PageContext } from './layout.ts'
import { searchForm } from './search.ts'

export function renderErrorPage(ctx: PageContext, error: HttpError): string {
  const missing = error.status === 404
  const title = missing ? 'Không tìm thấy trang' : error.status >= 500 ? 'Hệ thống đang gặp sự cố' : error.title
  const explanation = missing
    ? 'Trang bạn tìm không có hoặc đã được chuyển đi. Hãy tìm thủ tục theo tên, hoặc về trang chủ.'
    : error.status >= 500
      ? 'Xin lỗi, máy chủ chưa xử lý được yêu cầu. Vui lòng thử lại sau ít phút.'
      : (error.detail ?? error.title)
  const main = html`<h1>${title}</h1>
<p>${explanation}</p>
${missing && searchForm()}
<p><a href="/">Về trang chủ</a></p>`
  return renderPage(ctx, { title, description: explanation, noindex: true }, [{ label: title }], main)
}
