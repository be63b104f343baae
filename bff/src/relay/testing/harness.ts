/**
 * The relay under test, whole: a real app on a real temporary SQLite file served on a real port
 * of 127.0.0.1 (callbacks arrive over HTTP), its relay configured with the HTTP connector against
 * a test province server (province-server.ts), the system clock (backoff and signatures are about
 * real time), short backoffs, and a logger whose lines the test can read. Dossiers enter through
 * the real intake API (`submit`), so each one commits its outbox row as in production.
 */
import type { Server } from 'node:http'
import { Writable } from 'node:stream'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import type { Hono } from 'hono'
import { createApp } from '../../app.ts'
import { signedIn, type TestPerson } from '../../auth/testing/sessions.ts'
import { CatalogStore } from '../../catalog/store.ts'
import { systemClock } from '../../clock.ts'
import { loadConfig, type Config } from '../../config/config.ts'
import { openDatabase, type Db } from '../../db/open.ts'
import { fileBytes, intakeCatalog, post, provinceSubmission, ref, upload } from '../../dossiers/testing.ts'
import { createLogger } from '../../log.ts'
import { TEST_ORIGIN, tempDir, type testApp } from '../../testing/app.ts'
import { relayFeature, type Relay } from '../feature.ts'
import { startProvince, type Province, type ProvinceOptions } from './province-server.ts'

export interface HarnessOptions {
  env?: Record<string, string>
  province?: ProvinceOptions
  /** Reuse this folder (and its database): a restart. */
  dir?: string
  /** Reuse this province (a restart of the BFF only). */
  provinceServer?: Province
}

export type LogLine = Record<string, unknown> & { level: number; msg: string }

export interface Harness {
  app: Hono
  db: Db
  config: Config
  relay: Relay
  province: Province
  baseUrl: string
  dir: string
  logs: LogLine[]
  /** The applicant every `submit` uses. */
  applicant: TestPerson
  /** A dossier through the real intake API; returns its id and code. */
  submit(seed?: string): Promise<{ id: string; code: string }>
  /** Resolves when `check` holds (polled every 20 ms), or fails after `timeoutMs`. */
  until(check: () => boolean, timeoutMs?: number, what?: string): Promise<void>
  /** Stops the relay and the BFF's server and closes the database (the folder and province stay). Once. */
  stop(): Promise<void>
  /** stop(), then the province and the folder go too. */
  close(): Promise<void>
}

export async function relayHarness(options: HarnessOptions = {}): Promise<Harness> {
  const province = options.provinceServer ?? (await startProvince(options.province))
  const folder = options.dir ? { dir: options.dir, cleanup: () => {} } : tempDir('portal-relay-test-')
  const config = loadConfig(
    {
      DATA_DIR: folder.dir,
      PUBLIC_ORIGIN: TEST_ORIGIN,
      WEB_DIST: join(folder.dir, 'no-web-build'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      RELAY_CONNECTOR: 'http',
      RELAY_HTTP_URL: province.url,
      RELAY_HTTP_TOKEN_URL: province.tokenUrl,
      RELAY_HTTP_CLIENT_ID: province.clientId,
      RELAY_HTTP_CLIENT_SECRET: province.clientSecret,
      RELAY_CALLBACK_SECRET: province.callbackSecret,
      RELAY_TIMEOUT_MS: '2000',
      RELAY_BACKOFF_BASE_MS: '20',
      RELAY_BACKOFF_CAP_MS: '200',
      ...options.env,
    },
    folder.dir,
  )
  const db = openDatabase(config.databaseFile)
  const store = new CatalogStore(db, systemClock)
  store.publish(intakeCatalog())
  const logs: LogLine[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as LogLine)
      done()
    },
  })
  const logger = createLogger('info', sink)
  const relay = relayFeature({ db, clock: systemClock, config, logger, worker: { idleCheckMs: 100 } })
  const app = createApp({ db, clock: systemClock, config, logger, relay })
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const address = server.address()
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  province.callbackUrl = `${baseUrl}/api/relay/status-events`
  // signedIn wants a testApp's parts; these are the same ones.
  const parts = { app, db, config, clock: systemClock } as unknown as ReturnType<typeof testApp>
  const applicant = signedIn(parts, { sub: 'relay-applicant', profile: { name: 'Nguyễn Văn An', identity_number: '019085004127' } })
  let submitted = 0

  let stopped: Promise<void> | undefined
  const stop = () =>
    (stopped ??= (async () => {
      await relay.stop()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        // A streamed answer (a file) finishes on the server just after its client has every byte;
        // its keep-alive connection would otherwise hold close() until the client drops it (3 s).
        ;(server as Server).closeAllConnections()
      })
      db.$client.close()
    })())
  return {
    app,
    db,
    config,
    relay,
    province,
    baseUrl,
    dir: folder.dir,
    logs,
    applicant,
    async submit(seed = `d${++submitted}`) {
      const bytes = fileBytes('image/jpeg', 2000, seed)
      const { res } = await upload(app, applicant, bytes, { name: `${seed}.jpg` })
      if (res.status !== 204) throw new Error(`upload: ${res.status} ${await res.text()}`)
      const submission = provinceSubmission([ref(bytes, 'image/jpeg', `${seed}.jpg`)])
      const answer = await post(app, applicant, submission)
      if (answer.status !== 201) throw new Error(`intake: ${answer.status} ${await answer.text()}`)
      return { id: submission.id, code: ((await answer.json()) as { code: string }).code }
    },
    async until(check, timeoutMs = 10_000, what = 'condition') {
      const deadline = Date.now() + timeoutMs
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    stop,
    async close() {
      await stop()
      if (!options.provinceServer) await province.close()
      folder.cleanup()
    },
  }
}
