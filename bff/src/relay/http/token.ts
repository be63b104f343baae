/**
 * OAuth2 client-credentials tokens (RFC 6749 §4.4) from the LGSP's `/token` endpoint: the client
 * authenticates with HTTP Basic (client_secret_basic, §2.3.1), asks for `grant_type=
 * client_credentials` (and a scope if configured), and receives a bearer token with its lifetime.
 *
 * The token is kept until EXPIRY_MARGIN_S before it expires, so a message is never sent with a
 * token about to lapse on the way; concurrent deliveries share one request for a new token. The
 * connector calls `invalidate` when the API answers 401 with it (revoked, or the gateway
 * restarted), and the next `token()` asks again.
 *
 * Written on fetch rather than openid-client: LGSP gateways are plain OAuth2 token endpoints,
 * not OpenID issuers (openid-client wants an issuer and its metadata), and this is one form POST.
 */
import * as v from 'valibot'

/** Renew this long before the announced expiry. */
export const EXPIRY_MARGIN_S = 30
/** A token answered without `expires_in` is kept this long. */
const DEFAULT_LIFETIME_S = 300

const TokenResponseSchema = v.object({
  access_token: v.pipe(v.string(), v.nonEmpty()),
  token_type: v.pipe(v.string(), v.check((t) => t.toLowerCase() === 'bearer', 'token_type must be Bearer')),
  expires_in: v.optional(v.pipe(v.number(), v.minValue(0))),
})

export interface TokenEndpoint {
  tokenUrl: string
  clientId: string
  clientSecret: string
  scope?: string
}

/** The token endpoint failed (network, status, or an answer that is not a token): retried later. */
export class TokenError extends Error {
  override readonly name = 'TokenError'
}

export class ClientCredentials {
  #token: { value: string; renewAt: number } | undefined
  #pending: Promise<string> | undefined
  /** Tokens obtained so far (logs, tests). */
  issued = 0

  constructor(
    private readonly endpoint: TokenEndpoint,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid bearer token: the cached one, or a new one (one request however many callers). */
  token(signal: AbortSignal): Promise<string> {
    if (this.#token && this.now() < this.#token.renewAt) return Promise.resolve(this.#token.value)
    this.#pending ??= this.#request(signal).finally(() => (this.#pending = undefined))
    return this.#pending
  }

  /** The API refused `used`: forget it (unless a newer one already replaced it). */
  invalidate(used: string): void {
    if (this.#token?.value === used) this.#token = undefined
  }

  async #request(signal: AbortSignal): Promise<string> {
    const { tokenUrl, clientId, clientSecret, scope } = this.endpoint
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) })
    const started = this.now()
    const res = await fetch(tokenUrl, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form,
      signal,
    })
    const text = await res.text()
    if (!res.ok) throw new TokenError(`token endpoint answered ${res.status}: ${text.slice(0, 300)}`)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new TokenError('token endpoint answered something other than JSON')
    }
    const parsed = v.safeParse(TokenResponseSchema, body)
    if (!parsed.success) throw new TokenError(`token endpoint answer is not a bearer token: ${parsed.issues[0]?.message ?? ''}`)
    const lifetime = parsed.output.expires_in ?? DEFAULT_LIFETIME_S
    this.#token = { value: parsed.output.access_token, renewAt: started + Math.max(0, lifetime - EXPIRY_MARGIN_S) * 1000 }
    this.issued++
    return parsed.output.access_token
  }
}
