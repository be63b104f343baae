/**
 * The provider's interaction pages, as Koa middleware in front of oidc-provider's own routes
 * (paths are relative to the mount, e.g. `/interaction/<uid>`):
 *
 *   GET  /interaction/:uid        the sign-in form, or the code form once the password was right,
 *                                 or (consent prompt) an immediate auto-grant
 *   POST /interaction/:uid/login  username + password
 *   POST /interaction/:uid/totp   6-digit code (officers, administrators)
 *   POST /interaction/:uid/abort  cancel: back to the client with access_denied
 *
 * Every POST passes the same-origin check and the form token (forms.ts). Lockout and TOTP replay
 * state live in SQLite (lockout.ts); "password done, code pending" is kept per interaction in
 * the provider's own store, so it ends with the interaction.
 */
import type { Adapter, default as Provider, InteractionResults, KoaContextWithOIDC } from 'oidc-provider'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { AccountDirectory, IdpAccount } from './accounts.ts'
import { ACR_LOA1, ACR_LOA2, AMR_PASSWORD, AMR_PASSWORD_OTP } from './claims.ts'
import type { IdpEventInput } from './events.ts'
import { checkCsrf, checkSameOrigin, csrfToken, FormError, readForm } from './forms.ts'
import { autoGrant } from './grant.ts'
import { accountState, MAX_FAILED_ATTEMPTS, recordFailure, recordSuccess } from './lockout.ts'
import { loginPage, messagePage, totpPage, type PageContext } from './pages.ts'
import { DUMMY_HASH, verifyPassword } from './passwords.ts'
import { TEXTS, type Bilingual } from './texts.ts'
import { checkTotp } from './totp.ts'

export interface InteractionDeps {
  provider: Provider
  accounts: AccountDirectory
  db: Db
  clock: Clock
  pages: PageContext
  /** Scheme, host and port of the issuer: what a same-origin form post says in `Origin`. */
  origin: string
  csrfKey: string
  /** Holds `{ sub }` per interaction uid between the password and the code. */
  pending: Adapter
  report(event: IdpEventInput): void
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>
type Next = () => Promise<unknown>

const ROUTE = /^\/interaction\/([\w-]{1,64})(?:\/(login|totp|abort))?$/
const PENDING_TTL_SECONDS = 5 * 60

export function interactionPages(deps: InteractionDeps) {
  return async function interactions(ctx: KoaContextWithOIDC, next: Next): Promise<void> {
    const match = ROUTE.exec(ctx.path)
    if (!match) return void (await next())
    const [, uid = '', action] = match
    ctx.set('Cache-Control', 'no-store')
    const method = action ? 'POST' : 'GET'
    if (ctx.method !== method && !(method === 'GET' && ctx.method === 'HEAD')) {
      ctx.status = 405
      ctx.set('Allow', method)
      return
    }
    let details: Details
    try {
      details = await deps.provider.interactionDetails(ctx.req, ctx.res)
      if (details.uid !== uid) throw new Error('interaction uid mismatch')
    } catch {
      return page(ctx, 400, messagePage(deps.pages, TEXTS.expiredTitle, TEXTS.expired))
    }
    try {
      if (!action) return await show(deps, ctx, details)
      checkSameOrigin(ctx.req, deps.origin)
      const form = await readForm(ctx.req)
      checkCsrf(deps.csrfKey, uid, form.get('csrf'))
      if (action === 'abort') {
        return await finish(deps, ctx, { error: 'access_denied', error_description: 'End-User aborted interaction' })
      }
      if (details.prompt.name !== 'login') return redirect(ctx, details)
      if (action === 'login') return await password(deps, ctx, details, form)
      return await code(deps, ctx, details, form)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      return page(ctx, error.status, messagePage(deps.pages, TEXTS.errorTitle, TEXTS.forbidden))
    }
  }
}

async function show(deps: InteractionDeps, ctx: KoaContextWithOIDC, details: Details): Promise<void> {
  if (details.prompt.name === 'consent' && details.session?.accountId) {
    const grantId = await autoGrant(deps.provider, details, details.session.accountId)
    return finish(deps, ctx, { consent: { grantId } })
  }
  if (details.prompt.name !== 'login') return page(ctx, 400, messagePage(deps.pages, TEXTS.expiredTitle, TEXTS.expired))
  const pending = await deps.pending.find(details.uid)
  return page(ctx, 200, pending ? totpForm(deps, details) : loginForm(deps, details))
}

async function password(deps: InteractionDeps, ctx: KoaContextWithOIDC, details: Details, form: URLSearchParams): Promise<void> {
  const username = (form.get('username') ?? '').trim().slice(0, 100)
  const secret = form.get('password') ?? ''
  if (!username || !secret) return page(ctx, 400, loginForm(deps, details, TEXTS.missingFields, username))
  const account = deps.accounts.byUsername(username)
  const ip = ctx.req.socket.remoteAddress
  if (!account) {
    await verifyPassword(secret, DUMMY_HASH) // same time as a wrong password
    deps.report({ type: 'signin.failure', username, reason: 'credentials', ip })
    return page(ctx, 401, loginForm(deps, details, TEXTS.wrongCredentials, username))
  }
  if (accountState(deps.db, account.sub).lockedAt) {
    deps.report({ type: 'signin.failure', sub: account.sub, username, reason: 'locked', ip })
    return page(ctx, 403, loginForm(deps, details, TEXTS.locked, username))
  }
  if (!(await verifyPassword(secret, account.passwordHash))) {
    return failed(deps, ctx, details, account, username, 'credentials', TEXTS.wrongCredentials)
  }
  if (account.totpSecret) {
    await deps.pending.upsert(details.uid, { sub: account.sub }, PENDING_TTL_SECONDS)
    ctx.status = 303
    return ctx.redirect(`${deps.pages.mountPath}/interaction/${details.uid}`)
  }
  recordSuccess(deps.db, account.sub, deps.clock)
  return signedIn(deps, ctx, account, [...AMR_PASSWORD], ACR_LOA1)
}

async function code(deps: InteractionDeps, ctx: KoaContextWithOIDC, details: Details, form: URLSearchParams): Promise<void> {
  const pending = await deps.pending.find(details.uid)
  const account = typeof pending?.sub === 'string' ? deps.accounts.bySub(pending.sub) : undefined
  if (!account?.totpSecret) return page(ctx, 400, loginForm(deps, details))
  const state = accountState(deps.db, account.sub)
  if (state.lockedAt) {
    await deps.pending.destroy(details.uid)
    return page(ctx, 403, loginForm(deps, details, TEXTS.locked, account.username))
  }
  const check = checkTotp(account.totpSecret, form.get('code') ?? '', deps.clock.now(), state.lastTotpStep)
  if (!check.ok) {
    const replayed = check.reason === 'replayed'
    return failed(deps, ctx, details, account, account.username, replayed ? 'totp-replayed' : 'totp', replayed ? TEXTS.replayedCode : TEXTS.wrongCode)
  }
  await deps.pending.destroy(details.uid)
  recordSuccess(deps.db, account.sub, deps.clock, check.step)
  return signedIn(deps, ctx, account, [...AMR_PASSWORD_OTP], ACR_LOA2)
}

/** Counts the failure; the fifth locks the account and ends a pending code step. */
async function failed(
  deps: InteractionDeps,
  ctx: KoaContextWithOIDC,
  details: Details,
  account: IdpAccount,
  username: string,
  reason: 'credentials' | 'totp' | 'totp-replayed',
  message: Bilingual,
): Promise<void> {
  const ip = ctx.req.socket.remoteAddress
  const { failedAttempts, lockedNow } = recordFailure(deps.db, account.sub, deps.clock)
  deps.report({ type: 'signin.failure', sub: account.sub, username, reason, failedAttempts, ip })
  if (lockedNow || failedAttempts >= MAX_FAILED_ATTEMPTS) {
    if (lockedNow) deps.report({ type: 'account.locked', sub: account.sub, failedAttempts, ip })
    await deps.pending.destroy(details.uid)
    return page(ctx, 403, loginForm(deps, details, TEXTS.locked, username))
  }
  const onCodeStep = reason !== 'credentials'
  return page(ctx, 401, onCodeStep ? totpForm(deps, details, message) : loginForm(deps, details, message, username))
}

async function signedIn(deps: InteractionDeps, ctx: KoaContextWithOIDC, account: IdpAccount, amr: string[], acr: string): Promise<void> {
  deps.report({ type: 'signin.success', sub: account.sub, amr, acr, ip: ctx.req.socket.remoteAddress })
  const details = await deps.provider.interactionDetails(ctx.req, ctx.res)
  const grantId = await autoGrant(deps.provider, details, account.sub)
  // remember: false: the provider's session cookie ends with the browser (shared computers).
  return finish(deps, ctx, { login: { accountId: account.sub, amr, acr, remember: false }, consent: { grantId } })
}

async function finish(deps: InteractionDeps, ctx: KoaContextWithOIDC, result: InteractionResults): Promise<void> {
  const returnTo = await deps.provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false })
  ctx.redirect(returnTo)
  ctx.status = 303
}

function redirect(ctx: KoaContextWithOIDC, details: Details): void {
  ctx.redirect(details.returnTo)
  ctx.status = 303
}

function loginForm(deps: InteractionDeps, details: Details, error?: Bilingual, username?: string): string {
  return loginPage(deps.pages, { ...formParts(deps, details, 'login'), error, username })
}

function totpForm(deps: InteractionDeps, details: Details, error?: Bilingual): string {
  return totpPage(deps.pages, { ...formParts(deps, details, 'totp'), error })
}

function formParts(deps: InteractionDeps, details: Details, action: 'login' | 'totp') {
  const base = `${deps.pages.mountPath}/interaction/${details.uid}`
  return { action: `${base}/${action}`, cancelAction: `${base}/abort`, csrf: csrfToken(deps.csrfKey, details.uid) }
}

function page(ctx: KoaContextWithOIDC, status: number, body: string): void {
  ctx.status = status
  ctx.type = 'html'
  ctx.body = body
}
