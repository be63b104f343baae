/**
 * The portal's own accounts: a user is the provider's subject (`sub` at one `issuer`); what the
 * user may do here comes from these role assignments, never from the browser or from claims.
 * Everybody is a citizen; a row adds officer (with a duty, at one agency) or administrator.
 */
import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issuer: text('issuer').notNull(),
    sub: text('sub').notNull(),
    /** Claims from the provider at the last sign-in, as JSON (null until a first sign-in). */
    profile: text('profile'),
    createdAt: text('created_at').notNull(),
    lastSignInAt: text('last_sign_in_at'),
  },
  (t) => [uniqueIndex('users_issuer_sub').on(t.issuer, t.sub)],
)

export const roleAssignments = sqliteTable(
  'role_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['officer', 'administrator'] }).notNull(),
    /** Officers only: 'reception' | 'processing' | 'approval'; '' for administrators. */
    duty: text('duty').notNull().default(''),
    /** Officers only: the agency's code from the directory; '' for administrators. */
    agencyCode: text('agency_code').notNull().default(''),
    grantedAt: text('granted_at').notNull(),
    /** `sub` of the administrator who granted it, or 'seed'. */
    grantedBy: text('granted_by').notNull(),
  },
  (t) => [
    // '' rather than NULL: SQLite treats NULLs as distinct in a unique index.
    uniqueIndex('role_assignments_unique').on(t.userId, t.role, t.duty, t.agencyCode),
    index('role_assignments_agency').on(t.agencyCode),
    check(
      'role_assignments_shape',
      sql`(${t.role} = 'officer' AND ${t.duty} IN ('reception', 'processing', 'approval') AND ${t.agencyCode} <> '') OR (${t.role} = 'administrator' AND ${t.duty} = '' AND ${t.agencyCode} = '')`,
    ),
  ],
)
