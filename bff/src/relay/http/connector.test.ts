/**
 * The HTTP connector against the test province server on 127.0.0.1: tokens, idempotency,
 * and how each kind of failure is classed (retry later, or parked for good).
 */
import { createHash, randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HttpRelayConfig } from '../config.ts'
import { PermanentDeliveryError, type RelayMessage } from '../contract.ts'
import { startProvince, type Province } from '../testing/province-server.ts'
import { HttpConnector, ProvinceUnavailable } from './connector.ts'
import { ClientCredentials, EXPIRY_MARGIN_S, TokenError } from './token.ts'

let province: Province
beforeEach(async () => {
  province = await startProvince()
})
afterEach(() => province.close())

const settings = (over: Partial<HttpRelayConfig> = {}): HttpRelayConfig => ({
  url: province.url,
  tokenUrl: province.tokenUrl,
  clientId: province.clientId,
  clientSecret: province.clientSecret,
  callbackSecret: province.callbackSecret,
  ...over,
})

function message(kind: RelayMessage['kind'] = 'submitted', dossierId = randomUUID()): RelayMessage {
  return { key: `${dossierId}:1`, dossierId, kind, payload: { receipt: { id: dossierId } } }
}

const signal = () => AbortSignal.timeout(5_000)

describe('HttpConnector', () => {
  it('reads a file the province holds under the same token, renewing it once on a 401; a missing file throws', async () => {
    const connector = new HttpConnector(settings())
    const bytes = Buffer.from('%PDF-1.4 kết quả')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    province.files.set(sha256, bytes)
    const id = randomUUID()
    const read = async () => Buffer.from(await new Response(await connector.fetchFile(id, sha256, signal())).arrayBuffer())
    expect((await read()).equals(bytes)).toBe(true)
    province.revokeTokens()
    expect((await read()).equals(bytes)).toBe(true)
    expect(province.tokensIssued).toBe(2)
    expect(province.fileRequests).toEqual(Array(3).fill(`/motcua/v1/dossiers/${id}/files/${sha256}`))
    await expect(connector.fetchFile(id, 'e'.repeat(64), signal())).rejects.toThrow(ProvinceUnavailable)
  })

  it('sends each message with one cached token, JSON and its Idempotency-Key, and returns the province’s code', async () => {
    const connector = new HttpConnector(settings())
    const acks = []
    for (let i = 0; i < 5; i++) acks.push(await connector.deliver(message(), signal()))
    expect(province.tokensIssued).toBe(1)
    expect(acks.map((a) => a.externalCode)).toEqual(['TN-000001', 'TN-000002', 'TN-000003', 'TN-000004', 'TN-000005'])
    expect(province.taken.map((m) => m.kind)).toEqual(Array(5).fill('submitted'))
  })

  it('routes supplements and withdrawals under the dossier', async () => {
    const connector = new HttpConnector(settings())
    const id = randomUUID()
    expect(await connector.deliver({ ...message('supplement', id), key: `${id}:2` }, signal())).toEqual({})
    expect(await connector.deliver({ ...message('withdrawal', id), key: `${id}:3` }, signal())).toEqual({})
    expect(province.taken.map((m) => [m.kind, m.dossierId])).toEqual([
      ['supplement', id],
      ['withdrawal', id],
    ])
  })

  it('the same key twice: the province takes it once and answers the same code', async () => {
    const connector = new HttpConnector(settings())
    const m = message()
    const first = await connector.deliver(m, signal())
    const again = await connector.deliver(m, signal())
    expect(again).toEqual(first)
    expect(province.taken).toHaveLength(1)
    expect(province.replays).toBe(1)
  })

  it('on 401 drops the token, gets a new one and sends once more', async () => {
    const connector = new HttpConnector(settings())
    await connector.deliver(message(), signal())
    province.revokeTokens()
    await connector.deliver(message(), signal())
    expect(province.tokensIssued).toBe(2)
    expect(province.requests.map((r) => r.status)).toEqual([201, 401, 201])
    expect(province.taken).toHaveLength(2)
  })

  it('classes failures: 5xx, 429 and the network are retried later; another 4xx is permanent', async () => {
    const connector = new HttpConnector(settings())
    province.faults.status500 = 1
    await expect(connector.deliver(message(), signal())).rejects.toThrow(ProvinceUnavailable)
    province.faults.refuse = () => 429
    await expect(connector.deliver(message(), signal())).rejects.toThrow(ProvinceUnavailable)
    province.faults.refuse = () => 422
    const refused = connector.deliver(message(), signal())
    await expect(refused).rejects.toThrow(PermanentDeliveryError)
    await expect(refused).rejects.toThrow(/answered 422/)
    province.faults.refuse = undefined
    await province.down()
    const error = await connector.deliver(message(), signal()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(PermanentDeliveryError)
    await province.up()
    expect(await connector.deliver(message(), signal())).toHaveProperty('externalCode')
  })

  it('gives up when the signal aborts (a slow province): not a permanent failure', async () => {
    const connector = new HttpConnector(settings())
    province.faults.delayMs = 500
    const error = await connector.deliver(message(), AbortSignal.timeout(100)).catch((e: unknown) => e)
    expect((error as Error).name).toBe('TimeoutError')
  })

  it('wrong client credentials: a TokenError (retried later, never parked)', async () => {
    const connector = new HttpConnector(settings({ clientSecret: 'wrong' }))
    await expect(connector.deliver(message(), signal())).rejects.toThrow(TokenError)
    expect(province.taken).toHaveLength(0)
  })
})

describe('ClientCredentials', () => {
  it('keeps the token until shortly before it expires, then asks again; concurrent callers share one request', async () => {
    await province.close()
    province = await startProvince({ tokenLifetimeS: 120 })
    let now = 1_000_000
    const tokens = new ClientCredentials(settings(), () => now)
    const [a, b, c] = await Promise.all([tokens.token(signal()), tokens.token(signal()), tokens.token(signal())])
    expect(new Set([a, b, c]).size).toBe(1)
    expect(province.tokensIssued).toBe(1)
    now += (120 - EXPIRY_MARGIN_S) * 1000 - 1
    expect(await tokens.token(signal())).toBe(a)
    now += 1
    const renewed = await tokens.token(signal())
    expect(renewed).not.toBe(a)
    expect(province.tokensIssued).toBe(2)
    tokens.invalidate(a)
    expect(await tokens.token(signal())).toBe(renewed)
    tokens.invalidate(renewed)
    await tokens.token(signal())
    expect(province.tokensIssued).toBe(3)
  })
})
