/**
 * The relay with the HTTP connector around the real BFF process: the environment that points it
 * at a test province server (bff/src/relay/testing/province-server.ts, started by the test or
 * bench in its own process), dossiers submitted through the real intake API (procedure 3.000182,
 * no file, so the relay is what is measured), and what the BFF's database says afterwards.
 */
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import type { Province } from '../../bff/src/relay/testing/province-server.ts'
import { communeCommittees, databaseFile, WITHOUT_FILES, type Citizen } from './bff.ts'

/** The BFF's RELAY_* variables for `province`; `over` for the worker's pace. */
export function relayEnv(province: Province, over: Record<string, string> = {}): Record<string, string> {
  return {
    RELAY_CONNECTOR: 'http',
    RELAY_HTTP_URL: province.url,
    RELAY_HTTP_TOKEN_URL: province.tokenUrl,
    RELAY_HTTP_CLIENT_ID: province.clientId,
    RELAY_HTTP_CLIENT_SECRET: province.clientSecret,
    RELAY_CALLBACK_SECRET: province.callbackSecret,
    ...over,
  }
}

/** POST /api/dossiers until it answers 201 (a restarting server refuses connections meanwhile). */
export async function submitWithoutFiles(baseUrl: string, citizen: Citizen, i: number, deadline = Date.now() + 60_000): Promise<{ id: string; code: string }> {
  const commune = communeCommittees[i % communeCommittees.length]!
  const id = randomUUID()
  const body = JSON.stringify({ id, procedureCode: WITHOUT_FILES.code, communeCode: commune.communeCode, form: {}, components: [], resultDelivery: { method: 'at-agency' } })
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/api/dossiers`, {
        method: 'POST',
        headers: { cookie: citizen.cookie, origin: baseUrl, 'x-requested-with': 'portal', 'content-type': 'application/json' },
        body,
      })
      if (res.status === 201 || res.status === 200) return { id, code: ((await res.json()) as { code: string }).code }
      if (res.status < 500) throw new Error(`intake answered ${res.status}: ${await res.text()}`)
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('intake answered')) throw error
    }
    if (Date.now() > deadline) throw new Error(`dossier ${id} not taken in time`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

export interface RelayRow {
  dossierId: string
  externalCode: string | null
  createdAt: string
  deliveredAt: string | null
  attempts: number
}

/** Every outbox row with its dossier's external code (read-only, beside the running server or after it). */
export function relayRows(dataDir: string): RelayRow[] {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true })
  try {
    return db
      .prepare(
        `SELECT o.dossier_id AS dossierId, d.external_code AS externalCode, o.created_at AS createdAt, o.delivered_at AS deliveredAt, o.attempts
         FROM relay_outbox o JOIN dossiers d ON d.id = o.dossier_id ORDER BY o.id`,
      )
      .all() as RelayRow[]
  } finally {
    db.close()
  }
}
