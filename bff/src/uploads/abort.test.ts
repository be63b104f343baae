/**
 * Regression (docs/decisions/0010-fault-tests.md, resume bench): the bytes of a PATCH that the
 * server received before the client went away are kept, so the client resumes after them.
 */
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { fileBytes, intakeCatalog, sha256 } from '../dossiers/testing.ts'
import { testApp } from '../testing/app.ts'

let t: ReturnType<typeof testApp>
let server: ServerType
let port: number
let alice: TestPerson

beforeAll(async () => {
  t = testApp({ catalog: intakeCatalog() })
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  port = (server.address() as AddressInfo).port
  alice = signedIn(t, { sub: 'alice' })
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  t.cleanup()
})

const b64 = (s: string) => Buffer.from(s).toString('base64')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('an aborted PATCH', () => {
  it('keeps every byte the server received: HEAD offers exactly them', async () => {
    const bytes = fileBytes('image/jpeg', 2 * 1024 * 1024, 'abort')
    const base = `http://127.0.0.1:${port}`
    const headers = { Cookie: alice.cookie, Origin: t.config.publicOrigin, 'X-Requested-With': 'portal', 'Tus-Resumable': '1.0.0' }
    const created = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { ...headers, 'Upload-Length': String(bytes.length), 'Upload-Metadata': `sha256 ${b64(sha256(bytes))},filename ${b64('a.jpg')},filetype ${b64('image/jpeg')}` },
    })
    expect(created.status).toBe(201)
    const path = created.headers.get('Location')!

    const socket = connect(port, '127.0.0.1')
    await new Promise((r) => socket.once('connect', r))
    const head = [`PATCH ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), 'Content-Type: application/offset+octet-stream', 'Upload-Offset: 0', `Content-Length: ${bytes.length}`, '', ''].join('\r\n')
    socket.write(head)
    const sent = 700 * 1024 + 123
    // Cut while the server is still taking them in (as a dying link does): the FIN follows the
    // last byte at once, so the server gets every byte sent, then the abort.
    await new Promise((r) => socket.write(bytes.subarray(0, sent), r))
    socket.destroy()

    let offset = -1
    for (let i = 0; i < 100; i++) {
      await sleep(20)
      const res = await fetch(`${base}${path}`, { method: 'HEAD', headers })
      offset = Number(res.headers.get('Upload-Offset'))
      if (offset === sent) break
    }
    expect(offset).toBe(sent)

    // And the upload finishes from there.
    const rest = await fetch(`${base}${path}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(sent) },
      body: bytes.subarray(sent),
    })
    expect(rest.status).toBe(204)
  })
})
