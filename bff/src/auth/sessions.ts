/**
 * Server-side sessions. The cookie carries 32 random bytes; the row is found by their SHA-256.
 *
 * Expiry: idle (15 minutes, 5 for administrators — the limit follows the roles held now) and
 * absolute (12 hours from sign-in), both configurable. Activity slides the idle limit, but
 * `last_seen_at` is written at most once a minute so reads stay reads. An expired session is
 * deleted when it is next presented.
 *
 * Each request looks its session up. The row (with the parsed profile and the roles) is kept in
 * memory for ROW_CACHE_MS, so a burst of requests reads SQLite once. Every revocation or
 * deletion here, and every role change (`forgetCached`, called by the admin routes), empties the
 * cache at once; another BFF instance (scale-out) sees such a change within ROW_CACHE_MS.
 */
import { randomUUID } from 'node:crypto'
import { and, desc, eq, lt, or } from 'drizzle-orm'
import { toAssignment } from '../accounts/repository.ts'
import { isAdministrator, type Assignment } from '../accounts/roles.ts'
import type { Clock } from '../clock.ts'
import type { SessionConfig } from '../config/config.ts'
import type { Db } from '../db/open.ts'
import { sessions } from './table.ts'
import { hashSecret, isSecret, newSecret } from './tokens.ts'

/** last_seen_at is written at most this often. */
const TOUCH_MS = 60_000
/** How long a looked-up session row is reused, and how many are kept at most. */
const ROW_CACHE_MS = 2_000
const ROW_CACHE_MAX = 10_000

interface CachedRow {
  row: SessionRow
  profile: Record<string, unknown> | null
  assignments: Assignment[]
  at: number
  /** The Session last answered for this row: the same object while nothing in it changed. */
  session?: Session
}

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

interface SessionRow {
  publicId: string
  userId: number
  createdAt: number
  lastSeenAt: number
  expiresAt: number
  mfa: number
  idToken: string
  issuer: string
  sub: string
  profile: string | null
}

type RoleRow = Parameters<typeof toAssignment>[0]

export class SessionStore {
  readonly #statements
  readonly #rows = new Map<string, CachedRow>()

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly config: SessionConfig,
  ) {
    this.#statements = {
      session: db.$client.prepare(
        `SELECT s.public_id AS publicId, s.user_id AS userId, s.created_at AS createdAt, s.last_seen_at AS lastSeenAt,
                s.expires_at AS expiresAt, s.mfa, s.id_token AS idToken, u.issuer, u.sub, u.profile
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`,
      ),
      roles: db.$client.prepare('SELECT id, role, duty, agency_code AS agencyCode FROM role_assignments WHERE user_id = ? ORDER BY id'),
    }
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

  /**
   * The live session for a cookie value, or null (unknown, malformed, expired: all the same).
   * On every authenticated request, so its reads are statements prepared once (raw SQL: the
   * query builder cost ~150 µs a call here, the prepared statements ~10 µs).
   */
  authenticate(secret: string | undefined): Session | null {
    if (!isSecret(secret)) return null
    const idHash = hashSecret(secret)
    const now = this.clock.now().getTime()
    const cached = this.#lookup(idHash, now)
    if (!cached) return null
    const { row, profile, assignments } = cached
    const idleSeconds = isAdministrator(assignments) ? this.config.adminIdleSeconds : this.config.idleSeconds
    if (now >= row.expiresAt || now - row.lastSeenAt >= idleSeconds * 1000) {
      this.db.delete(sessions).where(eq(sessions.idHash, idHash)).run()
      this.#rows.delete(idHash)
      return null
    }
    if (now - row.lastSeenAt >= TOUCH_MS) {
      this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash)).run()
      row.lastSeenAt = now
      cached.session = undefined
    }
    // The same object for every request within the cache's lifetime, so that what is derived
    // from it (the /api/session answer: auth/api.ts) is derived once.
    cached.session ??= Object.freeze({
      publicId: row.publicId,
      userId: row.userId,
      issuer: row.issuer,
      sub: row.sub,
      mfa: row.mfa === 1,
      idToken: row.idToken,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
      idleSeconds,
      assignments,
      profile,
    })
    return cached.session
  }

  /** Roles changed: the next request of every session reads its roles again. */
  forgetCached(): void {
    this.#rows.clear()
  }

  /** The session row of a hash, from the cache while fresh (a clock moved back reads again). */
  #lookup(idHash: string, now: number): CachedRow | undefined {
    const hit = this.#rows.get(idHash)
    if (hit && now >= hit.at && now - hit.at < ROW_CACHE_MS) return hit
    const row = this.#statements.session.get(idHash) as SessionRow | undefined
    if (!row) {
      this.#rows.delete(idHash)
      return undefined
    }
    if (this.#rows.size >= ROW_CACHE_MAX) this.#rows.clear()
    const entry = {
      row,
      profile: row.profile ? (JSON.parse(row.profile) as Record<string, unknown>) : null,
      assignments: (this.#statements.roles.all(row.userId) as RoleRow[]).map(toAssignment),
      at: now,
    }
    this.#rows.set(idHash, entry)
    return entry
  }

  /** The user's live sessions, newest activity first; expired ones are removed on the way. */
  list(session: Session): SessionSummary[] {
    this.#rows.clear()
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
    this.#rows.clear()
    return this.db.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.publicId, publicId))).run().changes > 0
  }

  /** Ends every session of a user (roles revoked, account locked). */
  revokeAll(userId: number): number {
    this.#rows.clear()
    return this.db.delete(sessions).where(eq(sessions.userId, userId)).run().changes
  }
}
