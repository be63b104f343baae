/**
 * The provider on the BFF's own server (pnpm start's path): /idp goes to the provider, the rest
 * to Hono; the configuration switches it; production refuses it unless allowed.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config/config.ts'
import { createLogger } from '../log.ts'
import { startServer } from '../server.ts'
import { tempDir } from '../testing/app.ts'
import { bffClient, oidcClientSecret } from './mount.ts'
import { createEmbeddedProvider, IdpRefusedError } from './provider.ts'

function config(dir: string, env: Record<string, string> = {}) {
  return loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, CATALOG_SEED_DIR: join(dir, 'none'), WEB_DIST: join(dir, 'none'), LOG_LEVEL: 'silent', ...env }, dir)
}

/** Reads the body too: an unread body keeps the connection busy and slows the server's close. */
async function status(url: string): Promise<number> {
  const res = await fetch(url)
  await res.arrayBuffer()
  return res.status
}

describe('the provider mounted on the BFF', () => {
  it('serves /idp on the same port as the API, with the issuer and redirect URIs from PUBLIC_ORIGIN', async () => {
    const temp = tempDir()
    const running = await startServer(config(temp.dir), createLogger('silent'))
    try {
      const doc = (await (await fetch(`${running.url}/idp/.well-known/openid-configuration`)).json()) as Record<string, unknown>
      // PORT=0: PUBLIC_ORIGIN defaults to http://localhost:0; the issuer follows it, not Host.
      expect(doc.issuer).toBe('http://localhost:0/idp')
      expect(doc.end_session_endpoint).toBe('http://localhost:0/idp/session/end')
      expect(await status(`${running.url}/healthz`)).toBe(200)
      expect(await status(`${running.url}/idpx`)).toBe(404)
    } finally {
      await running.close()
      temp.cleanup()
    }
  })

  it('is off when OIDC_ISSUER names another provider', async () => {
    const c = config('/tmp/x', { OIDC_ISSUER: 'https://sso.dichvucong.gov.vn', OIDC_CLIENT_SECRET: 's3cret-from-the-national-portal' })
    expect(c.idp.enabled).toBe(false)
    expect(oidcClientSecret(c)).toBe('s3cret-from-the-national-portal')
    expect(config('/tmp/x', { OIDC_ISSUER: 'https://sso.example', IDP_EMBEDDED: 'true' }).idp.enabled).toBe(true)
    expect(config('/tmp/x').idp).toEqual({ enabled: true, issuer: 'http://localhost:0/idp', allowInProduction: false })
  })

  it('registers the BFF client with PKCE-ready code flow, its callback and the home page after logout', () => {
    const c = config('/tmp/x', { PUBLIC_ORIGIN: 'https://dichvucong.thainguyen.example' })
    expect(bffClient(c, 'secret')).toMatchObject({
      client_id: 'portal-bff',
      redirect_uris: ['https://dichvucong.thainguyen.example/auth/callback'],
      post_logout_redirect_uris: ['https://dichvucong.thainguyen.example/'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })
  })

  it('refuses to start with NODE_ENV=production unless IDP_ALLOW_IN_PRODUCTION=true', async () => {
    const temp = tempDir()
    try {
      const attempt = startServer(config(temp.dir, { NODE_ENV: 'production' }), createLogger('silent'))
      await expect(attempt).rejects.toThrow(IdpRefusedError)
      await expect(attempt).rejects.toThrow(/do not start with NODE_ENV=production[\s\S]*IDP_ALLOW_IN_PRODUCTION=true/)
      await expect(createEmbeddedProvider({ issuer: 'https://x.example/idp', dataDir: temp.dir, clients: [], nodeEnv: 'production' })).rejects.toThrow(IdpRefusedError)

      const allowed = await startServer(config(temp.dir, { NODE_ENV: 'production', IDP_ALLOW_IN_PRODUCTION: 'true' }), createLogger('silent'))
      await allowed.close()
      const external = await startServer(config(temp.dir, { NODE_ENV: 'production', IDP_EMBEDDED: 'false' }), createLogger('silent'))
      expect(await status(`${external.url}/idp/.well-known/openid-configuration`)).toBe(404)
      await external.close()
    } finally {
      temp.cleanup()
    }
  })
})
