/**
 * The embedded provider alone on a real port (127.0.0.1), a real SQLite file, driven over HTTP
 * as a browser and the BFF would: discovery, the code flow with PKCE, the pages' security
 * headers and form checks, RP-initiated logout.
 */
import { createPublicKey, createVerify } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { DEMO_PASSWORD } from './demo-accounts.ts'
import { onIdpEvent, type IdpEvent } from './events.ts'
import { callbackCode, exchange, signIn, startAuthorization, submit } from './flow.test-support.ts'
import { Browser, CLIENT, formOf, startTestIdp, type TestIdp } from './test-support.ts'

const CITIZEN = '019085004127'

describe('the embedded provider over HTTP', () => {
  let t: TestIdp
  beforeAll(async () => {
    t = await startTestIdp()
  })
  afterAll(async () => {
    await t.stop()
    t.cleanup()
  })

  it('publishes its discovery document under the issuer, with the end-session endpoint', async () => {
    const res = await fetch(`${t.issuer}/.well-known/openid-configuration`)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as Record<string, unknown>
    expect(doc).toMatchObject({
      issuer: t.issuer,
      authorization_endpoint: `${t.issuer}/auth`,
      token_endpoint: `${t.issuer}/token`,
      jwks_uri: `${t.issuer}/jwks`,
      end_session_endpoint: `${t.issuer}/session/end`,
      code_challenge_methods_supported: ['S256'],
      acr_values_supported: ['urn:portal:loa:1', 'urn:portal:loa:2'],
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
    })
    expect(doc.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'address', 'phone', 'email', 'vn_identity']))
    expect(doc.claims_supported).toEqual(expect.arrayContaining(['identity_number', 'account_type', 'tax_code', 'tech_id', 'amr', 'acr']))
  })

  it('signs a citizen in with the code flow and PKCE: a signed ID token with the identity claims and amr pwd', async () => {
    const result = await signIn(t, CITIZEN, DEMO_PASSWORD)
    expect(result.status).toBe(200)
    expect(result.state).toBe(result.expectedState)
    expect(result.claims).toMatchObject({
      iss: t.issuer,
      aud: CLIENT.id,
      sub: '845849a7-e18a-48fb-a216-a2522e50210e',
      name: 'Nguyễn Văn An',
      birthdate: '1985-03-14',
      identity_number: CITIZEN,
      account_type: 'citizen',
      tech_id: '18c7893a-64ce-45d1-b119-ce72ce28fba9',
      amr: ['pwd'],
      acr: 'urn:portal:loa:1',
      nonce: 'n-0S6_WzA2Mj',
    })
    // Only what the scopes asked for: no address or phone without those scopes.
    expect(result.claims).not.toHaveProperty('address')
    const jwks = (await (await fetch(`${t.issuer}/jwks`)).json()) as { keys: { kid: string }[] }
    const [header = '', payload = '', signature = ''] = String(result.body.id_token).split('.')
    const kid = JSON.parse(Buffer.from(header, 'base64url').toString()).kid
    const jwk = jwks.keys.find((key) => key.kid === kid)
    expect(jwk).toBeDefined()
    expect(jwk).not.toHaveProperty('d')
    const verifier = createVerify('RSA-SHA256').update(`${header}.${payload}`)
    expect(verifier.verify(createPublicKey({ key: jwk as never, format: 'jwk' }), Buffer.from(signature, 'base64url'))).toBe(true)
  })

  it('releases the address with its unit codes and an organisation its tax code', async () => {
    const started = await startAuthorization(t, 'openid profile address vn_identity')
    const res = await submit(t, started.browser, started.html, { username: '4602117891', password: DEMO_PASSWORD })
    const { claims } = await exchange(t, callbackCode(res, t).get('code') ?? '', started.verifier)
    expect(claims).toMatchObject({ account_type: 'organisation', tax_code: '4602117891', amr: ['pwd'] })
    expect(claims.address).toMatchObject({ country: 'VN', province_code: '19', commune_code: '05503', locality: 'Xã Tân Cương' })
  })

  it('serves its pages with the strict CSP and a stylesheet of its own, in Vietnamese with English beside', async () => {
    const started = await startAuthorization(t)
    expect(started.url).toMatch(new RegExp(`^${t.issuer}/interaction/[\\w-]+$`))
    const res = await started.browser.request(started.url)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(started.html).toContain('<html lang="vi">')
    expect(started.html).toContain('<span lang="en">Sign in</span>')
    expect(started.html).not.toMatch(/<script|<style|style="/)
    const css = await fetch(`${t.issuer}/assets/idp.css`)
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toContain('text/css')
  })

  it('refuses a form post without the form token, or from another origin', async () => {
    const started = await startAuthorization(t)
    const { action, csrf } = formOf(started.html)
    const url = new URL(action, t.origin).href
    const noToken = await started.browser.request(url, { form: { username: CITIZEN, password: DEMO_PASSWORD } })
    expect(noToken.status).toBe(403)
    const crossSite = await started.browser.request(url, { form: { csrf, username: CITIZEN, password: DEMO_PASSWORD }, headers: { origin: 'https://evil.example' } })
    expect(crossSite.status).toBe(403)
    // The same interaction still works afterwards with the right token.
    const ok = await submit(t, started.browser, started.html, { username: CITIZEN, password: DEMO_PASSWORD })
    expect(callbackCode(ok, t).get('code')).toBeTruthy()
  })

  it('says the sign-in expired for an unknown interaction', async () => {
    const res = await new Browser(t.origin).request(`${t.issuer}/interaction/unknown-uid`)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Phiên đăng nhập đã hết hạn')
  })

  it('refuses an authorization request without PKCE', async () => {
    const query = new URLSearchParams({ client_id: CLIENT.id, redirect_uri: t.redirectUri, response_type: 'code', scope: 'openid', state: 'x' })
    const res = await new Browser(t.origin).request(`${t.issuer}/auth?${query}`)
    expect(res.status).toBe(303)
    const location = new URL(res.headers.get('location') ?? '')
    expect(location.href.startsWith(t.redirectUri)).toBe(true)
    expect(location.searchParams.get('error')).toBe('invalid_request')
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/)
  })

  it('refuses a code exchange without the verifier', async () => {
    const started = await startAuthorization(t)
    const res = await submit(t, started.browser, started.html, { username: CITIZEN, password: DEMO_PASSWORD })
    const tokens = await exchange(t, callbackCode(res, t).get('code') ?? '', undefined)
    expect(tokens.status).toBe(400)
    expect(tokens.body.error).toBe('invalid_grant')
  })

  it('ends the provider session on RP-initiated logout', async () => {
    const signouts: IdpEvent[] = []
    const stop = onIdpEvent((e) => signouts.push(e))
    onTestFinished(stop)
    const first = await signIn(t, CITIZEN, DEMO_PASSWORD)
    const browser = first.browser
    // While the provider session lives, a new authorization needs no password.
    const silent = await startAuthorization(t, 'openid', {}, browser)
    expect(silent.redirect?.searchParams.get('code')).toBeTruthy()

    const query = new URLSearchParams({ id_token_hint: String(first.body.id_token), post_logout_redirect_uri: `${t.origin}/`, state: 'bye' })
    const confirm = await browser.follow(`${t.issuer}/session/end?${query}`)
    const page = await confirm.text()
    expect(page).toContain('Đăng xuất')
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(page)?.[1] ?? ''
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? ''
    const done = await browser.request(new URL(action, t.origin).href, { form: { xsrf, logout: 'yes' } })
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`${t.origin}/?state=bye`)

    // Now the provider asks for a password again.
    const after = await startAuthorization(t, 'openid', {}, browser)
    expect(after.redirect).toBeUndefined()
    expect(after.html).toContain('autocomplete="current-password"')
    expect(signouts.at(-1)).toMatchObject({ type: 'signout', sub: first.claims.sub })
  })

})
