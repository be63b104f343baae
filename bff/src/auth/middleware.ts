/**
 * Request-wide pieces mounted in app.ts on /api/* and /auth/*:
 *
 * - `loadSession`: finds the session of the `__Host-portal` cookie (or none) once per request;
 *   a cookie that names no live session (tampered, unknown, expired) is cleared.
 * - `requireAppHeader`: CSRF, on top of the Origin check (http/origin.ts). Every state-changing
 *   request must carry `X-Requested-With` (any value; the app sends `portal`), which a
 *   cross-site form cannot send and a cross-site fetch cannot send without a CORS preflight we
 *   never grant. The one exception is a plain HTML form of our own (sign-out without
 *   JavaScript): it posts a `csrf` field derived from the session cookie (`formToken`).
 */
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { clearCookie, readCookie, SESSION_COOKIE } from './cookies.ts'
import { csrfHeaderMissing } from './problems.ts'
import type { SessionStore } from './sessions.ts'
import { hashSecret } from './tokens.ts'

export const APP_HEADER = 'X-Requested-With'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function loadSession(store: SessionStore) {
  return createMiddleware(async (c, next) => {
    const cookie = readCookie(c, SESSION_COOKIE)
    const session = cookie === undefined ? null : store.authenticate(cookie)
    c.set('session', session)
    if (cookie !== undefined && !session) clearCookie(c, SESSION_COOKIE)
    await next()
  })
}

/** The hidden field of our own forms: bound to the session cookie, unknown to other sites. */
export function formToken(c: Context): string | undefined {
  const cookie = readCookie(c, SESSION_COOKIE)
  return cookie === undefined ? undefined : hashSecret(`form:${cookie}`)
}

export function requireAppHeader() {
  return createMiddleware(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header(APP_HEADER)) return next()
    const type = c.req.header('Content-Type') ?? ''
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const token = formToken(c)
      const body = await c.req.parseBody()
      if (token !== undefined && body.csrf === token) return next()
    }
    throw csrfHeaderMissing()
  })
}
