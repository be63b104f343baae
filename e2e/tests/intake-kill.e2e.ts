/**
 * Issue 5, faults: the BFF killed (SIGKILL: no grace, no flush, as a power cut looks to the
 * process) while 30 dossiers with files are being uploaded and submitted at once, three times,
 * and started again on the same DATA_DIR and port each time; the scripted clients
 * (e2e/faults/client.ts) keep retrying with backoff and finish.
 *
 * Afterwards: every dossier exactly once with the code its client was given, its files in the
 * blob store with their SHA-256, codes unique and gapless per agency and day (the day's counter
 * equal to the number of dossiers: no number taken by a transaction that did not commit), and
 * `PRAGMA integrity_check` ok after each kill and at the end.
 *
 * The kills fall at moments drawn from FAULT_SEED (printed), between 3 and 27 dossiers done.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { communeCommittees, databaseFile, signInCitizens, startBff, type Bff } from '../faults/bff.ts'
import { prng } from '@portal/shared/random/prng'
import { checkServer, planDossiers, sendAll, totals } from '../faults/run.ts'
import { freePort } from '../support/server.ts'

const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31))
const DOSSIERS = 30
const KILLS = 3

const dataDir = mkdtempSync(join(tmpdir(), 'portal-kill-'))
let bff: Bff | undefined

afterAll(async () => {
  await bff?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

function integrity(): string {
  const db = new Database(databaseFile(dataDir))
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
  } finally {
    db.close()
  }
}

describe('intake while the server is killed and restarted', () => {
  it(`${DOSSIERS} dossiers with files survive ${KILLS} SIGKILLs: each exactly once, files intact, database sound`, { timeout: 150_000 }, async () => {
    console.log(`intake-kill: seed ${SEED} (FAULT_SEED=${SEED} repeats it)`)
    const random = prng(SEED)
    const port = await freePort()
    bff = await startBff(port, dataDir)
    const citizens = signInCitizens(bff, Array.from({ length: 6 }, (_, i) => `kill-citizen-${i + 1}`))
    // Three communes only, so that each agency's numbers of the day run long enough to show a gap.
    const planned = planDossiers(DOSSIERS, citizens, SEED, { communes: communeCommittees.slice(0, 3) })
    // Kill points: after a number of finished dossiers (spread over the run), plus a random delay.
    const points = Array.from({ length: KILLS }, (_, i) => 3 + i * 8 + Math.floor(random() * 6))
    const delays = points.map(() => Math.floor(random() * 150))
    const kills: { at: number; unfinished: number; downMs: number }[] = []
    let finished = 0
    let killing: Promise<void> = Promise.resolve()
    let nextKill = 0

    const killAndRestart = async (delay: number) => {
      await new Promise((r) => setTimeout(r, delay))
      const down = Date.now()
      const unfinished = DOSSIERS - finished
      await bff!.kill()
      const check = integrity()
      expect(check, 'integrity_check right after SIGKILL').toBe('ok')
      bff = await startBff(port, dataDir)
      kills.push({ at: finished, unfinished, downMs: Date.now() - down })
    }

    const started = Date.now()
    const outcome = await sendAll(
      planned,
      DOSSIERS,
      () => ({ base: `http://127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, deadline: started + 120_000, maxAttempts: 60, backoff: { baseMs: 100, capMs: 1_500 } }),
      (done) => {
        finished = done
        if (nextKill < KILLS && done >= points[nextKill]!) {
          const delay = delays[nextKill++]!
          killing = killing.then(() => killAndRestart(delay))
        }
      },
    )
    await killing
    const seconds = (Date.now() - started) / 1000
    const t = totals(outcome)
    console.log(
      `intake-kill: seed=${SEED} dossiers=${outcome.results.size}/${DOSSIERS} (201 ${t.created}, 200 after a lost answer ${t.replayed}) ` +
        `kills=${JSON.stringify(kills)} client retries=${t.retries} tus retries=${t.tusRetries} posts=${t.posts} statuses=${JSON.stringify(t.statuses)} ` +
        `time=${seconds.toFixed(1)} s failures=${outcome.failures.length}`,
    )

    expect(outcome.failures).toEqual([])
    expect(kills).toHaveLength(KILLS)
    for (const k of kills) expect(k.unfinished, 'killed while dossiers were in flight').toBeGreaterThan(0)
    expect(t.statuses[409] ?? 0).toBe(0)
    expect(checkServer(dataDir, planned, outcome)).toEqual([])

    await bff.stop()
    expect(integrity()).toBe('ok')
    const db = new Database(databaseFile(dataDir), { readonly: true })
    try {
      // Each agency's counter of the day equals its dossiers: no number taken and lost.
      const counters = db.prepare('SELECT c.agency_code AS agency, c.day, c.last, (SELECT count(*) FROM dossiers d WHERE d.agency_code = c.agency_code AND substr(d.code, -11, 6) = c.day) AS n FROM dossier_code_counters c').all() as {
        agency: string
        day: string
        last: number
        n: number
      }[]
      expect(counters.length).toBeGreaterThan(0)
      for (const c of counters) expect(c.last, `${c.agency} ${c.day}`).toBe(c.n)
      expect(db.prepare('SELECT count(*) AS n FROM relay_outbox').get()).toEqual({ n: DOSSIERS })
      expect(db.prepare("SELECT count(*) AS n FROM uploads WHERE state = 'rejected'").get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })
})
