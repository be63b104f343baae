/**
 * The whole path over a real port, with the client the app uses (tus-js-client, here its Node
 * build): a file uploaded in chunks, interrupted and resumed from the URL we kept (Node has no
 * URL storage), then the dossier submitted over HTTP, read back and its receipt printed.
 */
import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import * as tus from 'tus-js-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DossierReceipt } from '@portal/shared/dossiers/schema'
import { signedIn, type TestPerson } from '../auth/testing/sessions.ts'
import { pdfText } from '../dossiers/pdf-text.test-support.ts'
import { fileBytes, intakeCatalog, provinceSubmission, ref, sha256 } from '../dossiers/testing.ts'
import { testApp } from '../testing/app.ts'

let t: ReturnType<typeof testApp>
let server: ServerType
let base: string
let alice: TestPerson

beforeAll(async () => {
  t = testApp({ catalog: intakeCatalog() })
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  alice = signedIn(t, { sub: 'alice', profile: { name: 'Nguyễn Văn An', identity_number: '019085004127' } })
})
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  t.cleanup()
})

const CHUNK = 256 * 1024

function options(bytes: Buffer, extra: Partial<tus.UploadOptions>): tus.UploadOptions {
  return {
    endpoint: `${base}/api/uploads/`,
    chunkSize: CHUNK,
    retryDelays: [],
    headers: { Cookie: alice.cookie, Origin: t.config.publicOrigin, 'X-Requested-With': 'portal' },
    metadata: { sha256: sha256(bytes), filename: 'anh-chup-to-khai.jpg', filetype: 'image/jpeg' },
    ...extra,
  }
}

describe('tus-js-client against the BFF on a real port', () => {
  it('uploads in chunks, survives an interruption, resumes from the kept URL, then the dossier goes through', async () => {
    const bytes = fileBytes('image/jpeg', 5 * CHUNK + 1234, 'photo')
    let url = ''

    // First attempt: stopped after two chunks, keeping the upload (abort() without true).
    await new Promise<void>((resolve, reject) => {
      let chunks = 0
      const first = new tus.Upload(
        bytes,
        options(bytes, {
          onUploadUrlAvailable: () => {
            url = first.url!
          },
          onChunkComplete: () => {
            if (++chunks === 2) first.abort().then(resolve, reject)
          },
          onSuccess: () => reject(new Error('should have been interrupted')),
          onError: reject,
        }),
      )
      first.start()
    })
    expect(url).toMatch(new RegExp(`^${base}/api/uploads/[0-9a-f]{32}$`))
    const head = await fetch(url, { method: 'HEAD', headers: { Cookie: alice.cookie, 'Tus-Resumable': '1.0.0' } })
    expect(Number(head.headers.get('Upload-Offset'))).toBe(2 * CHUNK)

    // Second attempt from the kept URL: only the rest is sent.
    const sentFrom: number[] = []
    await new Promise<void>((resolve, reject) => {
      const second = new tus.Upload(
        bytes,
        options(bytes, {
          uploadUrl: url,
          onProgress: (sent) => sentFrom.push(sent),
          onSuccess: () => resolve(),
          onError: reject,
        }),
      )
      second.start()
    })
    expect(Math.min(...sentFrom)).toBeGreaterThanOrEqual(2 * CHUNK)
    expect(t.db.$client.prepare('SELECT count(*) AS n FROM upload_grants WHERE sha256 = ?').get(sha256(bytes))).toEqual({ n: 1 })

    // The dossier, over HTTP; then the same again (a lost answer retried).
    const submission = provinceSubmission([ref(bytes, 'image/jpeg', 'anh-chup-to-khai.jpg')])
    const send = () =>
      fetch(`${base}/api/dossiers`, { method: 'POST', headers: alice.headers, body: JSON.stringify(submission) })
    const created = await send()
    expect(created.status).toBe(201)
    const receipt = (await created.json()) as DossierReceipt
    expect(receipt.code).toBe('000.00.01.H55-260701-0001')
    const replay = await send()
    expect(replay.status).toBe(200)
    expect(await replay.json()).toEqual(receipt)

    const view = await fetch(`${base}${created.headers.get('Location')}`, { headers: alice.headers })
    expect(((await view.json()) as { code: string }).code).toBe(receipt.code)
    const pdf = await fetch(`${base}/api/dossiers/${submission.id}/receipt.pdf`, { headers: alice.headers })
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
    expect(await pdfText(new Uint8Array(await pdf.arrayBuffer()))).toContain(receipt.code)
  })

  it('reports a corrupted file as refused (422 problem), not as a network failure to retry', async () => {
    const bytes = fileBytes('image/jpeg', CHUNK + 10, 'good')
    const error = await new Promise<tus.DetailedError>((resolve, reject) => {
      const upload = new tus.Upload(
        bytes,
        options(bytes, {
          metadata: { sha256: sha256(Buffer.from('something else')), filename: 'x.jpg', filetype: 'image/jpeg' },
          onSuccess: () => reject(new Error('a wrong hash was accepted')),
          onError: (e) => resolve(e as tus.DetailedError),
        }),
      )
      upload.start()
    })
    expect(error.originalResponse?.getStatus()).toBe(422)
    expect(JSON.parse(error.originalResponse!.getBody()) as { type: string }).toMatchObject({ type: expect.stringMatching(/upload-hash-mismatch$/) })
  })
})
