/**
 * The embedded provider on the BFF's own server: built from the configuration, mounted at
 * `${PUBLIC_ORIGIN}/idp` by dispatching in the Node request listener (the provider is a Koa app,
 * the BFF a Hono one; both share the port, the database and the logger).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { ClientMetadata } from 'oidc-provider'
import type { Clock } from '../clock.ts'
import type { Config } from '../config/config.ts'
import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import { createEmbeddedProvider, IdpRefusedError, PRODUCTION_REFUSAL, type EmbeddedProvider } from './provider.ts'
import { loadOrCreateClientSecret } from './secrets.ts'

/** Throws before anything is opened when production would run the demo provider. */
export function assertIdpAllowed(config: Config): void {
  if (config.idp.enabled && config.nodeEnv === 'production' && !config.idp.allowInProduction) {
    throw new IdpRefusedError(PRODUCTION_REFUSAL)
  }
}

/**
 * The BFF client's secret: OIDC_CLIENT_SECRET when set, else (embedded provider) the one made at
 * first start under DATA_DIR. Undefined only for an outside provider without OIDC_CLIENT_SECRET.
 */
export function oidcClientSecret(config: Config): string | undefined {
  return config.oidc.clientSecret ?? (config.idp.enabled ? loadOrCreateClientSecret(config.dataDir) : undefined)
}

/** The BFF's registration with the embedded provider. */
export function bffClient(config: Config, secret: string): ClientMetadata {
  return {
    client_id: config.oidc.clientId,
    client_secret: secret,
    client_name: 'Cổng Dịch vụ công',
    redirect_uris: [`${config.publicOrigin}/auth/callback`],
    post_logout_redirect_uris: [`${config.publicOrigin}/`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }
}

/** Undefined when IDP_EMBEDDED is off (an outside provider). */
export async function startEmbeddedIdp(config: Config, db: Db, logger: Logger, clock: Clock): Promise<EmbeddedProvider | undefined> {
  if (!config.idp.enabled) return undefined
  assertIdpAllowed(config)
  const secret = oidcClientSecret(config) as string
  const idp = await createEmbeddedProvider({
    issuer: config.idp.issuer,
    dataDir: config.dataDir,
    db,
    clock,
    logger,
    clients: [bffClient(config, secret)],
    homeUrl: `${config.publicOrigin}/`,
    nodeEnv: config.nodeEnv,
    allowInProduction: config.idp.allowInProduction,
  })
  logger.info({ issuer: idp.issuer }, 'embedded OpenID provider mounted')
  return idp
}

/** Requests under the provider's mount go to it, all others to `app`. */
export function dispatch(idp: EmbeddedProvider | undefined, app: RequestListener): RequestListener {
  if (!idp) return app
  return (req: IncomingMessage, res: ServerResponse) => (idp.matches(req.url ?? '/') ? idp.handle(req, res) : app(req, res))
}
