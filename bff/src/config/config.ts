/**
 * Configuration from environment variables. Every variable has a default that gives the
 * embedded mode (one machine, no outside system); docs/configuration.md lists them all.
 * Validated once at start: a wrong value stops the process with one message naming every
 * wrong variable, rather than failing later in a request.
 */
import { isIP } from 'node:net'
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as v from 'valibot'
import { NOTICE_ENV, noticeRequirements, noticesConfig, type NoticesConfig } from '../notices/config.ts'
import { RELAY_ENV, relayConfig, relayRequirements, type RelayConfig } from '../relay/config.ts'

/** The bff package folder and the repository root, from this file's location (not the cwd). */
export const BFF_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const REPO_ROOT = resolve(BFF_ROOT, '..')

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const integer = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  )

const flag = (name: string) =>
  v.pipe(
    v.picklist(['true', 'false'], `${name} must be true or false`),
    v.transform((value) => value === 'true'),
  )

const EnvSchema = v.object({
  PORT: v.optional(integer('PORT', 0, 65535), '8080'),
  HOST: v.optional(v.pipe(v.string(), v.nonEmpty('HOST must not be empty')), '0.0.0.0'),
  DATA_DIR: v.optional(v.pipe(v.string(), v.nonEmpty('DATA_DIR must not be empty')), './data'),
  PUBLIC_ORIGIN: v.optional(
    v.pipe(
      v.string(),
      v.url('PUBLIC_ORIGIN must be an absolute URL such as https://dichvucong.example.gov.vn'),
      v.check(isBareOrigin, 'PUBLIC_ORIGIN must be an http(s) origin: scheme, host and port only, no path'),
    ),
  ),
  WEB_DIST: v.optional(v.pipe(v.string(), v.nonEmpty())),
  LOG_LEVEL: v.optional(v.picklist(LOG_LEVELS, `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`), 'info'),
  NODE_ENV: v.optional(
    v.picklist(['development', 'production', 'test'], 'NODE_ENV must be development, production or test'),
    'development',
  ),
  CATALOG_SEED_DIR: v.optional(v.pipe(v.string(), v.nonEmpty())),
  CATALOG_SYNTHETIC_SIZE: v.optional(integer('CATALOG_SYNTHETIC_SIZE', 0, 100_000), '0'),
  OIDC_ISSUER: v.optional(v.pipe(v.string(), v.url('OIDC_ISSUER must be an absolute URL'))),
  OIDC_CLIENT_ID: v.optional(v.pipe(v.string(), v.nonEmpty()), 'portal-bff'),
  OIDC_CLIENT_SECRET: v.optional(v.pipe(v.string(), v.nonEmpty())),
  IDP_EMBEDDED: v.optional(flag('IDP_EMBEDDED')),
  IDP_ALLOW_IN_PRODUCTION: v.optional(flag('IDP_ALLOW_IN_PRODUCTION'), 'false'),
  SESSION_IDLE_SECONDS: v.optional(integer('SESSION_IDLE_SECONDS', 1, 86_400), '900'),
  SESSION_ADMIN_IDLE_SECONDS: v.optional(integer('SESSION_ADMIN_IDLE_SECONDS', 1, 86_400), '300'),
  SESSION_MAX_SECONDS: v.optional(integer('SESSION_MAX_SECONDS', 60, 7 * 86_400), '43200'),
  UPLOAD_EXPIRY_SECONDS: v.optional(integer('UPLOAD_EXPIRY_SECONDS', 60, 30 * 86_400), '86400'),
  UPLOAD_MAX_INCOMPLETE: v.optional(integer('UPLOAD_MAX_INCOMPLETE', 1, 1000), '20'),
  UPLOAD_SWEEP_SECONDS: v.optional(integer('UPLOAD_SWEEP_SECONDS', 10, 86_400), '900'),
  ...RELAY_ENV,
  ...NOTICE_ENV,
  TRUSTED_PROXIES: v.optional(
    v.pipe(
      v.string(),
      v.transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean)),
      v.check((entries) => entries.every(isAddressOrSubnet), 'TRUSTED_PROXIES must be IP addresses or CIDR subnets, comma-separated (e.g. 127.0.0.1,10.0.0.0/8)'),
    ),
    '',
  ),
})

/** `203.0.113.7`, `::1`, `10.0.0.0/8`, `fd00::/8`. */
function isAddressOrSubnet(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/')
  const kind = isIP(address)
  if (kind === 0 || rest.length > 0) return false
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (kind === 4 ? 32 : 128))
}

function isBareOrigin(value: string): boolean {
  const url = new URL(value)
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '')
}

export type LogLevel = (typeof LOG_LEVELS)[number]

export interface Config {
  port: number
  host: string
  /** Absolute. Holds the SQLite file, the blob store (`blobs/`) and partial uploads (`uploads/`). */
  dataDir: string
  databaseFile: string
  /** Scheme, host and port, no trailing slash: canonical URLs and the Origin check use it. */
  publicOrigin: string
  /** Absolute path of the built web app. */
  webDist: string
  logLevel: LogLevel
  nodeEnv: 'development' | 'production' | 'test'
  catalogSeedDir: string
  /** 0: off. N > 0: pad the catalogue to N procedures (benchmarks only). */
  catalogSyntheticSize: number
  oidc: OidcConfig
  session: SessionConfig
  idp: IdpConfig
  uploads: UploadsConfig
  relay: RelayConfig
  /** Notices to applicants (src/notices): e-mail through SMTP, the supplement deadline. */
  notices: NoticesConfig
  /**
   * Reverse proxies (addresses, CIDR subnets) whose X-Forwarded-For is believed when they are the
   * TCP peer; empty: the peer is the client (src/lookup/client-address.ts).
   */
  trustedProxies: string[]
}

/** Resumable uploads (src/uploads), docs/decisions/0008-intake.md. */
export interface UploadsConfig {
  /** An upload not finished this long after its creation is deleted (tus expiration). */
  expirySeconds: number
  /** Unfinished, unexpired uploads one person may hold at once. */
  maxIncompletePerUser: number
  /** How often expired partial uploads are swept. */
  sweepSeconds: number
}

/** The embedded OpenID provider (src/idp), docs/decisions/0005-embedded-identity-provider.md. */
export interface IdpConfig {
  /** Serve it at `${publicOrigin}/idp`. Default: on unless OIDC_ISSUER names another issuer. */
  enabled: boolean
  /** Always `${publicOrigin}/idp`, whatever OIDC_ISSUER says. */
  issuer: string
  /** With NODE_ENV=production the server refuses to start it (and its demo accounts) unless true. */
  allowInProduction: boolean
}

export interface OidcConfig {
  /** Without trailing slash. Default: the embedded provider, `${publicOrigin}/idp`. */
  issuer: string
  /** True when the issuer is the embedded provider at `${publicOrigin}/idp`. */
  embedded: boolean
  clientId: string
  /** Unset with the embedded provider: it generates one under DATA_DIR at first start. */
  clientSecret?: string
}

/** Seconds. Idle limits slide with activity; the maximum counts from sign-in. */
export interface SessionConfig {
  idleSeconds: number
  adminIdleSeconds: number
  maxSeconds: number
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Reads the configuration from `env`. Relative paths resolve against `baseDir`: by default the
 * folder the user started pnpm from (`INIT_CWD`), since `pnpm start` at the root runs the server
 * with bff/ as its cwd, and `./data` should mean the folder the user is looking at.
 *
 * @example loadConfig({ PORT: '3000' }).publicOrigin === 'http://localhost:3000'
 * @throws ConfigError naming every invalid variable.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  baseDir: string = env.INIT_CWD ?? process.cwd(),
): Config {
  // An empty variable (`PORT=`) means "not set", as in most shells' habits.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = v.safeParse(v.pipe(EnvSchema, relayRequirements<v.InferOutput<typeof EnvSchema>>(), noticeRequirements<v.InferOutput<typeof EnvSchema>>()), present)
  if (!parsed.success) {
    const lines = parsed.issues.map((issue) => `  ${v.getDotPath(issue) ?? '?'}: ${issue.message} (got ${JSON.stringify(issue.input)})`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee docs/configuration.md.`)
  }
  const e = parsed.output
  const dataDir = resolvePath(baseDir, e.DATA_DIR)
  const publicOrigin = (e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')
  const embeddedIssuer = `${publicOrigin}/idp`
  const issuer = (e.OIDC_ISSUER ?? embeddedIssuer).replace(/\/$/, '')
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseFile: resolve(dataDir, 'portal.sqlite'),
    publicOrigin,
    webDist: e.WEB_DIST ? resolvePath(baseDir, e.WEB_DIST) : resolve(REPO_ROOT, 'web/dist'),
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    catalogSeedDir: e.CATALOG_SEED_DIR
      ? resolvePath(baseDir, e.CATALOG_SEED_DIR)
      : resolve(BFF_ROOT, 'src/catalog/seed'),
    catalogSyntheticSize: e.CATALOG_SYNTHETIC_SIZE,
    oidc: {
      issuer,
      embedded: issuer === embeddedIssuer,
      clientId: e.OIDC_CLIENT_ID,
      ...(e.OIDC_CLIENT_SECRET ? { clientSecret: e.OIDC_CLIENT_SECRET } : {}),
    },
    idp: {
      enabled: e.IDP_EMBEDDED ?? issuer === embeddedIssuer,
      issuer: embeddedIssuer,
      allowInProduction: e.IDP_ALLOW_IN_PRODUCTION,
    },
    session: {
      idleSeconds: e.SESSION_IDLE_SECONDS,
      adminIdleSeconds: e.SESSION_ADMIN_IDLE_SECONDS,
      maxSeconds: e.SESSION_MAX_SECONDS,
    },
    uploads: {
      expirySeconds: e.UPLOAD_EXPIRY_SECONDS,
      maxIncompletePerUser: e.UPLOAD_MAX_INCOMPLETE,
      sweepSeconds: e.UPLOAD_SWEEP_SECONDS,
    },
    relay: relayConfig(e),
    notices: noticesConfig(e),
    trustedProxies: e.TRUSTED_PROXIES,
  }
}

function resolvePath(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path)
}
