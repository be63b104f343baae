/**
 * Users and their role assignments. Users are created at first sign-in (or when staff are
 * seeded before it); roles change only through `grant`/`revoke` (admin API, seeding), each
 * recorded in the audit log by the caller.
 */
import { and, asc, eq } from 'drizzle-orm'
import type { Db, Queryable } from '../db/open.ts'
import type { Assignment, AssignmentInput, Duty } from './roles.ts'
import { roleAssignments, users } from './table.ts'

export interface UserRow {
  id: number
  issuer: string
  sub: string
  profile: Record<string, unknown> | null
  lastSignInAt: string | null
}

export interface UserWithRoles extends UserRow {
  assignments: Assignment[]
}

type AssignmentRow = typeof roleAssignments.$inferSelect

export function toAssignment(row: Pick<AssignmentRow, 'id' | 'role' | 'duty' | 'agencyCode'>): Assignment {
  return row.role === 'officer'
    ? { id: row.id, role: 'officer', duty: row.duty as Duty, agencyCode: row.agencyCode }
    : { id: row.id, role: 'administrator' }
}

function toUser(row: typeof users.$inferSelect): UserRow {
  return {
    id: row.id,
    issuer: row.issuer,
    sub: row.sub,
    profile: row.profile ? (JSON.parse(row.profile) as Record<string, unknown>) : null,
    lastSignInAt: row.lastSignInAt,
  }
}

export class Accounts {
  constructor(private readonly db: Db) {}

  /** The user for (issuer, sub), created if new; with `profile` the stored claims are replaced. */
  ensureUser(issuer: string, sub: string, at: Date, profile?: Record<string, unknown>, q: Queryable = this.db): UserRow {
    const now = at.toISOString()
    const row = q
      .insert(users)
      .values({ issuer, sub, createdAt: now, ...(profile ? { profile: JSON.stringify(profile), lastSignInAt: now } : {}) })
      .onConflictDoUpdate({
        target: [users.issuer, users.sub],
        set: profile ? { profile: JSON.stringify(profile), lastSignInAt: now } : { sub },
      })
      .returning()
      .get()
    return toUser(row)
  }

  byId(id: number): UserRow | undefined {
    const row = this.db.select().from(users).where(eq(users.id, id)).get()
    return row && toUser(row)
  }

  bySub(issuer: string, sub: string): UserRow | undefined {
    const row = this.db.select().from(users).where(and(eq(users.issuer, issuer), eq(users.sub, sub))).get()
    return row && toUser(row)
  }

  assignments(userId: number): Assignment[] {
    return this.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, userId))
      .orderBy(asc(roleAssignments.id))
      .all()
      .map(toAssignment)
  }

  list(): UserWithRoles[] {
    const all = this.db.select().from(roleAssignments).orderBy(asc(roleAssignments.id)).all()
    return this.db
      .select()
      .from(users)
      .orderBy(asc(users.id))
      .all()
      .map((row) => ({ ...toUser(row), assignments: all.filter((a) => a.userId === row.id).map(toAssignment) }))
  }

  /** Adds an assignment; granting one the user already has changes nothing (returns it). */
  grant(userId: number, input: AssignmentInput, by: string, at: Date, q: Queryable = this.db): Assignment {
    const duty = input.role === 'officer' ? input.duty : ''
    const agencyCode = input.role === 'officer' ? input.agencyCode : ''
    const row = q
      .insert(roleAssignments)
      .values({ userId, role: input.role, duty, agencyCode, grantedAt: at.toISOString(), grantedBy: by })
      .onConflictDoUpdate({
        target: [roleAssignments.userId, roleAssignments.role, roleAssignments.duty, roleAssignments.agencyCode],
        set: { userId },
      })
      .returning()
      .get()
    return toAssignment(row)
  }

  /** Removes one assignment of this user; undefined when there is none with that id. */
  revoke(userId: number, assignmentId: number): Assignment | undefined {
    const row = this.db
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)))
      .returning()
      .get()
    return row && toAssignment(row)
  }
}
