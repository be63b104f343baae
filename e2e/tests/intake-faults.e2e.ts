/**
 * Issue 5, faults: 200 dossiers (several signed-in citizens, 1–3 files each, a few KB to
 * ~1.5 MB of random bytes) sent by the scripted client (e2e/faults/client.ts: the app's outbox
 * in Node) through the fault proxy (e2e/faults/proxy.ts) to the real BFF on a real port. A
 * quarter of the requests lose their connection at a random phase: before the request reaches
 * the server, in the middle of a body, after the server committed but before its answer
 * arrives, or in the middle of the answer.
 *
 * Afterwards: every dossier is on the server exactly once, with the code its client was given;
 * every file's bytes are in the blob store with their SHA-256; codes are unique and gapless per
 * agency and day; no client gave up; no 409 (the same content was always sent). The counts are
 * printed as one line.
 *
 * FAULT_SEED repeats a run (the seed is printed); FAULT_DOSSIERS and FAULT_RATE change its size.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databaseFile, signInCitizens, startBff, type Bff, type Citizen } from '../faults/bff.ts'
import { createClient } from '../faults/client.ts'
import { startFaultProxy, type FaultProxy } from '../faults/proxy.ts'
import { checkServer, planDossiers, sendAll, totals } from '../faults/run.ts'
import { freePort } from '../support/server.ts'

const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31))
const DOSSIERS = Number(process.env.FAULT_DOSSIERS ?? 200)
const FAULT_RATE = Number(process.env.FAULT_RATE ?? 0.25)
const CITIZENS = 12
const CONCURRENCY = 6
const BUDGET_MS = 150_000

let bff: Bff
let proxy: FaultProxy
let citizens: Citizen[]
let dataDir: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'portal-faults-'))
  bff = await startBff(await freePort(), dataDir)
  citizens = signInCitizens(bff, Array.from({ length: CITIZENS }, (_, i) => `citizen-${i + 1}`))
  proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: bff.port }, seed: SEED, faultRate: FAULT_RATE })
})

afterAll(async () => {
  await proxy?.close()
  await bff?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('intake through a link that drops at every phase', () => {
  it(`${DOSSIERS} dossiers end on the server exactly once with their files intact`, { timeout: BUDGET_MS + 60_000 }, async () => {
    console.log(`intake-faults: seed ${SEED} (FAULT_SEED=${SEED} repeats it), ${DOSSIERS} dossiers, fault rate ${FAULT_RATE}`)
    const started = Date.now()
    const planned = planDossiers(DOSSIERS, citizens, SEED)
    const outcome = await sendAll(planned, CONCURRENCY, () => ({
      base: proxy.url,
      origin: bff.baseUrl,
      deadline: started + BUDGET_MS,
      maxAttempts: 25,
      attemptTimeoutMs: 20_000,
    }))
    const seconds = (Date.now() - started) / 1000

    // A clean replay of some submissions: the first answer again, the same code.
    proxy.setFaultRate(0)
    const sample = planned.filter((_, i) => i % 20 === 0)
    for (const p of sample) {
      const first = outcome.results.get(p.id)
      if (!first) continue
      const again = await createClient({ base: proxy.url, origin: bff.baseUrl, cookie: p.citizen.cookie }).resend(p.make())
      expect(again.status).toBe(200)
      expect(again.receipt).toEqual(first.receipt)
    }

    const t = totals(outcome)
    const f = proxy.counts.faults
    console.log(
      `intake-faults: seed=${SEED} dossiers=${outcome.results.size}/${DOSSIERS} (201 ${t.created}, 200 after a lost answer ${t.replayed}) ` +
        `requests=${proxy.counts.requests} faults: before-request=${f['before-request']} mid-upload=${f['mid-upload']} after-commit=${f['after-commit']} mid-response=${f['mid-response']} ` +
        `client retries=${t.retries} tus retries=${t.tusRetries} posts=${t.posts} statuses=${JSON.stringify(t.statuses)} ` +
        `up=${(proxy.counts.bytesToServer / 1e6).toFixed(1)} MB time=${seconds.toFixed(1)} s failures=${outcome.failures.length}`,
    )

    expect(outcome.failures).toEqual([])
    expect(t.statuses[409] ?? 0).toBe(0)
    expect(checkServer(dataDir, planned, outcome)).toEqual([])
    // Every phase was exercised.
    for (const n of Object.values(f)) expect(n).toBeGreaterThan(0)

    const db = new Database(databaseFile(dataDir), { readonly: true })
    try {
      // No upload was refused: a cut never corrupted a file as the server sees it.
      expect(db.prepare("SELECT count(*) AS n FROM uploads WHERE state = 'rejected'").get()).toEqual({ n: 0 })
      expect(db.prepare('SELECT count(*) AS n FROM relay_outbox').get()).toEqual({ n: DOSSIERS })
    } finally {
      db.close()
    }
  })
})
