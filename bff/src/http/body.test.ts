import { serve, type ServerType } from '@hono/node-server'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as v from 'valibot'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpError } from './problem.ts'
import { limitBody } from './body.ts'
import { validate } from './validate.ts'

// limitBody over a real socket (the Node path: bytes read from IncomingMessage into Hono's body
// cache) and through app.request() (no Node request: Hono's bodyLimit), with the same answers.

const LIMIT = 64
const tooLarge = () => new HttpError(413, 'too-large', 'Dữ liệu gửi lên quá lớn')

function bodyApp() {
  const app = new Hono()
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ title: error.title }, error.status)
    if (error instanceof HTTPException) return c.json({ title: error.message }, error.status)
    return c.json({ error: String(error) }, 500)
  })
  app.post('/json', limitBody(LIMIT, tooLarge), validate('json', v.unknown()), (c) => c.json({ got: c.req.valid('json') }))
  app.post('/bytes', limitBody(LIMIT, tooLarge), async (c) => c.json({ bytes: [...new Uint8Array(await c.req.arrayBuffer())], text: await c.req.text() }))
  return app
}

describe('request bodies with a limit', () => {
  let server: ServerType
  let base: string
  beforeAll(async () => {
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: bodyApp().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** The same request over the socket and through app.request(). */
  async function both(path: string, init: RequestInit): Promise<{ status: number; body: unknown }[]> {
    const answers = []
    for (const res of [await fetch(base + path, init), await bodyApp().request(path, init)]) answers.push({ status: res.status, body: await res.json() })
    return answers
  }

  it('hands the JSON to the handler, a leading BOM dropped as fetch does', async () => {
    for (const body of ['{"a":"Hồ sơ"}', '\uFEFF{"a":"Hồ sơ"}']) {
      expect(await both('/json', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).toEqual([
        { status: 200, body: { got: { a: 'Hồ sơ' } } },
        { status: 200, body: { got: { a: 'Hồ sơ' } } },
      ])
    }
  })

  it('gives the exact bytes, even when they are not UTF-8 (a signature is checked over them)', async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])
    const [socket, inProcess] = await both('/bytes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: bytes })
    expect(socket).toEqual({ status: 200, body: { bytes: [...bytes], text: '{\uFFFD\uFFFD}' } })
    expect(inProcess).toEqual(socket)
  })

  it('refuses a declared length over the limit with the route’s 413, before reading', async () => {
    const body = JSON.stringify({ a: 'x'.repeat(LIMIT) })
    expect(await both('/json', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).toEqual([
      { status: 413, body: { title: 'Dữ liệu gửi lên quá lớn' } },
      { status: 413, body: { title: 'Dữ liệu gửi lên quá lớn' } },
    ])
  })

  it('counts a chunked body as it arrives: within the limit it is taken, past it refused with 413', async () => {
    const chunked = (text: string): RequestInit & { duplex: 'half' } => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < text.length; i += 10) controller.enqueue(new TextEncoder().encode(text.slice(i, i + 10)))
          controller.close()
        },
      }),
    })
    const small = await fetch(`${base}/json`, chunked('{"a":"b"}'))
    expect([small.status, await small.json()]).toEqual([200, { got: { a: 'b' } }])
    const big = await fetch(`${base}/json`, chunked(JSON.stringify({ a: 'x'.repeat(LIMIT * 4) })))
    expect([big.status, await big.json()]).toEqual([413, { title: 'Dữ liệu gửi lên quá lớn' }])
  })

  it('survives a client that stops half-way, and keeps answering others', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () => {
        socket.write('POST /json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{"a":')
        setTimeout(() => socket.destroy(), 50)
      })
      socket.on('close', () => resolve())
    })
    const res = await fetch(`${base}/json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[1]' })
    expect([res.status, await res.json()]).toEqual([200, { got: [1] }])
  })

  it('leaves a malformed body to the validator (400)', async () => {
    expect(await both('/json', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":' })).toEqual([
      { status: 400, body: { title: 'Malformed JSON in request body' } },
      { status: 400, body: { title: 'Malformed JSON in request body' } },
    ])
  })
})
