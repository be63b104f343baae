/**
 * Configuration from environment variables. Every variable has a default that gives the
 * embedded mode (one machine, no outside system); docs/configuration.md lists them all.
 * Validated once at start: a wrong value stops the process with one message naming every
 * wrong variable, rather than failing later in a request.
 */
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as v from 'valibot'

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
})

function isBareOrigin(value: string): boolean {
  const url = new URL(value)
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '')
}

export type LogLevel = (typeof LOG_LEVELS)[number]

export interface Config {
  port: number
  host: string
  /** Absolute. Holds the SQLite file (and, later, the blob store). */
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
  const parsed = v.safeParse(EnvSchema, present)
  if (!parsed.success) {
    const lines = parsed.issues.map((issue) => `  ${v.getDotPath(issue) ?? '?'}: ${issue.message} (got ${JSON.stringify(issue.input)})`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee docs/configuration.md.`)
  }
  const e = parsed.output
  const dataDir = resolvePath(baseDir, e.DATA_DIR)
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseFile: resolve(dataDir, 'portal.sqlite'),
    publicOrigin: (e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    webDist: e.WEB_DIST ? resolvePath(baseDir, e.WEB_DIST) : resolve(REPO_ROOT, 'web/dist'),
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    catalogSeedDir: e.CATALOG_SEED_DIR
      ? resolvePath(baseDir, e.CATALOG_SEED_DIR)
      : resolve(BFF_ROOT, 'src/catalog/seed'),
    catalogSyntheticSize: e.CATALOG_SYNTHETIC_SIZE,
  }
}

function resolvePath(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path)
}
