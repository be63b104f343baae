/**
 * Authentication, sessions, roles and the audit log, assembled for app.ts: the middleware for
 * /api/* and /auth/* (session, CSRF header) and the routes. The embedded provider's account
 * state (locks) is read from its tables; an outside provider has none to offer here.
 */
import { Hono } from 'hono'
import { Accounts } from '../accounts/repository.ts'
import { accountRoutes, type ProviderAccounts } from '../accounts/routes.ts'
import { AuditLog } from '../audit/log.ts'
import type { CatalogStore } from '../catalog/store.ts'
import type { Clock } from '../clock.ts'
import type { Config } from '../config/config.ts'
import type { Db } from '../db/open.ts'
import { lockedAccounts, unlockAccount } from '../idp/lockout.ts'
import { loadOrCreateClientSecret } from '../idp/secrets.ts'
import type { Logger } from '../log.ts'
import type { Template } from '../pages/template.ts'
import { sessionApiRoutes } from './api.ts'
import { LoginAttempts } from './attempts.ts'
import { loadSession, requireAppHeader } from './middleware.ts'
import { OidcClient } from './oidc.ts'
import { authRoutes } from './routes.ts'
import { SessionStore } from './sessions.ts'

export interface AuthFeatureDeps {
  db: Db
  clock: Clock
  config: Config
  logger: Logger
  template: Template
  store: CatalogStore
}

export function authFeature({ db, clock, config, logger, template, store }: AuthFeatureDeps) {
  const audit = new AuditLog(db, clock, logger)
  const accounts = new Accounts(db)
  const sessions = new SessionStore(db, clock, config.session)
  const { oidc: oidcConfig } = config
  const oidc = new OidcClient({
    issuer: oidcConfig.issuer,
    clientId: oidcConfig.clientId,
    clientSecret: () => oidcConfig.clientSecret ?? (oidcConfig.embedded ? loadOrCreateClientSecret(config.dataDir) : undefined),
    redirectUri: `${config.publicOrigin}/auth/callback`,
    postLogoutRedirectUri: `${config.publicOrigin}/`,
    allowHttp: config.nodeEnv !== 'production',
    logger,
  })
  const provider: ProviderAccounts | undefined = oidcConfig.embedded
    ? {
        lockedSubs: () => new Set(lockedAccounts(db).map((a) => a.sub)),
        unlock: (sub, by) => unlockAccount(db, sub, by, { clock, logger }),
      }
    : undefined

  const routes = new Hono()
  routes.route('/', authRoutes({ config, oidc, attempts: new LoginAttempts(db, clock), sessions, accounts, audit, template, logger }))
  routes.route('/', sessionApiRoutes(sessions, audit))
  routes.route('/', accountRoutes({ accounts, audit, store, clock, onRolesChanged: () => sessions.forgetCached(), ...(provider ? { provider } : {}) }))

  return {
    /** For /api/* and /auth/*, after the Origin check. */
    middleware: [loadSession(sessions), requireAppHeader()] as const,
    routes,
    audit,
    accounts,
    sessions,
  }
}
