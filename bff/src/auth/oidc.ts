/**
 * The BFF's OpenID Connect client (openid-client 6): discovery of the issuer, the authorization
 * URL (code + PKCE S256 + state + nonce), the code exchange with every check openid-client makes
 * (state, iss, nonce, ID token signature and audience), the claims from userinfo, and the
 * provider's end-session URL.
 *
 * Discovery is lazy (the embedded provider answers only once the server listens) and retried:
 * a failure is not remembered, the next sign-in tries again, and the caller turns it into
 * `ProviderUnavailable` for a clear page instead of a 500.
 */
import * as client from 'openid-client'
import type { Logger } from '../log.ts'

export class ProviderUnavailable extends Error {
  override name = 'ProviderUnavailable'
}

export interface OidcClientOptions {
  issuer: string
  clientId: string
  /** Read when first needed: the embedded provider writes its secret at start. */
  clientSecret: () => string | undefined
  redirectUri: string
  postLogoutRedirectUri: string
  /** Plain-http issuers (tests, the embedded provider on a developer machine) only. */
  allowHttp: boolean
  logger: Logger
}

export interface SignInResult {
  sub: string
  idToken: string
  /** Verified ID token claims: how the person authenticated (amr, acr) comes from here only. */
  idClaims: Record<string, unknown>
  /** Userinfo: the profile claims (name, birthdate, address, identity_number…). */
  profile: Record<string, unknown>
}

export interface AuthorizationChecks {
  state: string
  nonce: string
  codeVerifier: string
}

export class OidcClient {
  #config: Promise<client.Configuration> | undefined

  constructor(private readonly options: OidcClientOptions) {}

  /** The provider's configuration, discovered once it answers (a failure is tried again later). */
  configuration(): Promise<client.Configuration> {
    this.#config ??= this.#discover().catch((error: unknown) => {
      this.#config = undefined
      this.options.logger.error({ err: error, issuer: this.options.issuer }, 'OpenID provider discovery failed')
      throw new ProviderUnavailable(`discovery of ${this.options.issuer} failed: ${(error as Error).message}`)
    })
    return this.#config
  }

  async #discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret, allowHttp } = this.options
    const secret = clientSecret()
    const auth = secret ? client.ClientSecretBasic(secret) : client.None()
    return client.discovery(new URL(issuer), clientId, { redirect_uris: [this.options.redirectUri] }, auth, {
      ...(allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
      timeout: 5,
    })
  }

  async authorizationUrl(checks: AuthorizationChecks): Promise<URL> {
    const config = await this.configuration()
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.options.redirectUri,
      scope: 'openid profile address phone email vn_identity',
      response_type: 'code',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    })
  }

  /** Exchanges the code in `callbackUrl`; throws on any failed check (state, iss, nonce, token). */
  async signIn(callbackUrl: URL, checks: AuthorizationChecks): Promise<SignInResult> {
    const config = await this.configuration()
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    })
    const idClaims = tokens.claims()
    if (!idClaims || !tokens.id_token) throw new Error('no ID token in the token response')
    const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)
    return { sub: idClaims.sub, idToken: tokens.id_token, idClaims: { ...idClaims }, profile: { ...userinfo } }
  }

  /** Where to send the browser to end the provider's session too; null if it has no such endpoint. */
  async endSessionUrl(idToken: string): Promise<URL | null> {
    let config: client.Configuration
    try {
      config = await this.configuration()
    } catch {
      return null
    }
    if (!config.serverMetadata().end_session_endpoint) return null
    return client.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: this.options.postLogoutRedirectUri,
    })
  }
}
