/**
 * The frame every server page shares: head tags (title, description, canonical URL from
 * PUBLIC_ORIGIN, Open Graph, JSON-LD) and, in the body, the app's own frame and markup (see
 * "Server pages and the app: one markup" in web/README.md), so the app replaces a server page
 * without a visible jump.
 */
import type { CatalogSnapshot } from '../catalog/store.ts'
import { html, jsonLd, pageData, raw, type Html } from './html.ts'
import { T } from './texts.ts'
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
  /** What the page shows, for the app view that takes it over (html.ts, pageData). */
  data?: unknown
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
${meta.jsonLd !== undefined && jsonLd(meta.jsonLd)}
${meta.data !== undefined && pageData(meta.data)}`
}

/**
 * The trail below home, as the app's Breadcrumbs.vue renders it; the last item is the current
 * page (no link). Pages put it first in <main> (the procedure page inside its <article>).
 */
export function crumbs(items: Crumb[]): Html {
  return html`<nav class="crumbs" aria-label="${T.app.breadcrumb}"><ol><li><a href="/">${T.app.home}</a></li>${items.map((item) =>
    item.href ? html`<li><a href="${item.href}">${item.label}</a></li>` : html`<li><span aria-current="page">${item.label}</span></li>`,
  )}</ol></nav>`
}

/**
 * The app's frame (App.vue, AppHeader.vue, StatusLine.vue, StorageStatus.vue) around the page.
 * The status line and the storage note stay empty: only the app knows the device's catalogue
 * and storage. The language button does nothing without JavaScript, as in the app before it
 * mounts (the app has no language URL a link could point to); "my dossiers" (drafts on the
 * device) is the app's own page. The page is the same for everyone (cached by ETag), so it
 * offers sign-in; the app shows "Tài khoản" instead once it knows a session exists.
 */
function frame(main: Html, path: string): Html {
  const home = path === '/'
  return html`<a class="skip" href="#main">${T.app.skip}</a>
<header class="top"><div class="wrap top-bar"><a class="brand" href="/"${home && raw(' aria-current="page"')}><img src="/icons/icon.svg" alt="" width="40" height="40"><span><strong>${T.app.name}</strong><span class="brand-sub">${T.app.province}</span></span></a><button class="lang" type="button" lang="${T.lang.switchToCode}">${T.lang.switchTo}</button></div><nav class="wrap top-nav" aria-label="${T.app.nav}"><a href="/ho-so">${T.app.myDossiers}</a><a href="/auth/login?next=${encodeURIComponent(path)}">${T.app.signIn}</a></nav></header>
<div class="status" role="status"><p class="wrap"></p></div>
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
<footer class="foot"><div class="wrap"><p class="foot-links"><a href="/tra-cuu">${T.app.lookup}</a> <a href="/thong-ke">${T.app.statistics}</a></p><section class="storage" aria-labelledby="storage-title"><h2 id="storage-title">${T.storage.title}</h2><p></p></section></div></footer>`
}

/** A whole page: the template with this page's head, and the page inside the app's frame. */
export function renderPage(ctx: PageContext, meta: PageMeta, main: Html): string {
  return ctx.template.page(head(ctx, meta).value, frame(main, meta.path ?? '/').value)
}
