/**
 * `pnpm --filter @portal/bff idp:unlock <username>`: lifts the lock of an embedded-provider
 * account (after 5 failed sign-ins) on the database in DATA_DIR. For administrators with a shell
 * on the server; the admin screen calls `unlockAccount` for the others. Exit 0 when unlocked,
 * 1 when the account was not locked, 2 on a usage error or unknown username.
 */
import { ConfigError, loadConfig } from '../config/config.ts'
import { openDatabase } from '../db/open.ts'
import { createLogger } from '../log.ts'
import { AccountDirectory } from './accounts.ts'
import { demoAccounts } from './demo-accounts.ts'
import { unlockAccount } from './lockout.ts'

function run(args: string[]): number {
  const username = args[0]
  if (!username || args.length > 1) {
    console.error('Usage: pnpm --filter @portal/bff idp:unlock <username>')
    return 2
  }
  const account = new AccountDirectory(demoAccounts).byUsername(username)
  if (!account) {
    console.error(`No account of the embedded provider has the username ${username}.`)
    return 2
  }
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      return 2
    }
    throw error
  }
  const db = openDatabase(config.databaseFile)
  try {
    const unlocked = unlockAccount(db, account.sub, 'cli', { logger: createLogger(config.logLevel) })
    console.log(unlocked ? `Unlocked ${username} (${account.sub}).` : `${username} was not locked.`)
    return unlocked ? 0 : 1
  } finally {
    db.$client.close()
  }
}

process.exitCode = run(process.argv.slice(2))
