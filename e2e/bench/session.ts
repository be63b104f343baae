/**
 * Cost of the session on a JSON route: requests per second of GET /api/session with a live
 * session cookie (the session middleware looks it up: one indexed read of the session and
 * one of the roles) against the same route and handler without a cookie (no lookup), and of
 * GET /api/me (session required). autocannon, 50 connections, 10 s each, on a real port.
 * The session is written into the server's database directly (no provider needed).
 */
import { join } from 'node:path'
import autocannon from 'autocannon'
import { Accounts } from '../../bff/src/accounts/repository.ts'
import { SESSION_COOKIE } from '../../bff/src/auth/cookies.ts'
import { SessionStore } from '../../bff/src/auth/sessions.ts'
import { systemClock } from '../../bff/src/clock.ts'
import { openDatabase } from '../../bff/src/db/open.ts'
import { startApp } from '../support/server.ts'
import type { Figure } from './report.ts'

async function rate(url: string, headers: Record<string, string>): Promise<{ rps: number; non2xx: number }> {
  const result = await autocannon({ url, connections: 50, duration: 10, headers })
  return { rps: result.requests.average, non2xx: result.non2xx }
}

export async function sessionCost(): Promise<Figure[]> {
  const app = await startApp({ env: { LOG_LEVEL: 'silent' } })
  const db = openDatabase(join(app.dataDir, 'portal.sqlite'))
  try {
    const user = new Accounts(db).ensureUser(`${app.baseUrl}/idp`, 'bench-citizen', new Date(), { name: 'Nguyễn Văn An', identity_number: '019085004127' })
    const sessions = new SessionStore(db, systemClock, { idleSeconds: 900, adminIdleSeconds: 300, maxSeconds: 43_200 })
    const { secret } = sessions.create({ userId: user.id, mfa: false, idToken: 'bench', device: 'bench' })
    const cookie = { cookie: `${SESSION_COOKIE}=${secret}` }
    const anonymous = await rate(`${app.baseUrl}/api/session`, {})
    const withSession = await rate(`${app.baseUrl}/api/session`, cookie)
    const me = await rate(`${app.baseUrl}/api/me`, cookie)
    const errors = anonymous.non2xx + withSession.non2xx + me.non2xx
    return [
      { name: 'GET /api/session without a cookie (no lookup)', value: anonymous.rps, unit: 'req/s' },
      { name: 'GET /api/session with a session (lookup)', value: withSession.rps, unit: 'req/s' },
      { name: 'GET /api/me (session required)', value: me.rps, unit: 'req/s' },
      {
        name: 'with / without session',
        value: withSession.rps / anonymous.rps,
        unit: '×',
        target: { op: '>=', value: 0.8 },
        note: `${errors} non-2xx answers; 50 connections, 10 s each`,
      },
    ]
  } finally {
    db.$client.close()
    await app.stop()
  }
}
