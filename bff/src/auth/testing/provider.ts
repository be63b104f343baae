/**
 * A real OpenID provider (oidc-provider) on a loopback port for tests of the client, with the
 * claims of the embedded one and an interaction that needs no form: the test says who signs in
 * next and how (`nextLogin`), and the interaction finishes at once (login, then consent).
 * The embedded provider's own pages are covered by its tests and the browser tests.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type KoaContextWithOIDC } from 'oidc-provider'

export const TEST_CLIENT = { id: 'portal-bff', secret: 'test-secret-0123456789abcdef0123456789' }

export interface NextLogin {
  sub: string
  amr?: string[]
  acr?: string
  /** Answer the authorization request with this error instead (e.g. access_denied). */
  error?: string
}

export interface TestProvider {
  issuer: string
  provider: Provider
  accounts: Map<string, Record<string, unknown>>
  nextLogin: NextLogin
  close(): Promise<void>
}

export async function startTestProvider(redirectUri: string, postLogoutRedirectUri: string): Promise<TestProvider> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const accounts = new Map<string, Record<string, unknown>>()
  const state: TestProvider = { issuer, accounts, nextLogin: { sub: 'nobody' }, close: async () => {}, provider: undefined as never }

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    scopes: ['openid', 'profile', 'address', 'phone', 'email', 'vn_identity'],
    acrValues: ['urn:portal:loa:1', 'urn:portal:loa:2'],
    claims: {
      // In the openid scope, so every ID token says how the person authenticated.
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      profile: ['name', 'birthdate'],
      address: ['address'],
      phone: ['phone_number'],
      email: ['email'],
      vn_identity: ['identity_number', 'account_type', 'tax_code', 'tech_id'],
    },
    cookies: { keys: ['test-cookie-key'] },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...(accounts.get(sub) ?? {}) }) }),
  })
  provider.use(async (ctx: KoaContextWithOIDC, next) => {
    if (!ctx.path.startsWith('/interaction/')) return next()
    const details = await provider.interactionDetails(ctx.req, ctx.res)
    const login = state.nextLogin
    let result
    if (login.error) result = { error: login.error, error_description: 'refused in the test' }
    else if (details.prompt.name === 'login') result = { login: { accountId: login.sub, amr: login.amr ?? ['pwd'], acr: login.acr ?? 'urn:portal:loa:1' } }
    else {
      const grant = new provider.Grant({ accountId: details.session?.accountId ?? login.sub, clientId: String(details.params.client_id) })
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] }
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '))
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims)
      result = { consent: { grantId: await grant.save() } }
    }
    ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: true }))
  })
  server.on('request', provider.callback())
  state.provider = provider
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeAllConnections?.()
  return state
}
