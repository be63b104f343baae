/**
 * Issue 6, faults: the BFF killed (SIGKILL) while its relay is delivering to the province's
 * one-stop-shop (HTTP connector, the test province server on 127.0.0.1 answering slowly so that
 * deliveries are in flight), three times, and started again on the same DATA_DIR and port.
 *
 * Afterwards: every dossier's message delivered, the province took each exactly once (a message
 * in flight at the kill is sent again with the same key and answered from it), and each dossier
 * holds the code the province gave it. The kill moments are drawn from FAULT_SEED (printed).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { prng } from '@portal/shared/random/prng'
import { startProvince, type Province } from '../../bff/src/relay/testing/province-server.ts'
import { signInCitizens, startBff, type Bff } from '../faults/bff.ts'
import { relayEnv, relayRows, submitWithoutFiles } from '../faults/relay.ts'
import { freePort } from '../support/server.ts'

const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31))
const DOSSIERS = 40
const KILLS = 3

const dataDir = mkdtempSync(join(tmpdir(), 'portal-relay-kill-'))
let bff: Bff | undefined
let province: Province | undefined

afterAll(async () => {
  await bff?.stop()
  await province?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('relay while the server is killed and restarted', () => {
  it(`${DOSSIERS} dossiers reach the province exactly once through ${KILLS} SIGKILLs`, { timeout: 150_000 }, async () => {
    console.log(`relay-kill: seed ${SEED} (FAULT_SEED=${SEED} repeats it)`)
    const random = prng(SEED)
    province = await startProvince()
    // Slow answers: with 4 deliveries at a time, about 25 messages a second, so each kill falls mid-relay.
    province.faults.delayMs = 150
    const env = relayEnv(province, { RELAY_BACKOFF_BASE_MS: '50', RELAY_BACKOFF_CAP_MS: '500' })
    const port = await freePort()
    bff = await startBff(port, dataDir, env)
    const [citizen] = signInCitizens(bff, ['relay-kill-citizen'])
    const dossiers = []
    for (let i = 0; i < DOSSIERS; i++) dossiers.push(await submitWithoutFiles(bff.baseUrl, citizen!, i))

    const kills: { taken: number; undelivered: number }[] = []
    for (let k = 0; k < KILLS; k++) {
      // After a few more messages were taken, plus a random delay within a delivery.
      const target = province.taken.length + 3 + Math.floor(random() * 5)
      const deadline = Date.now() + 30_000
      while (province.taken.length < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
      await new Promise((r) => setTimeout(r, Math.floor(random() * 150)))
      await bff.kill()
      const undelivered = relayRows(dataDir).filter((r) => r.deliveredAt === null).length
      kills.push({ taken: province.taken.length, undelivered })
      bff = await startBff(port, dataDir, env)
    }
    province.faults.delayMs = 0
    const deadline = Date.now() + 60_000
    while (relayRows(dataDir).some((r) => r.deliveredAt === null) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))

    const rows = relayRows(dataDir)
    const keys = province.taken.map((m) => m.key)
    console.log(`relay-kill: seed=${SEED} kills=${JSON.stringify(kills)} requests=${province.requests.length} taken=${province.taken.length} answered from the key=${province.replays}`)
    for (const k of kills) expect(k.undelivered, 'killed while messages were still to deliver').toBeGreaterThan(0)
    expect(rows.filter((r) => r.deliveredAt === null)).toEqual([])
    expect(new Set(keys).size, 'no message taken twice').toBe(keys.length)
    expect(province.taken.map((m) => m.dossierId).sort()).toEqual(dossiers.map((d) => d.id).sort())
    for (const m of province.taken) expect(rows.find((r) => r.dossierId === m.dossierId)!.externalCode).toBe(m.externalCode)
  })
})
