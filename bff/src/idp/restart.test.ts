/**
 * What the provider keeps under DATA_DIR and in SQLite survives a restart: the signing key (same
 * kid), the client secret, and a signed-in browser's provider session.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../testing/app.ts'
import { DEMO_PASSWORD } from './demo-accounts.ts'
import { signIn, startAuthorization } from './flow.test-support.ts'
import { CLIENT_SECRET_FILE, KEYS_FILE, loadOrCreateClientSecret } from './secrets.ts'
import { CLIENT, startTestIdp } from './test-support.ts'

async function kids(issuer: string): Promise<string[]> {
  const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] }
  return jwks.keys.map((key) => key.kid)
}

describe('restarts', () => {
  it('keeps the signing key (same kid) and the provider session, with the key file readable by its owner only', async () => {
    const temp = tempDir('portal-idp-restart-')
    try {
      const first = await startTestIdp({ dataDir: temp.dir })
      const before = await kids(first.issuer)
      const signedIn = await signIn(first, '019085004127', DEMO_PASSWORD)
      await first.stop()
      expect(statSync(join(temp.dir, KEYS_FILE)).mode & 0o777).toBe(0o600)

      // The same issuer again on the same folder: same key, and the browser's session still holds.
      const second = await startTestIdp({ dataDir: temp.dir, port: first.port })
      expect(await kids(second.issuer)).toEqual(before)
      const again = await startAuthorization(second, 'openid', {}, signedIn.browser)
      expect(again.redirect?.searchParams.get('code')).toBeTruthy()
      await second.stop()
    } finally {
      temp.cleanup()
    }
  })

  it('makes the client secret once, 0600, and reads it back', () => {
    const temp = tempDir('portal-idp-secret-')
    try {
      const secret = loadOrCreateClientSecret(temp.dir)
      expect(secret).toMatch(/^[\w-]{43}$/)
      expect(statSync(join(temp.dir, CLIENT_SECRET_FILE)).mode & 0o777).toBe(0o600)
      expect(loadOrCreateClientSecret(temp.dir)).toBe(secret)
      expect(secret).not.toBe(CLIENT.secret)
    } finally {
      temp.cleanup()
    }
  })
})
