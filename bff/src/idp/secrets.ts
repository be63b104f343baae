/**
 * Secrets the embedded provider makes at its first start and keeps under DATA_DIR, readable by
 * the server's user only (0600): its signing keys and cookie keys (`idp-keys.json`) and the BFF
 * client's secret (`idp-client-secret`). Nothing secret is in the repository, and a restart
 * reuses them, so sessions, cookies and issued tokens stay valid.
 */
import { createHash, generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const KEYS_FILE = 'idp-keys.json'
export const CLIENT_SECRET_FILE = 'idp-client-secret'

export interface IdpKeys {
  /** Private JWKs (RS256), the first one signs. */
  jwks: { keys: (JsonWebKey & { kid: string; alg: string; use: string })[] }
  /** Keys that sign the provider's cookies (keygrip: the first signs, all verify). */
  cookieKeys: string[]
}

/** @example loadOrCreateKeys('/var/lib/portal').jwks.keys[0].kid */
export function loadOrCreateKeys(dataDir: string): IdpKeys {
  return loadOrCreate(join(dataDir, KEYS_FILE), () => JSON.stringify(newKeys(), null, 2), (text) => {
    const keys = JSON.parse(text) as IdpKeys
    if (!Array.isArray(keys.jwks?.keys) || keys.jwks.keys.length === 0 || !Array.isArray(keys.cookieKeys)) {
      throw new Error(`${KEYS_FILE} in ${dataDir} is not a key file of the embedded provider`)
    }
    return keys
  })
}

/** The embedded client's secret: made once, 43 characters of base64url (256 random bits). */
export function loadOrCreateClientSecret(dataDir: string): string {
  return loadOrCreate(join(dataDir, CLIENT_SECRET_FILE), () => randomBytes(32).toString('base64url'), (text) => {
    const secret = text.trim()
    if (secret.length < 32) throw new Error(`${CLIENT_SECRET_FILE} in ${dataDir} is shorter than 32 characters`)
    return secret
  })
}

function newKeys(): IdpKeys {
  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
  // RFC 7638 thumbprint as kid: stable for the key, says nothing else.
  const kid = createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })).digest('base64url')
  return { jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] }, cookieKeys: [randomBytes(32).toString('base64url')] }
}

/**
 * Reads the file, or creates it with 0600 when missing. `wx` makes creation exclusive: when two
 * processes start at once on one DATA_DIR, the loser reads the winner's file.
 */
function loadOrCreate<T>(file: string, create: () => string, parse: (text: string) => T): T {
  try {
    return readExisting(file, parse)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  mkdirSync(join(file, '..'), { recursive: true })
  try {
    writeFileSync(file, create(), { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return readExisting(file, parse)
}

function readExisting<T>(file: string, parse: (text: string) => T): T {
  const text = readFileSync(file, 'utf8')
  // A copy restored with looser permissions is tightened rather than refused.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
  return parse(text)
}
