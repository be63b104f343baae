/**
 * /sitemap.xml and /robots.txt: every public page with its absolute URL (from PUBLIC_ORIGIN)
 * and the date it last changed, so search engines find every procedure (TT 32/2017 asks for
 * an XML sitemap and procedures findable by common search engines).
 */
import type { CatalogSnapshot } from '../catalog/store.ts'
import { escapeHtml } from './html.ts'
import { LEVEL_SLUG } from './labels.ts'

const day = (iso: string) => iso.slice(0, 10)

export function renderSitemap(snapshot: CatalogSnapshot, origin: string): string {
  const updated = day(snapshot.updatedAt)
  const pages: [string, string][] = [
    ['/', updated],
    ['/tra-cuu', updated],
    ['/thong-ke', updated],
    ...snapshot.fields.map((f): [string, string] => [`/linh-vuc/${f.id}`, updated]),
    ...snapshot.agencyKinds.map((k): [string, string] => [`/co-quan/${k.id}`, updated]),
    ...Object.values(LEVEL_SLUG).map((slug): [string, string] => [`/cap/${slug}`, updated]),
    ...snapshot.procedures.map((p): [string, string] => [`/thu-tuc/${p.code}`, day(snapshot.changedAt.get(p.code) ?? snapshot.updatedAt)]),
  ]
  const urls = pages.map(([path, lastmod]) => `<url><loc>${escapeHtml(origin + path)}</loc><lastmod>${lastmod}</lastmod></url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}

export function renderRobots(origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`
}
