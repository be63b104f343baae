/**
 * Account state of the embedded provider in SQLite (idp_account_state): consecutive failed
 * sign-in attempts, the lock after MAX_FAILED_ATTEMPTS (level 3: lock after 5 failed logins), and
 * the last TOTP step used. A lock lasts until an administrator lifts it (`unlockAccount`, or the
 * CLI `pnpm --filter @portal/bff idp:unlock <username>`): a time-based unlock would let an
 * attacker keep guessing, five at a time.
 */
import { eq, isNotNull } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import { emitIdpEvent, logIdpEvent } from './events.ts'
import { idpAccountState } from './table.ts'

export const MAX_FAILED_ATTEMPTS = 5

export interface AccountState {
  failedAttempts: number
  lockedAt: string | null
  lastTotpStep: number | null
}

const FRESH: AccountState = { failedAttempts: 0, lockedAt: null, lastTotpStep: null }

export function accountState(db: Db, sub: string): AccountState {
  const row = db.select().from(idpAccountState).where(eq(idpAccountState.sub, sub)).get()
  return row ? { failedAttempts: row.failedAttempts, lockedAt: row.lockedAt, lastTotpStep: row.lastTotpStep } : FRESH
}

/** Subs of every locked account, for the administrators' screen. */
export function lockedAccounts(db: Db): { sub: string; lockedAt: string; failedAttempts: number }[] {
  return db
    .select({ sub: idpAccountState.sub, lockedAt: idpAccountState.lockedAt, failedAttempts: idpAccountState.failedAttempts })
    .from(idpAccountState)
    .where(isNotNull(idpAccountState.lockedAt))
    .all()
    .map((row) => ({ ...row, lockedAt: row.lockedAt ?? '' }))
}

/**
 * Counts one failed attempt (wrong password or wrong code) in one statement, so two concurrent
 * failures cannot both read 4 and write 5.
 * @returns the new count and whether this attempt locked the account
 */
export function recordFailure(db: Db, sub: string, clock: Clock): { failedAttempts: number; lockedNow: boolean } {
  const now = clock.now().toISOString()
  return db.transaction((tx) => {
    const before = tx.select().from(idpAccountState).where(eq(idpAccountState.sub, sub)).get()
    const failedAttempts = (before?.failedAttempts ?? 0) + 1
    const lockedNow = !before?.lockedAt && failedAttempts >= MAX_FAILED_ATTEMPTS
    const lockedAt = before?.lockedAt ?? (lockedNow ? now : null)
    tx.insert(idpAccountState)
      .values({ sub, failedAttempts, lockedAt, lastTotpStep: before?.lastTotpStep ?? null, updatedAt: now })
      .onConflictDoUpdate({ target: idpAccountState.sub, set: { failedAttempts, lockedAt, updatedAt: now } })
      .run()
    return { failedAttempts, lockedNow }
  })
}

/** After a complete sign-in: the count starts again; `totpStep` is remembered against replay. */
export function recordSuccess(db: Db, sub: string, clock: Clock, totpStep?: number): void {
  const now = clock.now().toISOString()
  const set = { failedAttempts: 0, updatedAt: now, ...(totpStep === undefined ? {} : { lastTotpStep: totpStep }) }
  db.insert(idpAccountState)
    .values({ sub, lockedAt: null, lastTotpStep: totpStep ?? null, ...set })
    .onConflictDoUpdate({ target: idpAccountState.sub, set })
    .run()
}

/**
 * Lifts a lock and clears the count. For the administrators' API (which records who did it in
 * the audit log through the `account.unlocked` event) and the CLI.
 * @param by `sub` of the administrator, or 'cli'
 * @returns false when the account was not locked
 */
export function unlockAccount(db: Db, sub: string, by: string, options: { clock?: Clock; logger?: Logger } = {}): boolean {
  const at = (options.clock?.now() ?? new Date()).toISOString()
  const wasLocked = db.transaction((tx) => {
    const before = tx.select().from(idpAccountState).where(eq(idpAccountState.sub, sub)).get()
    if (!before) return false
    tx.update(idpAccountState).set({ failedAttempts: 0, lockedAt: null, updatedAt: at }).where(eq(idpAccountState.sub, sub)).run()
    return before.lockedAt !== null
  })
  if (wasLocked) {
    const event = { type: 'account.unlocked', at, sub, by } as const
    if (options.logger) logIdpEvent(options.logger, event)
    emitIdpEvent(event, options.logger)
  }
  return wasLocked
}
