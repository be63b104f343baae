/**
 * Consent is implicit for the portal's own client (every client registered with the embedded
 * provider is first-party): the grant covers what was asked for, without a consent screen.
 */
import type { default as Provider, InteractionResults } from 'oidc-provider'

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>

export async function autoGrant(provider: Provider, details: Interaction, accountId: string): Promise<string> {
  const clientId = String(details.params.client_id)
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined
  const grant = existing ?? new provider.Grant({ accountId, clientId })
  grant.addOIDCScope(typeof details.params.scope === 'string' ? details.params.scope : 'openid')
  const claims = [...requestedClaims(details.params.claims), ...asStrings(details.prompt.details.missingOIDCClaims)]
  if (claims.length) grant.addOIDCClaims(claims)
  const resources = details.prompt.details.missingResourceScopes
  if (resources && typeof resources === 'object') {
    for (const [indicator, scopes] of Object.entries(resources as Record<string, unknown>)) {
      grant.addResourceScope(indicator, asStrings(scopes).join(' '))
    }
  }
  return grant.save()
}

/** Claims named in the `claims` request parameter (JSON), if any; a malformed one adds nothing. */
function requestedClaims(parameter: unknown): string[] {
  if (typeof parameter !== 'string') return []
  try {
    const parsed = JSON.parse(parameter) as Record<string, Record<string, unknown> | null>
    return [...Object.keys(parsed.id_token ?? {}), ...Object.keys(parsed.userinfo ?? {})]
  } catch {
    return []
  }
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

export type LoginResult = NonNullable<InteractionResults['login']>
