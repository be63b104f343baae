import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, REPO_ROOT } from './config.ts'

describe('configuration from the environment', () => {
  it('defaults give the embedded mode', () => {
    const config = loadConfig({}, '/srv/portal')
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/portal/data',
      databaseFile: '/srv/portal/data/portal.sqlite',
      publicOrigin: 'http://localhost:8080',
      webDist: resolve(REPO_ROOT, 'web/dist'),
      logLevel: 'info',
      nodeEnv: 'development',
      catalogSyntheticSize: 0,
    })
    expect(config.catalogSeedDir).toBe(resolve(REPO_ROOT, 'bff/src/catalog/seed'))
  })

  it('resolves relative paths against INIT_CWD (where pnpm was started), else the given folder', () => {
    expect(loadConfig({ INIT_CWD: '/home/me/portal', DATA_DIR: 'var' }).dataDir).toBe('/home/me/portal/var')
    expect(loadConfig({ DATA_DIR: '/abs/data' }, '/elsewhere').dataDir).toBe('/abs/data')
  })

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '3000',
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: 'https://dichvucong.thainguyen.gov.vn/',
      WEB_DIST: 'dist',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      CATALOG_SEED_DIR: '/seed',
      CATALOG_SYNTHETIC_SIZE: '2000',
    }, '/x')
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicOrigin: 'https://dichvucong.thainguyen.gov.vn',
      webDist: '/x/dist',
      logLevel: 'warn',
      nodeEnv: 'production',
      catalogSeedDir: '/seed',
      catalogSyntheticSize: 2000,
    })
    expect(loadConfig({ PORT: '3000' }).publicOrigin).toBe('http://localhost:3000')
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' }).port).toBe(8080)
  })

  it('names every invalid variable in one message', () => {
    const attempt = () => loadConfig({ PORT: '80a', PUBLIC_ORIGIN: 'https://x.gov.vn/portal', LOG_LEVEL: 'loud', CATALOG_SYNTHETIC_SIZE: '-1' })
    expect(attempt).toThrow(ConfigError)
    expect(attempt).toThrow(/PORT[\s\S]*PUBLIC_ORIGIN[\s\S]*LOG_LEVEL[\s\S]*CATALOG_SYNTHETIC_SIZE/)
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be at most 65535/)
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'ftp://x.gov.vn' })).toThrow(/PUBLIC_ORIGIN/)
  })

  it('reads the trusted proxies: addresses and CIDR subnets, none by default', () => {
    expect(loadConfig({}).trustedProxies).toEqual([])
    expect(loadConfig({ TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8,' }).trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'])
    for (const wrong of ['localhost', '10.0.0.0/33', '10.0.0.1/8/1', '::1/129', '10.0.0/8', '*']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: wrong }), wrong).toThrow(/TRUSTED_PROXIES must be IP addresses or CIDR subnets/)
    }
  })
})
