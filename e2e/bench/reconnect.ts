/**
 * 'reconnect': 100 dossiers queued offline, two photos each, sent by the app when the network
 * comes back.
 *
 * Method: the real BFF on a real port, and the fault proxy (e2e/faults/proxy.ts) in front of it
 * with no faults, counting every byte each way and each request (it closes the connection after
 * each request, so connection = request); PUBLIC_ORIGIN is the proxy's address, so Chromium
 * loads the built app, signs in through the embedded provider and sends everything through it.
 * With the page offline, 100 ready birth registrations (1.001193) with two distinct photos each
 * are queued by the app's own code bundled into the page (e2e/support/queued-dossiers.ts:
 * drafts, photos drawn on a canvas (a gradient with noise, 2000 × 1500) and passed through the
 * app's image worker into the stored JPEGs of 310–550 KB, files with their SHA-256 (each photo
 * distinct: the same bytes would be stored and sent once), the submit step's default choice,
 * queueSubmission, one offline flush pass), as "Nộp hồ sơ" would leave them. When the proxy has
 * been idle, the context goes online; the app's `online` trigger flushes the outbox (tus uploads
 * with tus-js-client, POST /api/dossiers, the dossier's view) until every item is `done`, read
 * from IndexedDB every 250 ms. Counted from going online until every item is done and the proxy
 * idle again: wall time, requests by kind, bytes read from the browser's connections (request
 * heads and bodies, no TCP/IP framing) against the raw payload (the stored photos' bytes plus
 * each dossier's JSON body as posted), and bytes written back to it. Then the server must hold
 * the 100 dossiers with their 200 files, each blob's SHA-256 matching.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { blobDigest, readDossiers, startBff } from '../faults/bff.ts'
import { startFaultProxy, type Exchange } from '../faults/proxy.ts'
import { CITIZEN, signIn } from '../support/auth.ts'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { birthAnswers } from '../support/outbox.ts'
import { queueDossiers, type QueuedDossier } from '../support/queued-dossiers.ts'
import { freePort } from '../support/server.ts'
import type { Figure } from './report.ts'

const DOSSIERS = 100
const PHOTOS = 2
const KB = 1024
const MB = 1024 * 1024

/** What a request was, for the counts by kind. */
function kindOf(request: NonNullable<Exchange['request']>): string {
  const path = request.path.split('?')[0]!
  if (path.startsWith('/api/uploads/')) return `tus ${request.method}`
  if (path === '/api/dossiers' && request.method === 'POST') return 'dossier POST'
  if (path === '/api/session') return 'session GET'
  if (path === '/api/dossiers/changes') return 'changes GET'
  if (/^\/api\/dossiers\/[0-9a-f-]{36}$/.test(path)) return 'dossier GET'
  return `${request.method} ${path}`
}

interface Kind {
  count: number
  up: number
  down: number
  body: number
  statuses: Map<number, number>
}

function byKind(exchanges: readonly Exchange[]): Map<string, Kind> {
  const kinds = new Map<string, Kind>()
  for (const { request, status, bytesFromClient, bytesToClient } of exchanges) {
    if (!request) continue
    const kind = kinds.get(kindOf(request)) ?? { count: 0, up: 0, down: 0, body: 0, statuses: new Map() }
    kind.count++
    kind.up += bytesFromClient
    kind.down += bytesToClient
    kind.body += request.bodyLength ?? 0
    kind.statuses.set(status ?? 0, (kind.statuses.get(status ?? 0) ?? 0) + 1)
    kinds.set(kindOf(request), kind)
  }
  return kinds
}

/** Outbox items by state, read from the page's IndexedDB. */
function outboxStates(page: Page): Promise<{ states: Record<string, number>; attention: unknown[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('portal')
      open.onsuccess = () => ok(open.result)
      open.onerror = () => fail(open.error)
    })
    const rows = await new Promise<{ state: string; lastError?: unknown }[]>((ok, fail) => {
      const request = db.transaction('outbox').objectStore('outbox').getAll()
      request.onsuccess = () => ok(request.result as { state: string; lastError?: unknown }[])
      request.onerror = () => fail(request.error)
    })
    db.close()
    const states: Record<string, number> = {}
    for (const row of rows) states[row.state] = (states[row.state] ?? 0) + 1
    return { states, attention: rows.filter((row) => row.state === 'needs-attention').map((row) => row.lastError) }
  })
}

/** The server holds every dossier with its files, and every blob's bytes match their SHA-256. */
function checkServer(dataDir: string, queued: readonly QueuedDossier[]): void {
  const stored = new Map(readDossiers(dataDir).map((d) => [d.id, d]))
  if (stored.size !== queued.length) throw new Error(`the server has ${stored.size} dossiers, ${queued.length} were queued`)
  for (const dossier of queued) {
    const files = stored.get(dossier.id)?.files ?? []
    const key = (f: { sha256: string; size: number }) => `${f.sha256}:${f.size}`
    if (files.map(key).sort().join() !== dossier.files.map(key).sort().join()) throw new Error(`dossier ${dossier.id}: files on the server differ from the device's`)
    for (const file of files) if (blobDigest(dataDir, file.sha256) !== file.sha256) throw new Error(`blob ${file.sha256} is missing or damaged`)
  }
}

export async function reconnectBench(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-reconnect-'))
  const bffPort = await freePort()
  const exchanges: Exchange[] = []
  let closed = 0
  const proxy = await startFaultProxy({
    target: { host: '127.0.0.1', port: bffPort },
    seed: 1,
    onExchange: (exchange) => {
      closed++
      exchanges.push(exchange)
    },
  })
  const idle = async (ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end && proxy.counts.connections > closed; ) await new Promise((r) => setTimeout(r, 50))
  }
  const bff = await startBff(bffPort, dataDir, { PUBLIC_ORIGIN: proxy.url })
  const browser = await launchBrowser()
  try {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await page.goto(`${proxy.url}/`)
    await waitForServiceWorkerControl(page)
    await page.getByRole('status').first().filter({ hasText: /116 thủ tục/ }).waitFor({ timeout: 30_000 })
    await signIn(page, proxy.url, CITIZEN.username, undefined, '/ho-so')
    const user = await page.evaluate(async () => ((await (await fetch('/api/session')).json()) as { user: { sub: string; name?: string } }).user)

    await context.setOffline(true)
    const seeding = performance.now()
    const queued = await queueDossiers(page, {
      count: DOSSIERS,
      photos: PHOTOS,
      procedureCode: '1.001193',
      componentId: 'c6',
      values: birthAnswers(),
      title: 'Khai sinh',
      account: { sub: user.sub, ...(user.name ? { name: user.name } : {}) },
      seed: 1,
    })
    const seedSeconds = (performance.now() - seeding) / 1000
    const photos = queued.flatMap((d) => d.files)
    if (new Set(photos.map((f) => f.sha256)).size !== DOSSIERS * PHOTOS) throw new Error('the photos are not all distinct')
    const photoBytes = photos.reduce((sum, f) => sum + f.size, 0)
    const bodyBytes = queued.reduce((sum, d) => sum + d.bodyBytes, 0)
    const payload = photoBytes + bodyBytes

    await idle(15_000)
    exchanges.length = 0
    const before = { ...proxy.counts }
    const started = performance.now()
    await context.setOffline(false)
    const deadline = Date.now() + 15 * 60_000
    for (;;) {
      const { states, attention } = await outboxStates(page)
      if (attention.length) throw new Error(`items need attention: ${JSON.stringify(attention.slice(0, 3))}`)
      if (states.done === DOSSIERS) break
      if (Date.now() > deadline) throw new Error(`not all sent after 15 minutes: ${JSON.stringify(states)}`)
      await page.waitForTimeout(250)
    }
    const seconds = (performance.now() - started) / 1000
    await idle(10_000)
    const up = proxy.counts.bytesFromClients - before.bytesFromClients
    const down = proxy.counts.bytesToClients - before.bytesToClients
    const requests = proxy.counts.requests - before.requests
    checkServer(dataDir, queued)

    const kinds = byKind(exchanges)
    const counted = [...kinds.values()].reduce((sum, k) => sum + k.count, 0)
    const describe = (name: string, k: Kind) => {
      const statuses = [...k.statuses].map(([status, n]) => (k.statuses.size > 1 ? `${n}×${status}` : String(status))).join('/')
      return `${name} ${k.count} (${statuses}; head ${((k.up - k.body) / k.count).toFixed(0)} B up, ${(k.down / k.count).toFixed(0)} B down each)`
    }
    const list = [...kinds].sort((a, b) => b[1].count - a[1].count).map(([name, k]) => describe(name, k))
    const heads = [...kinds.values()].reduce((sum, k) => sum + k.up - k.body, 0)
    const bodies = [...kinds.values()].reduce((sum, k) => sum + k.body, 0)
    return [
      {
        name: `bytes from the browser / raw payload, ${DOSSIERS} dossiers × ${PHOTOS} photos`,
        value: up / payload,
        unit: '×',
        target: { op: '<=', value: 1.05 },
        note: `${(up / payload).toFixed(4)}: ${(up / MB).toFixed(2)} MiB sent for ${(payload / MB).toFixed(2)} MiB (photos ${(photoBytes / MB).toFixed(2)} MiB, dossier bodies ${(bodyBytes / KB).toFixed(1)} KiB); ${((up - payload) / DOSSIERS / KB).toFixed(2)} KiB more per dossier, request heads ${(heads / KB).toFixed(1)} KiB in all; request bodies ${bodies === payload ? '= the payload to the byte (nothing sent twice)' : `${bodies - payload} B more than the payload`}`,
      },
      {
        name: 'time from going online to every dossier submitted',
        value: seconds,
        unit: 's',
        note: `${(DOSSIERS / seconds).toFixed(2)} dossiers/s, ${(payload / MB / seconds).toFixed(2)} MiB/s of payload; queuing them offline took ${seedSeconds.toFixed(0)} s (not counted)`,
      },
      {
        name: 'requests',
        value: requests,
        unit: '',
        note: `${(requests / DOSSIERS).toFixed(2)} per dossier: ${list.join(', ')}${counted !== requests ? `; ${requests - counted} still open at the end` : ''}; ${proxy.counts.connections - before.connections} connections`,
      },
      {
        name: 'bytes back to the browser / raw payload',
        value: down / payload,
        unit: '×',
        note: `${(down / payload).toFixed(4)}: ${(down / KB).toFixed(1)} KiB, ${(down / DOSSIERS / KB).toFixed(2)} KiB per dossier`,
      },
    ]
  } finally {
    await browser.close()
    await proxy.close()
    await bff.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
