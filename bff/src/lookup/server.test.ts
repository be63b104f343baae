/**
 * The limit per client address, on a real port: the address comes from the TCP socket, so two
 * loopback addresses (127.0.0.1 and 127.0.0.2) are two clients; X-Forwarded-For counts only
 * from a proxy named in TRUSTED_PROXIES.
 */
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { afterEach, describe, expect, it } from 'vitest'
import { testApp } from '../testing/app.ts'
import { LOOKUP_LIMIT } from './routes.ts'

let t: ReturnType<typeof testApp> | undefined
let server: Server | undefined
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  t?.cleanup()
})

async function start(env: Record<string, string> = {}): Promise<number> {
  t = testApp({ env })
  server = createServer(getRequestListener(t.app.fetch))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** A look-up of an unknown code from `from` (a loopback address), optionally through a proxy header. */
function lookup(port: number, from: string, forwardedFor?: string): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}
    request({ host: '127.0.0.1', port, path: '/api/lookup/000.00.00.H24-251127-9999', localAddress: from, headers, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(res.headers['retry-after'] ? { retryAfter: String(res.headers['retry-after']) } : {}) }))
    })
      .on('error', reject)
      .end()
  })
}

async function burst(port: number, from: string, forwardedFor?: string): Promise<number[]> {
  const statuses = []
  for (let i = 0; i < LOOKUP_LIMIT; i++) statuses.push((await lookup(port, from, forwardedFor)).status)
  return statuses
}

describe('look-ups per client address', () => {
  it(`refuses the ${LOOKUP_LIMIT + 1}st call of an address with 429 and Retry-After; another address is not affected`, async () => {
    const port = await start()
    expect(new Set(await burst(port, '127.0.0.1'))).toEqual(new Set([404]))
    const refused = await lookup(port, '127.0.0.1')
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(59)
    expect((await lookup(port, '127.0.0.2')).status).toBe(404)
  })

  it('ignores X-Forwarded-For when no proxy is trusted: a client cannot pose as many', async () => {
    const port = await start()
    await burst(port, '127.0.0.1')
    expect((await lookup(port, '127.0.0.1', '198.51.100.1')).status).toBe(429)
    expect((await lookup(port, '127.0.0.1', '198.51.100.2')).status).toBe(429)
  })

  it('behind a trusted proxy, counts the address the proxy saw, not what the client wrote', async () => {
    const port = await start({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' })
    expect(new Set(await burst(port, '127.0.0.1', '198.51.100.1'))).toEqual(new Set([404]))
    expect((await lookup(port, '127.0.0.1', '198.51.100.1')).status).toBe(429)
    // A forged entry on the left does not help: the proxies' entries are read from the right.
    expect((await lookup(port, '127.0.0.1', '203.0.113.9, 198.51.100.1')).status).toBe(429)
    expect((await lookup(port, '127.0.0.1', '198.51.100.1, 10.1.2.3')).status).toBe(429)
    expect((await lookup(port, '127.0.0.1', '198.51.100.2')).status).toBe(404)
    // 127.0.0.2 is not a trusted proxy: its header is its own words, and it is counted as itself.
    expect((await lookup(port, '127.0.0.2', '198.51.100.1')).status).toBe(404)
  })
})
