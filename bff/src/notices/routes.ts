/**
 * The applicant's inbox:
 *
 *   GET  /api/notices?before=N        NoticePage: own notices, newest first, NOTICES_PAGE a page
 *   GET  /api/notices/unread-count    UnreadCount (the header's badge)
 *   POST /api/notices/{id}/read       Notice, marked read (own only: anyone else's is 404)
 *
 * Order on every route: session (401), then input (400), then ownership (404). Writes also need
 * the CSRF header (auth/middleware.ts). Nothing here is cached: it changes with every status.
 */
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import * as v from 'valibot'
import { requireSession, sessionOf } from '../auth/access.ts'
import type { Clock } from '../clock.ts'
import { notFound } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import type { Inbox } from './inbox.ts'

export const NOTICES_PAGE = 20

export const BeforeQuerySchema = v.object({
  before: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'before must be a whole number'), v.transform(Number))),
})
export const NoticeIdParamSchema = v.object({ id: v.pipe(v.string(), v.uuid('id must be a notice id')) })

export function noticeRoutes(inbox: Inbox, clock: Clock) {
  const app = new Hono()
  const noStore = createMiddleware(async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
  app.use('/api/notices', noStore)
  app.use('/api/notices/*', noStore)

  app.get('/api/notices', requireSession(), validate('query', BeforeQuerySchema), (c) => {
    const page = inbox.page(sessionOf(c).userId, c.req.valid('query').before, NOTICES_PAGE)
    return c.json({ notices: page.notices, ...(page.next === undefined ? {} : { next: String(page.next) }) })
  })

  app.get('/api/notices/unread-count', requireSession(), (c) => c.json({ unread: inbox.unread(sessionOf(c).userId) }))

  app.post('/api/notices/:id/read', requireSession(), validate('param', NoticeIdParamSchema), (c) => {
    const notice = inbox.markRead(sessionOf(c).userId, c.req.valid('param').id, clock.now())
    if (!notice) throw notFound('Không có thông báo này.')
    return c.json(notice)
  })

  return app
}
