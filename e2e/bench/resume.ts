/**
 * 'resume': what a link that dies every megabyte costs a 10 MB upload.
 *
 * Method: the real BFF on a real port; the fault proxy (e2e/faults/proxy.ts) in front of it
 * drops the connection each time the bytes it has forwarded to the server cross a multiple of
 * 1 MiB (headers included, all connections together); one 10 MB file (10 × 1024 × 1024 bytes,
 * the per-file limit; JPEG start, random bytes) uploaded by the scripted client
 * (e2e/faults/client.ts: tus-js-client in Node, chunks of 1 MiB as the app sends, the URL kept
 * and resumed from after each failure, its own retries [0, 100, 300] ms then a backoff).
 * Bytes sent: what the client's sockets wrote (an http.Agent counting `bytesWritten`), headers
 * included, against the file's size; also what reached the proxy. Reconnects: the links the
 * proxy dropped; requests: every request that reached it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FILE_LIMIT_BYTES } from '@portal/shared/forms/definition'
import { blobDigest, signInCitizens, startBff } from '../faults/bff.ts'
import { createClient, CountingAgent, fileOf, sha256Hex } from '../faults/client.ts'
import { prng } from '@portal/shared/random/prng'
import { startFaultProxy } from '../faults/proxy.ts'
import { freePort } from '../support/server.ts'
import type { Figure } from './report.ts'

const MiB = 1024 * 1024

export async function resumeBench(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-resume-'))
  const bff = await startBff(await freePort(), dataDir)
  const proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: bff.port }, seed: 1, cutEveryUpstreamBytes: MiB })
  try {
    const [citizen] = signInCitizens(bff, ['resume-citizen'])
    const bytes = fileOf('image/jpeg', FILE_LIMIT_BYTES, prng(10))
    const file = { bytes, sha256: sha256Hex(bytes), type: 'image/jpeg' as const, name: 'ban-scan-10mb.jpg' }
    const agent = new CountingAgent()
    const client = createClient({ base: proxy.url, origin: bff.baseUrl, cookie: citizen!.cookie, agent, maxAttempts: 40, deadline: Date.now() + 120_000 })
    const stats = { retries: 0, tusRetries: 0, posts: 0, statuses: {} }
    const started = performance.now()
    await client.uploadFile(file, stats)
    const seconds = (performance.now() - started) / 1000
    agent.destroy()
    if (blobDigest(dataDir, file.sha256) !== file.sha256) throw new Error('the 10 MB file is not intact in the blob store')
    const sent = agent.total()
    return [
      { name: 'bytes sent by the client / file size', value: sent / bytes.length, unit: '×', target: { op: '<=', value: 1.1 }, note: `${(sent / MiB).toFixed(2)} MiB written for ${bytes.length / MiB} MiB; ${(proxy.counts.bytesFromClients / MiB).toFixed(2)} MiB reached the proxy, ${(proxy.counts.bytesToServer / MiB).toFixed(2)} MiB reached the server` },
      { name: 'time to upload 10 MB, link cut every 1 MiB', value: seconds, unit: 's' },
      { name: 'reconnects (links cut)', value: proxy.counts.cuts, unit: '', note: `${proxy.counts.requests} requests, ${proxy.counts.connections} connections; tus-js-client retries ${stats.tusRetries}, client retries ${stats.retries}` },
    ]
  } finally {
    await proxy.close()
    await bff.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
