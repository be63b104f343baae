/**
 * The home page, as the app's HomeView renders it: title, lead, the search form, then the
 * fields, agency kinds and levels to browse, each with its procedure count.
 */
import type { ProcedureLevel } from '@portal/shared/catalog/schema'
import type { CatalogSnapshot } from '../catalog/store.ts'
import { html, type Html } from './html.ts'
import { LEVEL_SLUG } from './labels.ts'
import { renderPage, siteName, type PageContext } from './layout.ts'
import { searchPanel } from './search.ts'
import { formatNumber, T } from './texts.ts'

interface Tile {
  href: string
  label: string
  count: number
}

interface BrowseSection {
  id: string
  title: string
  tiles: Tile[]
}

const LEVELS: readonly ProcedureLevel[] = ['province', 'commune']
// One collator: localeCompare with a locale builds a new one on every call.
const collator = new Intl.Collator('vi')
const byName = (a: Tile, b: Tile) => collator.compare(a.label, b.label)

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

/**
 * What BrowseSections.vue shows: fields and agency kinds by name (Vietnamese collation), only
 * those with procedures; both levels always.
 */
export function browseSections(snapshot: CatalogSnapshot): BrowseSection[] {
  const byField = countBy(snapshot.procedures.map((p) => p.field))
  const byKind = countBy(snapshot.procedures.map((p) => p.agencyKind))
  const byLevel = countBy(snapshot.procedures.map((p) => p.level))
  return [
    {
      id: 'by-field',
      title: T.browse.byField,
      tiles: snapshot.fields
        .map((f) => ({ href: `/linh-vuc/${f.id}`, label: f.name, count: byField.get(f.id) ?? 0 }))
        .filter((tile) => tile.count > 0)
        .sort(byName),
    },
    {
      id: 'by-agency',
      title: T.browse.byAgency,
      tiles: snapshot.agencyKinds
        .map((k) => ({ href: `/co-quan/${k.id}`, label: k.name, count: byKind.get(k.id) ?? 0 }))
        .filter((tile) => tile.count > 0)
        .sort(byName),
    },
    {
      id: 'by-level',
      title: T.browse.byLevel,
      tiles: LEVELS.map((level) => ({ href: `/cap/${LEVEL_SLUG[level]}`, label: T.level[level], count: byLevel.get(level) ?? 0 })),
    },
  ]
}

function browse(section: BrowseSection): Html {
  return html`<section class="browse" aria-labelledby="${section.id}"><h2 id="${section.id}">${section.title}</h2>
<ul class="tiles">${section.tiles.map(
    (tile) => html`<li><a href="${tile.href}"><span>${tile.label}</span><span class="count">${formatNumber(tile.count)}</span></a></li>`,
  )}</ul></section>`
}

export function renderHomePage(ctx: PageContext): string {
  const { snapshot, origin } = ctx
  const site = siteName(snapshot)
  const main = html`<h1>${T.home.title}</h1>
<p class="lead">${T.home.lead}</p>
${searchPanel()}
${browseSections(snapshot).map(browse)}`
  return renderPage(
    ctx,
    {
      title: site,
      description: `${site}: tra cứu thủ tục hành chính, chuẩn bị và nộp hồ sơ trực tuyến.`,
      path: '/',
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: site,
        url: `${origin}/`,
        inLanguage: 'vi',
        potentialAction: {
          '@type': 'SearchAction',
          target: `${origin}/tim-kiem?q={search_term_string}`,
          'query-input': 'required name=search_term_string',
        },
      },
    },
    main,
  )
}
