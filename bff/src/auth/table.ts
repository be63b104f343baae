/**
 * Sign-in state kept on the server (the browser holds only opaque random ids in cookies).
 *
 * - `login_attempts`: PKCE verifier, state and nonce of one authorization request, for 10
 *   minutes and one use; keyed by the SHA-256 of the id in the short-lived login cookie.
 * - `sessions`: keyed by the SHA-256 of the session cookie's 32 random bytes, so a copy of the
 *   database gives no live cookie. `public_id` names a session in the API (list, revoke).
 *   Only the ID token is kept (for `id_token_hint` at logout); access and refresh tokens are
 *   not stored at all: the BFF reads the claims once at sign-in and calls no API with them.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from '../accounts/table.ts'

export const loginAttempts = sqliteTable('login_attempts', {
  idHash: text('id_hash').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  /** Same-origin path to return to after sign-in. */
  next: text('next').notNull(),
  expiresAt: integer('expires_at').notNull(),
})

export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    publicId: text('public_id').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Epoch milliseconds, so expiry checks are integer comparisons. */
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** Absolute end, whatever the activity. */
    expiresAt: integer('expires_at').notNull(),
    /** True when the ID token showed a second factor (amr otp/mfa, or acr loa:2). */
    mfa: integer('mfa', { mode: 'boolean' }).notNull(),
    idToken: text('id_token').notNull(),
    /** A short label of the browser for the session list ("Chrome on Android"). */
    device: text('device').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
)
