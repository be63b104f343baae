/**
 * The browser side of sign-in (BFF pattern: the BFF is the OpenID client, tokens stay here):
 *
 *   GET  /auth/login?next=/path  → a login attempt (state, nonce, PKCE S256) and a redirect
 *   GET  /auth/callback          → checks and code exchange, a session, back to `next`
 *   GET  /auth/logout            → a confirmation form (works without JavaScript)
 *   POST /auth/logout            → ends the session, then the provider's session (RP-initiated)
 *
 * Every failure of the callback is an HTML page in Vietnamese and English with a log line and
 * an audit entry, never a stack trace.
 */
import { Hono, type Context } from 'hono'
import type { Accounts } from '../accounts/repository.ts'
import { needsMfa } from '../accounts/roles.ts'
import type { AuditLog } from '../audit/log.ts'
import type { Config } from '../config/config.ts'
import type { Logger } from '../log.ts'
import type { Template } from '../pages/template.ts'
import type { LoginAttempts } from './attempts.ts'
import { ATTEMPT_SECONDS } from './attempts.ts'
import { clearCookie, LOGIN_COOKIE, readCookie, SESSION_COOKIE, writeCookie } from './cookies.ts'
import { APP_HEADER, formToken } from './middleware.ts'
import { ProviderUnavailable, type OidcClient } from './oidc.ts'
import { signInProblemPage, signOutPage, type SignInProblem } from './pages.ts'
import { deviceLabel, hasSecondFactor } from './profile.ts'
import type { SessionStore } from './sessions.ts'

export interface AuthDeps {
  config: Config
  oidc: OidcClient
  attempts: LoginAttempts
  sessions: SessionStore
  accounts: Accounts
  audit: AuditLog
  template: Template
  logger: Logger
}

/** Same-origin relative paths only: `/x?y`, never `//host`, `/\host` or an absolute URL. */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  // Control characters and backslashes: browsers read some of them as separators.
  if ([...next].some((ch) => ch < ' ' || ch === '\\')) return '/'
  return next
}

const STATUS: Record<SignInProblem, 400 | 403 | 502 | 503> = {
  'attempt-missing': 400,
  'provider-error': 400,
  'invalid-response': 502,
  'provider-unavailable': 503,
  'mfa-required': 403,
}

export function authRoutes(deps: AuthDeps) {
  const { config, oidc, attempts, sessions, accounts, audit, template, logger } = deps
  const app = new Hono()

  const problemPage = (c: Context, problem: SignInProblem, detail: Record<string, unknown>) => {
    logger.warn({ problem, ...detail }, `sign-in failed: ${problem}`)
    audit.record({ action: 'auth.sign-in-failed', target: typeof detail.sub === 'string' ? detail.sub : null, details: { reason: problem } })
    c.header('Cache-Control', 'no-store')
    return c.html(signInProblemPage(template, problem), STATUS[problem])
  }

  app.get('/auth/login', async (c) => {
    const { secret, attempt } = attempts.start(safeNext(c.req.query('next')))
    let url: URL
    try {
      url = await oidc.authorizationUrl(attempt)
    } catch (error) {
      if (error instanceof ProviderUnavailable) return problemPage(c, 'provider-unavailable', { err: error.message })
      throw error
    }
    writeCookie(c, LOGIN_COOKIE, secret, ATTEMPT_SECONDS)
    c.header('Cache-Control', 'no-store')
    return c.redirect(url.href, 302)
  })

  app.get('/auth/callback', async (c) => {
    const attempt = attempts.consume(readCookie(c, LOGIN_COOKIE))
    clearCookie(c, LOGIN_COOKIE)
    if (!attempt) return problemPage(c, 'attempt-missing', {})
    const providerError = c.req.query('error')
    if (providerError) return problemPage(c, 'provider-error', { error: providerError, description: c.req.query('error_description') })

    // Built from PUBLIC_ORIGIN, not the Host header: it must equal the registered redirect URI.
    const callbackUrl = new URL(`/auth/callback${new URL(c.req.url).search}`, config.publicOrigin)
    let result
    try {
      result = await oidc.signIn(callbackUrl, attempt)
    } catch (error) {
      if (error instanceof ProviderUnavailable) return problemPage(c, 'provider-unavailable', { err: error.message })
      const e = error as Error & { code?: string; error?: string }
      return problemPage(c, 'invalid-response', { err: e.message, code: e.code ?? e.error })
    }

    const now = new Date()
    const user = accounts.ensureUser(config.oidc.issuer, result.sub, now, result.profile)
    const mfa = hasSecondFactor(result.idClaims)
    if (needsMfa(accounts.assignments(user.id)) && !mfa) {
      return problemPage(c, 'mfa-required', { sub: result.sub, amr: result.idClaims.amr, acr: result.idClaims.acr })
    }
    // A new sign-in in this browser replaces the session it had.
    const previous = sessions.authenticate(readCookie(c, SESSION_COOKIE))
    if (previous) sessions.revoke(previous.userId, previous.publicId)
    const { secret, publicId } = sessions.create({ userId: user.id, mfa, idToken: result.idToken, device: deviceLabel(c.req.header('User-Agent')) })
    writeCookie(c, SESSION_COOKIE, secret, config.session.maxSeconds)
    audit.record({ actor: result.sub, action: 'auth.sign-in', target: result.sub, details: { session: publicId, mfa, amr: (result.idClaims.amr as string[] | undefined) ?? [] } })
    c.header('Cache-Control', 'no-store')
    return c.redirect(attempt.next, 303)
  })

  app.get('/auth/logout', (c) => {
    c.header('Cache-Control', 'no-store')
    return c.html(signOutPage(template, c.get('session') ? formToken(c) : undefined))
  })

  app.post('/auth/logout', async (c) => {
    const session = c.get('session')
    let redirect = '/'
    if (session) {
      sessions.revoke(session.userId, session.publicId)
      audit.record({ actor: session.sub, action: 'auth.sign-out', target: session.sub, details: { session: session.publicId } })
      redirect = (await oidc.endSessionUrl(session.idToken))?.href ?? '/'
    }
    clearCookie(c, SESSION_COOKIE)
    c.header('Cache-Control', 'no-store')
    // The app (fetch, with the header) navigates itself; a plain form follows the redirect.
    if (c.req.header(APP_HEADER)) return c.json({ redirect })
    return c.redirect(redirect, 303)
  })

  return app
}
