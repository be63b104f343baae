import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config/config.ts'

const HTTP = {
  RELAY_CONNECTOR: 'http',
  RELAY_HTTP_URL: 'https://lgsp.thainguyen.example/motcua/v1/',
  RELAY_HTTP_CLIENT_ID: 'portal',
  RELAY_HTTP_CLIENT_SECRET: 's3cret',
  RELAY_CALLBACK_SECRET: 'k'.repeat(32),
}

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env, '/srv')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('relay configuration', () => {
  it('defaults to the embedded connector with the worker’s defaults', () => {
    expect(loadConfig({}, '/srv').relay).toEqual({ connector: 'embedded', timeoutMs: 10_000, concurrency: 4, backoff: { baseMs: 1000, capMs: 300_000 } })
  })

  it('reads the HTTP connector: the token endpoint defaults to /token at the API’s origin', () => {
    expect(loadConfig({ ...HTTP, RELAY_CONCURRENCY: '8' }, '/srv').relay).toEqual({
      connector: 'http',
      http: {
        url: 'https://lgsp.thainguyen.example/motcua/v1',
        tokenUrl: 'https://lgsp.thainguyen.example/token',
        clientId: 'portal',
        clientSecret: 's3cret',
        callbackSecret: 'k'.repeat(32),
      },
      timeoutMs: 10_000,
      concurrency: 8,
      backoff: { baseMs: 1000, capMs: 300_000 },
    })
  })

  it('names every missing variable of the HTTP connector, with the other wrong ones, in one message', () => {
    const message = failure({ RELAY_CONNECTOR: 'http', PORT: 'eighty' })
    for (const name of ['PORT', 'RELAY_HTTP_URL', 'RELAY_HTTP_CLIENT_ID', 'RELAY_HTTP_CLIENT_SECRET', 'RELAY_CALLBACK_SECRET']) expect(message).toContain(`  ${name}:`)
  })

  it('refuses a short callback secret, plain http in production, a cap below the base, an unknown connector', () => {
    expect(failure({ ...HTTP, RELAY_CALLBACK_SECRET: 'short' })).toContain('RELAY_CALLBACK_SECRET must be at least 32 characters')
    expect(failure({ ...HTTP, NODE_ENV: 'production', IDP_EMBEDDED: 'false', RELAY_HTTP_URL: 'http://lgsp.example/api' })).toContain('RELAY_HTTP_URL must be https in production')
    expect(failure({ RELAY_BACKOFF_BASE_MS: '5000', RELAY_BACKOFF_CAP_MS: '1000' })).toContain('RELAY_BACKOFF_CAP_MS must not be below RELAY_BACKOFF_BASE_MS')
    expect(failure({ RELAY_CONNECTOR: 'soap' })).toContain('RELAY_CONNECTOR must be one of embedded, http')
  })
})
