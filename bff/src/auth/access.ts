/**
 * Access control. Every API route says who may call it, before anything else reads the input:
 *
 *   app.get('/api/me', requireSession(), handler)
 *   app.get('/api/officer/:agency', requireRole('officer', { agency: (c) => c.req.param('agency') }), validate(...), handler)
 *   app.post('/api/admin/...', requireRole('administrator'), validate(...), handler)
 *
 * so a stranger gets 401 and never a 400 that confirms what the route expects. The session is
 * loaded once per request by `loadSession` (app.ts) and read here from the context. Roles come
 * from the portal's own tables, read at each request: a revoked role stops working at once.
 * Officer and administrator roles count only in a session with a second factor.
 *
 * Resource rules: a citizen reaches only what they own (`ensureOwner`), an officer only what
 * belongs to one of their agencies (`ensureAgency`); both answer 404 for others' resources, so
 * nobody learns which ids exist (tests try other people's ids: testing/idor.ts).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Duty } from '../accounts/roles.ts'
import { notFound } from '../http/problem.ts'
import { forbidden, mfaRequired, unauthenticated } from './problems.ts'
import type { Session } from './sessions.ts'

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by loadSession on /api/* and /auth/*: the live session, or null. */
    session: Session | null
  }
}

/** The request's session; throws 401 without one. */
export function sessionOf(c: Context): Session {
  const session = c.get('session')
  if (!session) throw unauthenticated()
  return session
}

/** @example app.get('/api/me', requireSession(), (c) => c.json(profile(sessionOf(c)))) */
export function requireSession(): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    sessionOf(c)
    await next()
  })
}

export interface OfficerOptions {
  /** The agency the request is about; the officer must hold a role there. */
  agency?: (c: Context) => string | undefined
  /** Any of these duties at that agency (default: any duty). */
  duties?: readonly Duty[]
}

/**
 * @example requireRole('officer', { agency: (c) => c.req.param('agency'), duties: ['reception'] })
 * @example requireRole('administrator')
 */
export function requireRole(role: 'officer' | 'administrator', options: OfficerOptions = {}): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    const session = sessionOf(c)
    const held = session.assignments.filter((a) => a.role === role)
    if (held.length === 0) throw forbidden()
    if (!session.mfa) throw mfaRequired()
    if (role === 'officer' && options.agency) {
      const agency = options.agency(c)
      if (agency === undefined || !hasAgency(session, agency, options.duties)) throw forbidden('Bạn không thuộc cơ quan này.')
    }
    await next()
  })
}

/** True when the session holds an officer role (with one of `duties`, if given) at `agencyCode`. */
export function hasAgency(session: Session, agencyCode: string, duties?: readonly Duty[]): boolean {
  if (!session.mfa) return false
  return session.assignments.some(
    (a) => a.role === 'officer' && a.agencyCode === agencyCode && (!duties || duties.includes(a.duty)),
  )
}

/** A citizen's own resource: anyone else's is "not found". */
export function ensureOwner(session: Session, ownerUserId: number | undefined): void {
  if (ownerUserId !== session.userId) throw notFound()
}

/** An agency's resource: officers of other agencies get "not found". */
export function ensureAgency(session: Session, agencyCode: string | undefined, duties?: readonly Duty[]): void {
  if (agencyCode === undefined || !hasAgency(session, agencyCode, duties)) throw notFound()
}
