/**
 * Server-side sessions. The cookie carries 32 random bytes; the row is found by their SHA-256.
 *
 * Expiry: idle (15 minutes, 5 for administrators — the limit follows the roles held now) and
 * absolute (12 hours from sign-in), both configurable. Activity slides the idle limit, but
 * `last_seen_at` is written at most once a minute so reads stay reads. An expired session is
 * deleted when it is next presented.
 */
import { randomUUID } from 'node:crypto'
import { and, desc, eq, lt, or } from 'drizzle-orm'
import { Accounts } from '../accounts/repository.ts'
import { isAdministrator, type Assignment } from '../accounts/roles.ts'
import { users } from '../accounts/table.ts'
import type { Clock } from '../clock.ts'
import type { SessionConfig } from '../config/config.ts'
import type { Db } from '../db/open.ts'
import { sessions } from './table.ts'
import { hashSecret, isSecret, newSecret } from './tokens.ts'

/** last_seen_at is written at most this often. */
const TOUCH_MS = 60_000

export interface Session {
  publicId: string
  userId: number
  issuer: string
  sub: string
  mfa: boolean
  idToken: string
  createdAt: number
  lastSeenAt: number
  expiresAt: number
  /** The idle limit that applies to this session now, in seconds. */
  idleSeconds: number
  assignments: Assignment[]
  profile: Record<string, unknown> | null
}

export interface SessionSummary {
  id: string
  device: string
  createdAt: string
  lastSeenAt: string
  current: boolean
}

export interface NewSession {
  userId: number
  mfa: boolean
  idToken: string
  device: string
}

export class SessionStore {
  readonly #accounts: Accounts

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly config: SessionConfig,
  ) {
    this.#accounts = new Accounts(db)
  }

  /** Returns the cookie value (shown once, never stored) and the session's public id. */
  create(input: NewSession): { secret: string; publicId: string } {
    const secret = newSecret()
    const publicId = randomUUID()
    const now = this.clock.now().getTime()
    this.db
      .insert(sessions)
      .values({ idHash: hashSecret(secret), publicId, ...input, createdAt: now, lastSeenAt: now, expiresAt: now + this.config.maxSeconds * 1000 })
      .run()
    return { secret, publicId }
  }

  /** The live session for a cookie value, or null (unknown, malformed, expired: all the same). */
  authenticate(secret: string | undefined): Session | null {
    if (!isSecret(secret)) return null
    const idHash = hashSecret(secret)
    const row = this.db
      .select({ s: sessions, issuer: users.issuer, sub: users.sub, profile: users.profile })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.idHash, idHash))
      .get()
    if (!row) return null
    const assignments = this.#accounts.assignments(row.s.userId)
    const idleSeconds = isAdministrator(assignments) ? this.config.adminIdleSeconds : this.config.idleSeconds
    const now = this.clock.now().getTime()
    if (now >= row.s.expiresAt || now - row.s.lastSeenAt >= idleSeconds * 1000) {
      this.db.delete(sessions).where(eq(sessions.idHash, idHash)).run()
      return null
    }
    let lastSeenAt = row.s.lastSeenAt
    if (now - lastSeenAt >= TOUCH_MS) {
      lastSeenAt = now
      this.db.update(sessions).set({ lastSeenAt }).where(eq(sessions.idHash, idHash)).run()
    }
    return {
      publicId: row.s.publicId,
      userId: row.s.userId,
      issuer: row.issuer,
      sub: row.sub,
      mfa: row.s.mfa,
      idToken: row.s.idToken,
      createdAt: row.s.createdAt,
      lastSeenAt,
      expiresAt: row.s.expiresAt,
      idleSeconds,
      assignments,
      profile: row.profile ? (JSON.parse(row.profile) as Record<string, unknown>) : null,
    }
  }

  /** The user's live sessions, newest activity first; expired ones are removed on the way. */
  list(session: Session): SessionSummary[] {
    const now = this.clock.now().getTime()
    const idleMs = session.idleSeconds * 1000
    this.db
      .delete(sessions)
      .where(and(eq(sessions.userId, session.userId), or(lt(sessions.expiresAt, now + 1), lt(sessions.lastSeenAt, now - idleMs + 1))))
      .run()
    return this.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, session.userId))
      .orderBy(desc(sessions.lastSeenAt))
      .all()
      .map((row) => ({
        id: row.publicId,
        device: row.device,
        createdAt: new Date(row.createdAt).toISOString(),
        lastSeenAt: new Date(row.lastSeenAt).toISOString(),
        current: row.publicId === session.publicId,
      }))
  }

  /** Ends one of this user's sessions; false when the user has none with that id. */
  revoke(userId: number, publicId: string): boolean {
    return this.db.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.publicId, publicId))).run().changes > 0
  }

  /** Ends every session of a user (roles revoked, account locked). */
  revokeAll(userId: number): number {
    return this.db.delete(sessions).where(eq(sessions.userId, userId)).run().changes
  }
}
