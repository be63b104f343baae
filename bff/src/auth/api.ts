/**
 * The session API the app uses:
 *
 *   GET    /api/session            200 { authenticated, user? } — the app shell asks this
 *   GET    /api/me                 the profile and roles (401 without a session)
 *   GET    /api/me/sessions        this person's live sessions
 *   DELETE /api/me/sessions/{id}   ends one of them (404 for anyone else's id)
 */
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import * as v from 'valibot'
import type { AuditLog } from '../audit/log.ts'
import { notFound } from '../http/problem.ts'
import { validate } from '../http/validate.ts'
import { requireSession, sessionOf } from './access.ts'
import { clearCookie, SESSION_COOKIE } from './cookies.ts'
import { profileOf, sessionState } from './profile.ts'
import type { Session, SessionStore } from './sessions.ts'

export const SessionIdParamSchema = v.object({ id: v.pipe(v.string(), v.uuid('id must be a session id')) })

export function sessionApiRoutes(sessions: SessionStore, audit: AuditLog) {
  const app = new Hono()
  // Personal answers: never stored by a cache, shared or not.
  const noStore = createMiddleware(async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
  for (const path of ['/api/session', '/api/me', '/api/me/*']) app.use(path, noStore)

  // The app asks this at every start and on every return to it: the body of a session is
  // serialised once while the session store hands out the same (frozen) object.
  const bodies = new WeakMap<Session, string>()
  const anonymous = JSON.stringify(sessionState(null))
  app.get('/api/session', (c) => {
    const session = c.get('session')
    let body = session ? bodies.get(session) : anonymous
    if (body === undefined && session) bodies.set(session, (body = JSON.stringify(sessionState(session))))
    return c.body(body ?? anonymous, 200, { 'Content-Type': 'application/json' })
  })

  app.get('/api/me', requireSession(), (c) => c.json(profileOf(sessionOf(c))))

  app.get('/api/me/sessions', requireSession(), (c) => c.json({ sessions: sessions.list(sessionOf(c)) }))

  app.delete('/api/me/sessions/:id', requireSession(), validate('param', SessionIdParamSchema), (c) => {
    const session = sessionOf(c)
    const { id } = c.req.valid('param')
    if (!sessions.revoke(session.userId, id)) throw notFound('Không có phiên đăng nhập này.')
    audit.record({ actor: session.sub, action: 'session.revoked', target: session.sub, details: { session: id } })
    if (id === session.publicId) clearCookie(c, SESSION_COOKIE)
    return c.body(null, 204)
  })

  return app
}
