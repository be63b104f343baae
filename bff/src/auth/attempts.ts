/**
 * Login attempts: what the callback must check (state, nonce, PKCE verifier) and where to go
 * after, kept on the server for 10 minutes and one use. The browser holds only a random id in
 * a short-lived cookie, which binds the callback to the browser that started the sign-in (a
 * code or state pasted into another browser finds no attempt).
 */
import { eq, lt } from 'drizzle-orm'
import * as client from 'openid-client'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { AuthorizationChecks } from './oidc.ts'
import { loginAttempts } from './table.ts'
import { hashSecret, isSecret, newSecret } from './tokens.ts'

export const ATTEMPT_SECONDS = 600

export interface Attempt extends AuthorizationChecks {
  next: string
}

export class LoginAttempts {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** A new attempt; returns the cookie value and the checks for the authorization request. */
  start(next: string): { secret: string; attempt: Attempt } {
    const now = this.clock.now().getTime()
    // Abandoned attempts go when new ones start: the table stays small without a timer.
    this.db.delete(loginAttempts).where(lt(loginAttempts.expiresAt, now)).run()
    const secret = newSecret()
    const attempt: Attempt = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      next,
    }
    this.db.insert(loginAttempts).values({ idHash: hashSecret(secret), ...attempt, expiresAt: now + ATTEMPT_SECONDS * 1000 }).run()
    return { secret, attempt }
  }

  /** Takes the attempt out (one use); undefined when unknown, used or expired. */
  consume(secret: string | undefined): Attempt | undefined {
    if (!isSecret(secret)) return undefined
    const row = this.db.delete(loginAttempts).where(eq(loginAttempts.idHash, hashSecret(secret))).returning().get()
    if (!row || row.expiresAt <= this.clock.now().getTime()) return undefined
    return { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier, next: row.next }
  }
}
