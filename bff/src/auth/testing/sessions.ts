/**
 * Test sessions without a provider: a user, their roles and a live session written straight
 * into the test app's database, returned as the Cookie header to send. For route tests of any
 * feature: `const alice = signedIn(t, { sub: 'alice' })`, then `t.app.request(path, { headers: alice.headers })`.
 */
import { Accounts } from '../../accounts/repository.ts'
import type { AssignmentInput } from '../../accounts/roles.ts'
import type { testApp } from '../../testing/app.ts'
import { SESSION_COOKIE } from '../cookies.ts'
import { SessionStore } from '../sessions.ts'

type TestApp = ReturnType<typeof testApp>

export interface TestPerson {
  sub: string
  userId: number
  sessionId: string
  cookie: string
  /** Cookie, Origin and the app header: enough for any API call, reads and writes. */
  headers: Record<string, string>
}

export function signedIn(
  t: TestApp,
  { sub, roles = [], mfa = roles.length > 0, profile = { name: `Người ${sub}` } }: { sub: string; roles?: AssignmentInput[]; mfa?: boolean; profile?: Record<string, unknown> },
): TestPerson {
  const accounts = new Accounts(t.db)
  const user = accounts.ensureUser(t.config.oidc.issuer, sub, t.clock.now(), profile)
  for (const role of roles) accounts.grant(user.id, role, 'test', t.clock.now())
  const { secret, publicId } = new SessionStore(t.db, t.clock, t.config.session).create({ userId: user.id, mfa, idToken: 'test.id.token', device: 'Test' })
  const cookie = `${SESSION_COOKIE}=${secret}`
  return {
    sub,
    userId: user.id,
    sessionId: publicId,
    cookie,
    headers: { Cookie: cookie, Origin: t.config.publicOrigin, 'X-Requested-With': 'portal', 'Content-Type': 'application/json' },
  }
}
