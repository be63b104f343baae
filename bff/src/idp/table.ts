/**
 * Tables of the embedded OpenID provider (src/idp). They live in the BFF's SQLite file so that
 * provider sessions, grants and codes survive a restart, like everything else the BFF stores.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * oidc-provider's storage: one row per stored artefact (Session, Grant, AuthorizationCode,
 * Interaction, ...). The payload is the provider's own JSON; the columns hold only what its
 * adapter interface looks rows up by.
 */
export const idpStore = sqliteTable(
  'idp_store',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: text('payload').notNull(),
    /** Epoch milliseconds; null: never expires. Expired rows are treated as absent and purged. */
    expiresAt: integer('expires_at'),
    grantId: text('grant_id'),
    uid: text('uid'),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index('idp_store_grant_id').on(t.grantId),
    index('idp_store_uid').on(t.model, t.uid),
    index('idp_store_expires_at').on(t.expiresAt),
  ],
)

/**
 * Per account (by `sub`): consecutive failed sign-in attempts, the lock they lead to, and the
 * last TOTP time step accepted (a code is good once).
 */
export const idpAccountState = sqliteTable('idp_account_state', {
  sub: text('sub').primaryKey(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  /** ISO time the account's password sign-in was locked; null: not locked. */
  lockedAt: text('locked_at'),
  lastTotpStep: integer('last_totp_step'),
  updatedAt: text('updated_at').notNull(),
})
