import { request } from 'node:http'
import { startApp } from '../support/server.ts'
import { median, type Figure } from './report.ts'

interface Reply {
  status: number
  bytes: number
  headerBytes: number
  etag: string | undefined
  ms: number
}

// node:http rather than fetch: fetch decodes bodies, and we want the bytes on the wire.
function get(url: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((ok, fail) => {
    const start = performance.now()
    const req = request(url, { headers }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => {
        const headerBytes = res.rawHeaders.reduce((n, h) => n + h.length + 2, 0)
        ok({ status: res.statusCode ?? 0, bytes, headerBytes, etag: res.headers.etag, ms: performance.now() - start })
      })
    })
    req.on('error', fail)
    req.end()
  })
}

/** Transfer of a 2,000-procedure catalogue by encoding, and the cost of an unchanged re-check. */
export async function catalogTransfer(): Promise<Figure[]> {
  const app = await startApp({ env: { CATALOG_SYNTHETIC_SIZE: '2000' } })
  try {
    const url = `${app.baseUrl}/api/catalog`
    const identity = await get(url, { 'accept-encoding': 'identity' })
    const gzip = await get(url, { 'accept-encoding': 'gzip' })
    const br = await get(url, { 'accept-encoding': 'br, gzip' })
    const fullTimes: number[] = []
    for (let i = 0; i < 20; i++) fullTimes.push((await get(url, { 'accept-encoding': 'br' })).ms)
    const recheck: Reply[] = []
    for (let i = 0; i < 100; i++) recheck.push(await get(url, { 'accept-encoding': 'br', 'if-none-match': br.etag ?? '' }))
    const all304 = recheck.every((r) => r.status === 304 && r.bytes === 0)
    const kb = (n: number) => n / 1024
    return [
      { name: 'catalogue, 2,000 procedures, uncompressed', value: kb(identity.bytes), unit: 'KB' },
      { name: 'catalogue, 2,000 procedures, gzip', value: kb(gzip.bytes), unit: 'KB', target: { op: '<=', value: 1024 } },
      { name: 'catalogue, 2,000 procedures, brotli', value: kb(br.bytes), unit: 'KB', target: { op: '<=', value: 1024 } },
      { name: 'full download time on loopback (brotli, median of 20)', value: median(fullTimes), unit: 'ms' },
      {
        name: 'unchanged re-check: one 304, median of 100',
        value: median(recheck.map((r) => r.ms)),
        unit: 'ms',
        note: `${all304 ? 'every answer 304 with no body' : 'NOT all 304'}, ${recheck[0]!.headerBytes} bytes of headers`,
      },
    ]
  } finally {
    await app.stop()
  }
}
