/**
 * The relay's settings (docs/configuration.md, "Relay to the one-stop-shop"): which connector,
 * the province's endpoints and credentials for the HTTP one, and the worker's pace. The entries
 * join the one environment schema of config/config.ts, so a wrong value is reported with every
 * other wrong variable in one message; `relayRequirements` adds what depends on the connector
 * (the HTTP connector needs its endpoint, credentials and callback secret; HTTPS in production).
 */
import * as v from 'valibot'

export const CONNECTORS = ['embedded', 'http'] as const
export type ConnectorName = (typeof CONNECTORS)[number]

/** An HMAC key shorter than this is guessable. */
const MIN_SECRET = 32

const integer = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  )

const httpUrl = (name: string) =>
  v.pipe(
    v.string(),
    v.url(`${name} must be an absolute URL`),
    v.check((value) => /^https?:$/.test(new URL(value).protocol), `${name} must be an http(s) URL`),
  )

export const RELAY_ENV = {
  RELAY_CONNECTOR: v.optional(v.picklist(CONNECTORS, `RELAY_CONNECTOR must be one of ${CONNECTORS.join(', ')}`), 'embedded'),
  RELAY_HTTP_URL: v.optional(httpUrl('RELAY_HTTP_URL')),
  RELAY_HTTP_TOKEN_URL: v.optional(httpUrl('RELAY_HTTP_TOKEN_URL')),
  RELAY_HTTP_CLIENT_ID: v.optional(v.pipe(v.string(), v.nonEmpty())),
  RELAY_HTTP_CLIENT_SECRET: v.optional(v.pipe(v.string(), v.nonEmpty())),
  RELAY_HTTP_SCOPE: v.optional(v.pipe(v.string(), v.nonEmpty())),
  RELAY_CALLBACK_SECRET: v.optional(v.pipe(v.string(), v.minLength(MIN_SECRET, `RELAY_CALLBACK_SECRET must be at least ${MIN_SECRET} characters`))),
  RELAY_TIMEOUT_MS: v.optional(integer('RELAY_TIMEOUT_MS', 100, 120_000), '10000'),
  RELAY_CONCURRENCY: v.optional(integer('RELAY_CONCURRENCY', 1, 64), '4'),
  RELAY_BACKOFF_BASE_MS: v.optional(integer('RELAY_BACKOFF_BASE_MS', 10, 600_000), '1000'),
  RELAY_BACKOFF_CAP_MS: v.optional(integer('RELAY_BACKOFF_CAP_MS', 10, 86_400_000), '300000'),
}

const REQUIRED_FOR_HTTP = ['RELAY_HTTP_URL', 'RELAY_HTTP_CLIENT_ID', 'RELAY_HTTP_CLIENT_SECRET', 'RELAY_CALLBACK_SECRET'] as const

/** The rules between variables, as issues on the variable to fix (runs even when others are wrong). */
export const relayRequirements = <Env extends object>() =>
  v.rawCheck<Env>(({ dataset, addIssue }) => {
    // Read even when other variables failed (dataset untyped): each rule looks only at its own.
    const env = dataset.value as Record<string, unknown>
    const issue = (key: string, message: string) =>
      addIssue({ message, path: [{ type: 'object', origin: 'value', input: env, key, value: env[key] }] })
    if (env.RELAY_CONNECTOR === 'http') {
      for (const key of REQUIRED_FOR_HTTP) if (env[key] === undefined) issue(key, `${key} is required when RELAY_CONNECTOR=http`)
      if (env.NODE_ENV === 'production') {
        for (const key of ['RELAY_HTTP_URL', 'RELAY_HTTP_TOKEN_URL']) {
          const value = env[key]
          if (typeof value === 'string' && !value.startsWith('https:')) issue(key, `${key} must be https in production`)
        }
      }
    }
    const base = env.RELAY_BACKOFF_BASE_MS
    const cap = env.RELAY_BACKOFF_CAP_MS
    if (typeof base === 'number' && typeof cap === 'number' && cap < base) issue('RELAY_BACKOFF_CAP_MS', 'RELAY_BACKOFF_CAP_MS must not be below RELAY_BACKOFF_BASE_MS')
  })

/** The HTTP connector's side: a province's one-stop-shop behind the LGSP. */
export interface HttpRelayConfig {
  /** Base URL of the one-stop-shop API on the LGSP, without trailing slash (`https://lgsp.…/motcua/v1`). */
  url: string
  /** OAuth2 token endpoint (client credentials). Default: `/token` at the API's origin, as LGSP gateways serve it. */
  tokenUrl: string
  clientId: string
  clientSecret: string
  scope?: string
  /** Shared with the province: the HMAC-SHA256 key of its status callbacks. */
  callbackSecret: string
}

export interface RelayConfig {
  connector: ConnectorName
  /** Set exactly when `connector` is 'http'. */
  http?: HttpRelayConfig
  /** One delivery (token and message) gives up after this long and is retried later. */
  timeoutMs: number
  /** Dossiers delivered at once (one message per dossier at a time). */
  concurrency: number
  backoff: { baseMs: number; capMs: number }
}

type RelayEnv = v.InferOutput<v.ObjectSchema<typeof RELAY_ENV, undefined>>

/** The relay part of the configuration, from the validated variables. */
export function relayConfig(e: RelayEnv): RelayConfig {
  const common = {
    timeoutMs: e.RELAY_TIMEOUT_MS,
    concurrency: e.RELAY_CONCURRENCY,
    backoff: { baseMs: e.RELAY_BACKOFF_BASE_MS, capMs: e.RELAY_BACKOFF_CAP_MS },
  }
  if (e.RELAY_CONNECTOR === 'embedded') return { connector: 'embedded', ...common }
  const url = e.RELAY_HTTP_URL!.replace(/\/+$/, '')
  return {
    connector: 'http',
    http: {
      url,
      tokenUrl: e.RELAY_HTTP_TOKEN_URL ?? new URL('/token', url).href,
      clientId: e.RELAY_HTTP_CLIENT_ID!,
      clientSecret: e.RELAY_HTTP_CLIENT_SECRET!,
      ...(e.RELAY_HTTP_SCOPE ? { scope: e.RELAY_HTTP_SCOPE } : {}),
      callbackSecret: e.RELAY_CALLBACK_SECRET!,
    },
    ...common,
  }
}
