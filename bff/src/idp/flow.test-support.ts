/**
 * The authorization-code flow as the BFF will drive it, step by step, for the provider's tests.
 */
import { Browser, CLIENT, decodeJwt, formOf, pkce, type TestIdp } from './test-support.ts'

export interface Started {
  browser: Browser
  verifier: string
  state: string
  /** The page the provider shows (login form), with its form action and token. */
  html: string
  url: string
  /** Set instead when the provider went straight back to the client (a live session). */
  redirect?: URL
}

export async function startAuthorization(t: TestIdp, scope = 'openid profile vn_identity', extra: Record<string, string> = {}, browser = new Browser(t.origin)): Promise<Started> {
  const { verifier, challenge } = pkce()
  const state = `st-${Math.random().toString(36).slice(2)}`
  const query = new URLSearchParams({
    client_id: CLIENT.id,
    redirect_uri: t.redirectUri,
    response_type: 'code',
    scope,
    state,
    nonce: 'n-0S6_WzA2Mj',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  })
  const res = await browser.follow(`${t.issuer}/auth?${query}`, {}, t.redirectUri)
  const location = res.headers.get('location')
  if (location?.startsWith(t.redirectUri)) return { browser, verifier, state, html: '', url: res.url, redirect: new URL(location) }
  return { browser, verifier, state, html: await res.text(), url: res.url }
}

/** Posts the first form of `html`; follows provider redirects, stops at the client's callback. */
export async function submit(t: TestIdp, browser: Browser, html: string, fields: Record<string, string>): Promise<Response> {
  const { action, csrf } = formOf(html)
  return browser.follow(new URL(action, t.origin).href, { form: { csrf, ...fields } }, t.redirectUri)
}

export function callbackCode(res: Response, t: TestIdp): URLSearchParams {
  const location = res.headers.get('location') ?? ''
  if (!location.startsWith(t.redirectUri)) throw new Error(`expected a redirect to the client, got ${res.status} ${location}`)
  return new URL(location).searchParams
}

export async function exchange(t: TestIdp, code: string, verifier: string | undefined): Promise<{ status: number; body: Record<string, unknown>; claims: Record<string, unknown> }> {
  const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: t.redirectUri })
  if (verifier) form.set('code_verifier', verifier)
  const res = await fetch(`${t.issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: form,
  })
  const body = (await res.json()) as Record<string, unknown>
  const claims = typeof body.id_token === 'string' ? decodeJwt(body.id_token).payload : {}
  return { status: res.status, body, claims }
}

/** Whole sign-in with a password (and a code when given): the ID token's claims. */
export async function signIn(t: TestIdp, username: string, password: string, code?: () => string) {
  const started = await startAuthorization(t)
  let res = await submit(t, started.browser, started.html, { username, password })
  if (code) res = await submit(t, started.browser, await res.text(), { code: code() })
  const params = callbackCode(res, t)
  const tokens = await exchange(t, params.get('code') ?? '', started.verifier)
  return { ...tokens, browser: started.browser, state: params.get('state'), expectedState: started.state }
}
