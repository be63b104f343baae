/**
 * 'relay': 1,000 dossiers through the transactional outbox to a province's one-stop-shop with the
 * HTTP connector; messages per second and the lag from intake to acknowledgement. The issue sets
 * no target: the figures are printed.
 *
 * Method:
 * - The test province server (bff/src/relay/testing/province-server.ts) in this process on
 *   127.0.0.1: client-credentials token, idempotent dossier endpoint, no fault, no delay.
 * - The real BFF (`node --import tsx src/server.ts`, LOG_LEVEL=info as deployed, stdout drained)
 *   on a fresh DATA_DIR, RELAY_CONNECTOR=http pointed at it, the relay's other settings at their
 *   defaults (RELAY_CONCURRENCY, printed), and once more with RELAY_CONCURRENCY=16.
 * - 1,000 dossiers of procedure 3.000182 (no file) posted through POST /api/dossiers by 50
 *   clients at once, while the relay delivers: each intake commits its outbox row and wakes the
 *   worker.
 * - From the BFF's database when every message is acknowledged: lag = delivered_at − created_at
 *   of each outbox row (the intake's time and the commit after the province's answer, one clock);
 *   messages/s = 1,000 / (last delivered_at − first created_at). Checked: the province took each
 *   message exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../bff/src/config/config.ts'
import { startProvince } from '../../bff/src/relay/testing/province-server.ts'
import { signInCitizens, startBff } from '../faults/bff.ts'
import { relayEnv, relayRows, submitWithoutFiles } from '../faults/relay.ts'
import { freePort } from '../support/server.ts'
import { percentile, type Figure } from './report.ts'

const DOSSIERS = 1000
const CLIENTS = 50

interface Run {
  concurrency: string
  perSecond: number
  intakePerSecond: number
  p50: number
  p99: number
  max: number
  requests: number
}

async function run(concurrency: string | undefined): Promise<Run> {
  const province = await startProvince()
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-relay-'))
  const env = relayEnv(province, { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', ...(concurrency ? { RELAY_CONCURRENCY: concurrency } : {}) })
  const bff = await startBff(await freePort(), dataDir, env, { keepOutput: false })
  try {
    const citizens = signInCitizens(bff, Array.from({ length: CLIENTS }, (_, i) => `relay-bench-citizen-${i + 1}`))
    const started = Date.now()
    let next = 0
    await Promise.all(
      citizens.map(async (citizen) => {
        while (next < DOSSIERS) await submitWithoutFiles(bff.baseUrl, citizen, next++)
      }),
    )
    const intakeSeconds = (Date.now() - started) / 1000
    const deadline = Date.now() + 300_000
    let rows = relayRows(dataDir)
    while (rows.some((r) => r.deliveredAt === null)) {
      if (Date.now() > deadline) throw new Error(`relay bench: ${rows.filter((r) => r.deliveredAt === null).length} messages still undelivered after 5 minutes`)
      await new Promise((r) => setTimeout(r, 200))
      rows = relayRows(dataDir)
    }
    const keys = new Set(province.taken.map((m) => m.key))
    if (rows.length !== DOSSIERS || keys.size !== DOSSIERS || province.taken.length !== DOSSIERS) {
      throw new Error(`relay bench: ${rows.length} outbox rows, ${province.taken.length} messages taken (${keys.size} keys) for ${DOSSIERS} dossiers`)
    }
    const lags = rows.map((r) => Date.parse(r.deliveredAt!) - Date.parse(r.createdAt)).sort((a, b) => a - b)
    const first = Math.min(...rows.map((r) => Date.parse(r.createdAt)))
    const last = Math.max(...rows.map((r) => Date.parse(r.deliveredAt!)))
    return {
      concurrency: concurrency ?? `${loadConfig({}).relay.concurrency} (the default)`,
      perSecond: DOSSIERS / ((last - first) / 1000),
      intakePerSecond: DOSSIERS / intakeSeconds,
      p50: percentile(lags, 50),
      p99: percentile(lags, 99),
      max: lags.at(-1)!,
      requests: province.requests.length,
    }
  } finally {
    await bff.stop()
    await province.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function relayBench(): Promise<Figure[]> {
  const figures: Figure[] = []
  for (const concurrency of [undefined, '16']) {
    const r = await run(concurrency)
    const label = `RELAY_CONCURRENCY ${r.concurrency}`
    figures.push(
      { name: `relay throughput, ${label}`, value: r.perSecond, unit: 'messages/s', note: `${DOSSIERS} dossiers, first intake to last acknowledgement; intake ran at ${r.intakePerSecond.toFixed(0)} dossiers/s (${CLIENTS} clients); ${r.requests} requests to the province; printed (no target)` },
      { name: `lag intake → acknowledged p50, ${label}`, value: r.p50, unit: 'ms' },
      { name: `lag intake → acknowledged p99, ${label}`, value: r.p99, unit: 'ms', note: `max ${r.max} ms; printed (no target)` },
    )
  }
  return figures
}
