/**
 * The one suite on a real port: the server started as in production (127.0.0.1, port 0),
 * spoken to over HTTP with node:http so compressed bytes arrive as sent.
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import * as v from 'valibot'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CatalogWireSchema, unpackCatalog } from '@portal/shared/catalog/wire'
import { loadConfig } from './config/config.ts'
import { createLogger } from './log.ts'
import { startServer, type RunningServer } from './server.ts'
import { tempDir } from './testing/app.ts'
import { agencyKinds, birth, criminalRecord, directory, fields, landUse } from './testing/fixtures.ts'

function writeSeed(dir: string) {
  const files = { 'procedures.json': [birth, criminalRecord, landUse], 'fields.json': fields, 'agency-kinds.json': agencyKinds, 'agencies.json': directory }
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(content))
}

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

function fetchRaw(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

describe('the real server over HTTP', () => {
  let running: RunningServer
  let temp: ReturnType<typeof tempDir>

  beforeAll(async () => {
    temp = tempDir()
    writeSeed(temp.dir)
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: temp.dir, CATALOG_SEED_DIR: temp.dir, WEB_DIST: join(temp.dir, 'none'), LOG_LEVEL: 'silent' }, temp.dir)
    running = await startServer(config, createLogger('silent'))
  })
  afterAll(async () => {
    await running.close()
    temp.cleanup()
  })

  it('answers /healthz on the port it was given', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await fetchRaw(`${running.url}/healthz`)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body.toString())).toMatchObject({ status: 'ok', database: { ok: true, procedures: 3 } })
  })

  it('negotiates br and gzip, and answers 304 for the ETag of the same coding', async () => {
    const identity = await fetchRaw(`${running.url}/api/catalog`)
    const catalog = v.parse(CatalogWireSchema, JSON.parse(identity.body.toString()))
    const byCode = [birth, criminalRecord, landUse].sort((a, b) => a.code.localeCompare(b.code))
    expect(unpackCatalog(catalog).procedures).toEqual(byCode)
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const res = await fetchRaw(`${running.url}/api/catalog`, { 'Accept-Encoding': encoding })
      expect(res.status).toBe(200)
      expect(res.headers['content-encoding']).toBe(encoding)
      expect(res.headers['vary']).toBe('Accept-Encoding')
      expect(Number(res.headers['content-length'])).toBe(res.body.length)
      expect(JSON.parse(decode(res.body).toString())).toEqual(catalog)
      const etag = String(res.headers['etag'])
      const again = await fetchRaw(`${running.url}/api/catalog`, { 'Accept-Encoding': encoding, 'If-None-Match': etag })
      expect(again.status).toBe(304)
      expect(again.body.length).toBe(0)
      expect(again.headers['etag']).toBe(etag)
    }
  })

  it('serves a page compressed, with the security headers', async () => {
    const res = await fetchRaw(`${running.url}/thu-tuc/1.001193`, { Accept: 'text/html', 'Accept-Encoding': 'gzip' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.body).toString()).toContain('<h1>Đăng ký khai sinh</h1>')
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
  })
})

describe('the server process', () => {
  it('starts from src/server.ts and stops cleanly on SIGTERM', async () => {
    const temp = tempDir()
    writeSeed(temp.dir)
    const bff = fileURLToPath(new URL('..', import.meta.url))
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: bff,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: temp.dir, CATALOG_SEED_DIR: temp.dir, LOG_LEVEL: 'info', INIT_CWD: temp.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const match = out.match(/"url":"(http:\/\/[^"]+)"/)
          if (match?.[1]) resolve(match[1])
        })
        child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
      })
      expect((await fetchRaw(`${url}/healthz`)).status).toBe(200)
      const exit = new Promise<number | null>((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      expect(await exit).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
      temp.cleanup()
    }
  })

  it('refuses to start on an invalid configuration, naming the variable', async () => {
    const bff = fileURLToPath(new URL('..', import.meta.url))
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: bff,
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(1)
    expect(err).toContain('PORT must be a whole number')
  })
})
