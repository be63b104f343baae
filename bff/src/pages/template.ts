/**
 * The built web app's index.html used as the template of server pages, so a first visit gets
 * the page's content and the app's scripts, styles and manifest in one document.
 *
 * Contract with web/index.html: `<!--ssr-head-->` inside <head> (replaced by the page's title,
 * description, canonical link, Open Graph tags and JSON-LD; the template's own <title> and
 * description are removed from server pages) and `<!--ssr-body-->` inside `<div id="app">`
 * (replaced by the page content). Without a placeholder, the head goes before </head> and the
 * body into the app element, with a warning: the pages still work.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../log.ts'

export const HEAD_PLACEHOLDER = '<!--ssr-head-->'
export const BODY_PLACEHOLDER = '<!--ssr-body-->'

/** Used when the web app is not built (API tests, a BFF-only checkout): pages still render. */
export const FALLBACK_TEMPLATE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="manifest" href="/manifest.webmanifest">
<title>Cổng Dịch vụ công</title>
${HEAD_PLACEHOLDER}
</head>
<body>
<div id="app">${BODY_PLACEHOLDER}</div>
</body>
</html>
`

export interface Template {
  /** A full server page. `head` and `body` are markup (already escaped). */
  page(head: string, body: string): string
  /** The app shell for client-side routes: the template without server content. */
  shell: string
  /** Why the template is not used as is (missing placeholders); empty when all is well. */
  warnings: string[]
}

/**
 * @example parseTemplate('<html><head><!--ssr-head--></head><body><div id="app"><!--ssr-body--></div></body></html>')
 */
export function parseTemplate(source: string): Template {
  const warnings: string[] = []
  let base = setLangVi(source)
  if (!base.includes(HEAD_PLACEHOLDER)) {
    warnings.push(`no ${HEAD_PLACEHOLDER} in the template: head tags go before </head>`)
    base = base.replace(/<\/head>/i, () => `${HEAD_PLACEHOLDER}</head>`)
  }
  if (!base.includes(BODY_PLACEHOLDER)) {
    warnings.push(`no ${BODY_PLACEHOLDER} in the template: content goes into <div id="app">`)
    base = /<div id="app"[^>]*>/i.test(base)
      ? base.replace(/<div id="app"[^>]*>/i, (tag) => tag + BODY_PLACEHOLDER)
      : base.replace(/<body[^>]*>/i, (tag) => `${tag}<div id="app">${BODY_PLACEHOLDER}</div>`)
  }
  // Server pages bring their own title and description.
  const forPages = base.replace(/<title>[\s\S]*?<\/title>/i, '').replace(/<meta\s+name="description"[^>]*>/i, '')
  const [beforeHead = '', afterHead = ''] = splitOnce(forPages, HEAD_PLACEHOLDER)
  const [middle = '', afterBody = ''] = splitOnce(afterHead, BODY_PLACEHOLDER)
  return {
    // Concatenation, not String.replace: a `$&` in page text must stay literal.
    page: (head, body) => beforeHead + head + middle + body + afterBody,
    shell: base.replace(HEAD_PLACEHOLDER, '').replace(BODY_PLACEHOLDER, ''),
    warnings,
  }
}

function splitOnce(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker)
  return [text.slice(0, at), text.slice(at + marker.length)]
}

function setLangVi(source: string): string {
  return source.replace(/<html\b[^>]*>/i, (tag) =>
    /\blang=/i.test(tag) ? tag.replace(/\blang=("[^"]*"|'[^']*'|\S+)/i, 'lang="vi"') : tag.replace(/^<html/i, '<html lang="vi"'),
  )
}

/** Reads `${webDist}/index.html` once, at start; falls back to a minimal template. */
export function loadTemplate(webDist: string, logger: Logger): Template {
  const file = join(webDist, 'index.html')
  if (!existsSync(file)) {
    logger.warn({ file }, 'web app not built: server pages use a minimal template and the app shell is empty')
    return parseTemplate(FALLBACK_TEMPLATE)
  }
  const template = parseTemplate(readFileSync(file, 'utf8'))
  for (const warning of template.warnings) logger.warn({ file }, warning)
  return template
}
