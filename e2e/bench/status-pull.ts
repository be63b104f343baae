/**
 * 'status-pull': a phone holding 200 dossiers catches up after a week offline, while 1,000
 * status events reached the portal.
 *
 * Method:
 * - The real BFF on a real port (embedded one-stop-shop), a fresh DATA_DIR.
 * - Chromium at phone size signs in the demo citizen through the embedded provider; 200 dossiers
 *   are submitted under that session (POST /api/dossiers, procedure 3.000182, no files: the
 *   intake the app's outbox makes); the app opens "Hồ sơ đã nộp" and pulls all 200 (cursor).
 * - The page goes offline. Server-side, 1,000 status events (5 per dossier: receive,
 *   startProcessing, transfer, approve, returnResult, a day apart) go through the BFF's own
 *   inbound handler (RelayInbound.accept, the one every connector uses), in this process on the
 *   same SQLite file: each moves the mirror with the shared state machine, appends a history
 *   row and takes the next change sequence, as a one-stop-shop's callbacks would.
 * - The page comes back online and opens "Hồ sơ đã nộp" again (the app shell from the service
 *   worker; the page and the app's start both ask for a pull, which share one); measured from
 *   the navigation until the device's stored cursor equals the server's latest change sequence
 *   and every dossier on the device shows 'returned': wall time, requests to
 *   /api/dossiers/changes, bytes on the wire (encoded bodies and headers, Chromium's count) and
 *   decoded JSON bytes.
 * No target is set by the issue: printed.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { AuditLog } from '../../bff/src/audit/log.ts'
import { systemClock } from '../../bff/src/clock.ts'
import { openDatabase } from '../../bff/src/db/open.ts'
import { createLogger } from '../../bff/src/log.ts'
import { RelayInbound } from '../../bff/src/relay/inbound.ts'
import type { StatusEvent } from '../../bff/src/relay/contract.ts'
import { communeCommittees, databaseFile, startBff, WITHOUT_FILES } from '../faults/bff.ts'
import { CITIZEN, signIn } from '../support/auth.ts'
import { launchBrowser, phoneContext, waitForServiceWorkerControl } from '../support/browser.ts'
import { freePort } from '../support/server.ts'
import type { Figure } from './report.ts'

const DOSSIERS = 200
const EVENTS_PER_DOSSIER = 5
const DAY_MS = 86_400_000

/** The device's stored cursor and how many of its dossiers are returned. */
function deviceState(page: Page): Promise<{ cursor: number; returned: number; total: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('portal')
      open.onsuccess = () => ok(open.result)
      open.onerror = () => fail(open.error)
    })
    // Inline requests (no helper function: tsx's name-keeping wrapper does not exist in the page).
    const tx = db.transaction(['meta', 'dossiers'])
    const metaRequest = tx.objectStore('meta').getAll()
    const rowsRequest = tx.objectStore('dossiers').getAll()
    await new Promise((ok, fail) => {
      tx.oncomplete = ok
      tx.onerror = () => fail(tx.error)
    })
    const metas = metaRequest.result as { key: string; value: unknown }[]
    const rows = rowsRequest.result as { status?: string }[]
    db.close()
    const cursor = metas.find((m) => m.key.startsWith('dossiersCursor:'))?.value
    return { cursor: typeof cursor === 'number' ? cursor : 0, returned: rows.filter((r) => r.status === 'returned').length, total: rows.length }
  })
}

/** The 1,000 events, through the BFF's inbound handler on the server's SQLite file. */
function applyWeekOfEvents(dataDir: string, ids: readonly string[], from: number): number {
  const db = openDatabase(databaseFile(dataDir))
  const logger = createLogger('silent')
  try {
    const inbound = new RelayInbound({ db, clock: systemClock, logger, audit: new AuditLog(db, systemClock, logger) })
    const lastSeq = db.$client.prepare('SELECT last_event_seq AS n FROM dossiers WHERE id = ?')
    const at = (day: number, i: number) => new Date(from + day * DAY_MS + i * 1000).toISOString()
    for (const [i, dossierId] of ids.entries()) {
      const agency = (db.$client.prepare('SELECT agency_code AS a FROM dossiers WHERE id = ?').get(dossierId) as { a: string }).a
      const steps: StatusEvent['event'][] = [
        { type: 'receive', at: at(1, i), unit: agency, processingTime: { amount: 10, unit: 'working-days' } },
        { type: 'startProcessing', at: at(2, i), unit: agency },
        { type: 'transfer', at: at(3, i), toUnit: communeCommittees.find((c) => c.code !== agency)!.code, note: 'Chuyển thẩm định' },
        { type: 'approve', at: at(5, i) },
        { type: 'returnResult', at: at(6, i), resultFile: 'a'.repeat(64) },
      ]
      const base = (lastSeq.get(dossierId) as { n: number }).n
      for (const [n, event] of steps.entries()) {
        const outcome = inbound.accept({ dossierId, seq: base + n + 1, event, actor: 'Cán bộ một cửa' })
        if (outcome.outcome !== 'applied') throw new Error(`event ${event.type} of ${dossierId} not applied: ${JSON.stringify(outcome)}`)
      }
    }
    return (db.$client.prepare('SELECT max(seq) AS n FROM dossiers').get() as { n: number }).n
  } finally {
    db.$client.close()
  }
}

export async function statusPullBench(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-status-pull-'))
  const bff = await startBff(await freePort(), dataDir)
  const browser = await launchBrowser()
  try {
    const context = await phoneContext(browser, { viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await page.goto(`${bff.baseUrl}/`)
    await waitForServiceWorkerControl(page)
    await signIn(page, bff.baseUrl, CITIZEN.username, undefined, '/ho-so')

    const ids: string[] = []
    for (let i = 0; i < DOSSIERS; i++) {
      const id = randomUUID()
      const commune = communeCommittees[i % communeCommittees.length]!
      const res = await page.request.post(`${bff.baseUrl}/api/dossiers`, {
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'portal', Origin: bff.baseUrl },
        data: { id, procedureCode: WITHOUT_FILES.code, communeCode: commune.communeCode, form: {}, components: [], resultDelivery: { method: 'at-agency' } },
      })
      if (res.status() !== 201) throw new Error(`intake ${res.status()}: ${await res.text()}`)
      ids.push(id)
    }
    await page.goto(`${bff.baseUrl}/ho-so/da-nop`)
    for (let i = 0; (await deviceState(page)).total < DOSSIERS; i++) {
      if (i > 600) throw new Error('the device did not pull the 200 dossiers')
      await page.waitForTimeout(100)
    }

    await context.setOffline(true)
    const latest = applyWeekOfEvents(dataDir, ids, Date.now())

    let requests = 0
    let wireBytes = 0
    let jsonBytes = 0
    const counted: Promise<void>[] = []
    page.on('response', (response) => {
      if (new URL(response.url()).pathname !== '/api/dossiers/changes') return
      requests++
      counted.push(
        (async () => {
          const sizes = await response.request().sizes()
          wireBytes += sizes.responseBodySize + sizes.responseHeadersSize + sizes.requestHeadersSize
          jsonBytes += (await response.body()).length
        })(),
      )
    })
    await context.setOffline(false)
    const started = performance.now()
    await page.goto(`${bff.baseUrl}/ho-so/da-nop`)
    for (let i = 0; ; i++) {
      const state = await deviceState(page)
      if (state.cursor >= latest && state.returned === DOSSIERS) break
      if (i > 1200) throw new Error(`the device did not catch up: ${JSON.stringify(state)} (server at ${latest})`)
      await page.waitForTimeout(25)
    }
    const ms = performance.now() - started
    await Promise.all(counted)
    await context.close()
    const events = DOSSIERS * EVENTS_PER_DOSSIER
    return [
      { name: `catch-up after a week offline (${DOSSIERS} dossiers, ${events} events), navigation to every row stored`, value: ms, unit: 'ms' },
      { name: 'requests to /api/dossiers/changes', value: requests, unit: 'requests', note: 'pages of 100 changed dossiers' },
      { name: 'bytes on the wire (bodies as sent, with headers)', value: Math.round(wireBytes / 1024), unit: 'KB' },
      { name: 'JSON decoded', value: Math.round(jsonBytes / 1024), unit: 'KB', note: `${Math.round(jsonBytes / DOSSIERS)} bytes per dossier view` },
    ]
  } finally {
    await browser.close()
    await bff.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
