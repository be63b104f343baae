/**
 * Routes of the server-rendered pages. Every page is rendered from the current catalogue
 * snapshot; answers carry a weak ETag of their content and `no-cache`, so a revisit costs a
 * 304, and are gzip-compressed. Unknown ids throw a 404, which errors.ts renders as a page
 * (error.ts: the app's "not found" view; with the error's detail, when it has one, as its text).
 */
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { etag } from 'hono/etag'
import { PROCEDURE_CODE, type ProcedureLevel } from '@portal/shared/catalog/schema'
import type { CatalogStore } from '../catalog/store.ts'
import { revalidate } from '../http/cache-control.ts'
import { notFound } from '../http/problem.ts'
import { renderHomePage } from './home.ts'
import { LEVEL_LABEL, LEVEL_SLUG } from './labels.ts'
import type { PageContext } from './layout.ts'
import { proceduresByName, renderListPage } from './list.ts'
import { renderProcedurePage } from './procedure.ts'
import { renderSearchPage } from './search.ts'
import { renderRobots, renderSitemap } from './seo.ts'
import type { Template } from './template.ts'
import { fill, T } from './texts.ts'

const LEVEL_BY_SLUG = new Map(Object.entries(LEVEL_SLUG).map(([level, slug]) => [slug, level as ProcedureLevel]))

export interface PageDeps {
  store: CatalogStore
  template: Template
  origin: string
}

export function pageRoutes({ store, template, origin }: PageDeps) {
  const app = new Hono()
  // compress wraps etag: the tag is computed on the plain body, then weak (as compress requires).
  for (const path of ['/', '/tim-kiem', '/linh-vuc/:id', '/co-quan/:id', '/cap/:level', '/thu-tuc/:code', '/sitemap.xml', '/robots.txt']) {
    app.get(path, compress(), etag({ weak: true }), revalidate)
  }
  const context = (): PageContext => ({ template, origin, snapshot: store.snapshot() })

  app.get('/', (c) => c.html(renderHomePage(context())))

  app.get('/tim-kiem', (c) => c.html(renderSearchPage(context(), c.req.query('q') ?? '')))

  app.get('/linh-vuc/:id', (c) => {
    const ctx = context()
    const field = ctx.snapshot.fields.find((f) => f.id === c.req.param('id'))
    if (!field) throw notFound()
    return c.html(
      renderListPage(ctx, {
        title: `Thủ tục lĩnh vực ${field.name}`,
        heading: field.name,
        description: `Danh sách thủ tục hành chính lĩnh vực ${field.name}: giấy tờ, thời hạn, lệ phí và nơi nộp.`,
        path: `/linh-vuc/${field.id}`,
        procedures: proceduresByName(ctx.snapshot).filter((p) => p.field === field.id),
      }),
    )
  })

  app.get('/co-quan/:id', (c) => {
    const ctx = context()
    const kind = ctx.snapshot.agencyKinds.find((k) => k.id === c.req.param('id'))
    if (!kind) throw notFound()
    return c.html(
      renderListPage(ctx, {
        title: `Thủ tục do ${kind.name} thực hiện`,
        heading: kind.name,
        description: `Danh sách thủ tục hành chính do ${kind.name} giải quyết.`,
        path: `/co-quan/${kind.id}`,
        procedures: proceduresByName(ctx.snapshot).filter((p) => p.agencyKind === kind.id),
      }),
    )
  })

  app.get('/cap/:level', (c) => {
    const level = LEVEL_BY_SLUG.get(c.req.param('level'))
    if (!level) throw notFound()
    const ctx = context()
    const label = LEVEL_LABEL[level]
    return c.html(
      renderListPage(ctx, {
        title: `Thủ tục ${label.toLowerCase()}`,
        heading: label,
        description: `Danh sách thủ tục hành chính ${label.toLowerCase()}.`,
        path: `/cap/${LEVEL_SLUG[level]}`,
        procedures: proceduresByName(ctx.snapshot).filter((p) => p.level === level),
      }),
    )
  })

  app.get('/thu-tuc/:code', (c) => {
    const code = c.req.param('code')
    const ctx = context()
    const procedure = PROCEDURE_CODE.test(code) ? ctx.snapshot.byCode.get(code) : undefined
    // The app's own words for it (the code is escaped where the page shows it).
    if (!procedure) throw notFound(fill(T.notFound.procedure, { code }))
    return c.html(renderProcedurePage(ctx, procedure))
  })

  app.get('/sitemap.xml', (c) => {
    c.header('Content-Type', 'application/xml; charset=utf-8')
    return c.body(renderSitemap(store.snapshot(), origin))
  })

  app.get('/robots.txt', (c) => c.text(renderRobots(origin)))

  return app
}
