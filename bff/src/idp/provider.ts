/**
 * The embedded OpenID provider (oidc-provider 9, Koa-based) with the portal's sign-in pages, its
 * storage on the BFF's SQLite, keys under DATA_DIR and the demo accounts. Mounted under the
 * issuer's path (`/idp`) of the BFF's own server (mount.ts), or started alone by tests.
 * Decisions: docs/decisions/0005-embedded-identity-provider.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import Provider, { type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider'
import { systemClock, type Clock } from '../clock.ts'
import { openDatabase, type Db } from '../db/open.ts'
import { createLogger, type Logger } from '../log.ts'
import { AccountDirectory, type IdpAccount } from './accounts.ts'
import { purgeExpired, sqliteAdapter } from './adapter.ts'
import { ACR_LOA1, ACR_LOA2, SCOPE_CLAIMS, SCOPES } from './claims.ts'
import { demoAccounts } from './demo-accounts.ts'
import { emitIdpEvent, logIdpEvent, type IdpEvent, type IdpEventInput } from './events.ts'
import { bffSecurityHeaders, securityHeadersMiddleware, stylesheet } from './headers.ts'
import { interactionPages } from './interactions.ts'
import { loggedOutPage, logoutPage, messagePage, type PageContext } from './pages.ts'
import { loadOrCreateKeys } from './secrets.ts'
import { TEXTS } from './texts.ts'

export interface EmbeddedProviderOptions {
  /** e.g. `https://dichvucong.example.gov.vn/idp`: its path is where the provider is mounted. */
  issuer: string
  /** Where `idp-keys.json` lives (and `portal.sqlite` when `db` is not given). */
  dataDir: string
  clients: ClientMetadata[]
  db?: Db
  clock?: Clock
  /** Default: the demo accounts. */
  accounts?: readonly IdpAccount[]
  logger?: Logger
  /** Link on the provider's pages back to the portal. Default: the issuer's origin + '/'. */
  homeUrl?: string
  /** With 'production' the provider refuses to start unless `allowInProduction`. */
  nodeEnv?: string
  allowInProduction?: boolean
}

export interface EmbeddedProvider {
  issuer: string
  /** The issuer's path, e.g. '/idp'. */
  mountPath: string
  provider: Provider
  /** True when a request URL (path and query) belongs to the provider. */
  matches(url: string): boolean
  /** Node request listener for URLs under `mountPath` (as received, prefix included). */
  handle(req: IncomingMessage, res: ServerResponse): void
  close(): void
}

export class IdpRefusedError extends Error {
  override name = 'IdpRefusedError'
}

export const PRODUCTION_REFUSAL =
  'The embedded OpenID provider and its demo accounts do not start with NODE_ENV=production. ' +
  'Point OIDC_ISSUER at the real provider (national SSO / VNeID) and set IDP_EMBEDDED=false, ' +
  'or set IDP_ALLOW_IN_PRODUCTION=true to run it anyway. See docs/configuration.md.'

const PURGE_EVERY_MS = 60 * 60 * 1000

export async function createEmbeddedProvider(options: EmbeddedProviderOptions): Promise<EmbeddedProvider> {
  if (options.nodeEnv === 'production' && !options.allowInProduction) throw new IdpRefusedError(PRODUCTION_REFUSAL)
  const issuerUrl = new URL(options.issuer)
  const issuer = issuerUrl.href.replace(/\/$/, '')
  const mountPath = issuerUrl.pathname.replace(/\/$/, '')
  const ownDb = options.db ? undefined : openDatabase(join(options.dataDir, 'portal.sqlite'))
  const db = options.db ?? (ownDb as Db)
  const clock = options.clock ?? systemClock
  const logger = (options.logger ?? createLogger('silent')).child({ component: 'idp' })
  const accounts = new AccountDirectory(options.accounts ?? demoAccounts)
  const keys = loadOrCreateKeys(options.dataDir)
  const pages: PageContext = {
    mountPath,
    homeUrl: options.homeUrl ?? `${issuerUrl.origin}/`,
    demo: (options.accounts ?? demoAccounts) === demoAccounts,
  }
  const Adapter = sqliteAdapter(db)

  const provider = new Provider(issuer, configuration({ options, accounts, keys, pages, Adapter, mountPath }))
  // URLs and cookies follow the configured issuer, never a Host header (handle() sets these).
  provider.proxy = true

  const report = (event: IdpEventInput) => {
    const full = { ...event, issuer, at: clock.now().toISOString() } as IdpEvent
    logIdpEvent(logger, full)
    emitIdpEvent(full, logger)
  }
  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    report({ type: 'signout', sub: ctx.oidc.session?.accountId, ip: ctx.req.socket.remoteAddress })
  })
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => logger.error({ err: error }, 'idp server error'))

  provider.use(securityHeadersMiddleware(await bffSecurityHeaders()))
  provider.use(stylesheet())
  provider.use(
    interactionPages({
      provider,
      accounts,
      db,
      clock,
      pages,
      origin: issuerUrl.origin,
      csrfKey: keys.cookieKeys[0] ?? '',
      pending: new Adapter('PendingSecondFactor'),
      report,
    }),
  )

  purgeExpired(db)
  const purge = setInterval(() => purgeExpired(db), PURGE_EVERY_MS)
  purge.unref()
  const callback = provider.callback()
  const proto = issuerUrl.protocol.slice(0, -1)

  return {
    issuer,
    mountPath,
    provider,
    matches: (url) => url === mountPath || url.startsWith(`${mountPath}/`) || url.startsWith(`${mountPath}?`),
    handle(req, res) {
      // Mounted as express/koa-mount do: the provider sees the path below its mount, and finds
      // the prefix again from originalUrl when it builds URLs.
      const url = req.url ?? '/'
      Object.assign(req, { originalUrl: url })
      const rest = url.slice(mountPath.length)
      req.url = rest.startsWith('/') ? rest : `/${rest}`
      req.headers['x-forwarded-proto'] = proto
      req.headers['x-forwarded-host'] = issuerUrl.host
      void callback(req, res)
    },
    close() {
      clearInterval(purge)
      ownDb?.$client.close()
    },
  }
}

interface ConfigurationParts {
  options: EmbeddedProviderOptions
  accounts: AccountDirectory
  keys: ReturnType<typeof loadOrCreateKeys>
  pages: PageContext
  Adapter: ReturnType<typeof sqliteAdapter>
  mountPath: string
}

function configuration({ options, accounts, keys, pages, Adapter, mountPath }: ConfigurationParts): Configuration {
  return {
    adapter: Adapter,
    clients: options.clients,
    jwks: keys.jwks as Configuration['jwks'],
    cookies: { keys: keys.cookieKeys },
    scopes: SCOPES,
    claims: { ...SCOPE_CLAIMS, acr: null, amr: null, sid: null, auth_time: null, iss: null } as unknown as Configuration['claims'],
    acrValues: [ACR_LOA1, ACR_LOA2],
    // Scope claims in the ID token too: the BFF reads them once at sign-in, no userinfo call.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html'
          ctx.body = logoutPage(pages, form)
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html'
          ctx.body = loggedOutPage(pages)
        },
      },
    },
    interactions: { url: async (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = accounts.bySub(sub)
      return account && { accountId: sub, claims: async () => ({ sub, ...account.claims }) }
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html'
      ctx.body = messagePage(pages, TEXTS.errorTitle, TEXTS.expired, [out.error, out.error_description].filter(Boolean).join(': '))
    },
    // Short lives: level 3 asks for a 15-minute idle limit, and the BFF reads tokens only once.
    ttl: {
      AccessToken: 10 * 60,
      AuthorizationCode: 60,
      IdToken: 10 * 60,
      Interaction: 10 * 60,
      Session: 15 * 60,
      Grant: 12 * 60 * 60,
    },
    discovery: { ui_locales_supported: ['vi', 'en'] },
  }
}
