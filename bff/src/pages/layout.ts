/**
 * The frame every server page shares: head tags (title, description, canonical URL from
 * PUBLIC_ORIGIN, Open Graph, JSON-LD) and the body's header, breadcrumb, <main> and footer.
 */
import type { CatalogSnapshot } from '../catalog/store.ts'
import { html, jsonLd, type Html } from './html.ts'
import type { Template } from './template.ts'

export interface PageContext {
  template: Template
  /** PUBLIC_ORIGIN, without trailing slash. */
  origin: string
  snapshot: CatalogSnapshot
}

export interface PageMeta {
  /** The page's own title; the site name is appended. */
  title: string
  description: string
  /** Path of the canonical URL, e.g. /thu-tuc/1.001193; absent on error pages. */
  path?: string
  jsonLd?: unknown
  /** Search results and error pages: not for indexes. */
  noindex?: boolean
}

export interface Crumb {
  label: string
  /** Absent on the current page. */
  href?: string
}

/** @example siteName(snapshot) === 'Cổng Dịch vụ công tỉnh Thái Nguyên' */
export function siteName(snapshot: CatalogSnapshot): string {
  const province = snapshot.agencies.province.name
  return province ? `Cổng Dịch vụ công ${province}` : 'Cổng Dịch vụ công'
}

/** Cuts at a word boundary so snippets in search results end cleanly. */
export function truncate(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`
}

function head(ctx: PageContext, meta: PageMeta): Html {
  const site = siteName(ctx.snapshot)
  const title = meta.path === '/' ? site : `${meta.title} | ${site}`
  const url = meta.path === undefined ? undefined : ctx.origin + meta.path
  const description = truncate(meta.description)
  return html`<title>${title}</title>
<meta name="description" content="${description}">
${url && html`<link rel="canonical" href="${url}">`}
${meta.noindex && html`<meta name="robots" content="noindex">`}
<meta property="og:type" content="website">
<meta property="og:locale" content="vi_VN">
<meta property="og:site_name" content="${site}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${description}">
${url && html`<meta property="og:url" content="${url}">`}
${meta.jsonLd !== undefined && jsonLd(meta.jsonLd)}`
}

function breadcrumb(crumbs: Crumb[]): Html {
  return html`<nav aria-label="Đường dẫn" class="ssr-breadcrumb"><ol>
<li><a href="/">Trang chủ</a></li>
${crumbs.map((crumb) =>
  crumb.href ? html`<li><a href="${crumb.href}">${crumb.label}</a></li>` : html`<li aria-current="page">${crumb.label}</li>`,
)}
</ol></nav>`
}

/** A whole page: the template with this page's head and body. */
export function renderPage(ctx: PageContext, meta: PageMeta, crumbs: Crumb[], main: Html): string {
  const site = siteName(ctx.snapshot)
  const body = html`<div class="ssr-page">
<header class="ssr-header"><a href="/">${site}</a></header>
${crumbs.length > 0 && breadcrumb(crumbs)}
<main id="noi-dung">
${main}
</main>
<footer class="ssr-footer"><p>${site}. Thông tin thủ tục theo Cơ sở dữ liệu quốc gia về thủ tục hành chính.</p></footer>
</div>`
  return ctx.template.page(head(ctx, meta).value, body.value)
}
